/**
 * Security headers on every response (@fastify/helmet), with a strict Content-Security-Policy:
 * scripts, styles, fetches and form posts only from this origin; no inline scripts, event
 * handlers or style attributes; no framing. The pages are built for it: htmx is served from
 * here with `allowEval: false` and no inline indicator styles, and the views hold no inline
 * code (tests/e2e/security.e2e.test.ts walks every page in chromium and fails on any
 * CSP violation).
 *
 * `connect-src 'self'` also covers WebSockets to this host (ws:/wss:): CSP Level 3 lets
 * 'self' match the ws/wss equivalents of the page's scheme, which chromium implements (the
 * browser test checks it).
 */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  // Recorded answers may be played back from blob: URLs (voice answers).
  mediaSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => [k, [...v]])),
        // Only behind HTTPS: on plain http://host:3000 it would send every sub-request to https.
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only when the site is served over HTTPS (COOKIE_SECURE=true); never for sub-domains we don't know.
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  // The microphone is for this site's own recorder only; nothing else is wanted.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('Permissions-Policy', 'camera=(), geolocation=(), payment=(), usb=(), microphone=(self)');
  });
}
