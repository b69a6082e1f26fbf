import type { FastifyReply, FastifyRequest } from 'fastify';

/** True when htmx made the request: such requests get a fragment instead of a whole page. */
export function isHtmx(request: FastifyRequest): boolean {
  return request.headers['hx-request'] === 'true';
}

/**
 * Renders a template. Every page that can answer with a fragment says so in `Vary`, so a
 * cache never serves a fragment to a full-page load or the other way round.
 */
export function render(reply: FastifyReply, template: string, data: Record<string, unknown>, status = 200) {
  reply.header('Vary', 'HX-Request');
  reply.header('Cache-Control', 'no-store');
  return reply.code(status).type('text/html; charset=utf-8').viewAsync(template, data);
}

/** Post/Redirect/Get: after a successful POST the browser loads the next page with GET. */
export function seeOther(reply: FastifyReply, url: string) {
  return reply.redirect(url, 303);
}
