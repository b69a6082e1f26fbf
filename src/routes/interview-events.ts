/**
 * GET /session/:id/events — the interviewer's work on one interview, as server-sent events,
 * for the page that waits for it (views/partials/_interview.eta, through htmx's SSE extension):
 *
 *   event: status    a sentence on what is happening (reading, queued, slow, taking over)
 *   event: question  the question so far, as the model writes it
 *   event: done      the whole #interview section, rendered for the new state (or for the
 *                    failure, with the message and "Try again"); the stream then ends
 *
 * Watching changes nothing: the step runs in the background whether or not anyone follows it,
 * and a page that disconnects and reconnects picks up where it stands. A full AI queue is not
 * a failure here: the stream says so and tries again until there is room (up to BUSY_LIMIT_MS).
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AppError } from '../errors.js';
import type { InterviewState } from '../interview/state.js';
import type { StepEvent } from '../services/interview-service.js';
import { interviewData, stepStatus } from '../views/interview-view.js';
import { showScoresOf } from './preferences.js';
import { currentVisitor, visitorId } from './visitor.js';
import { IdParams, typedRoutes } from './schemas.js';

/** A comment line every so often keeps proxies and idle timeouts from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
/** No words from the model after this long: the page says it is slow (and who takes over). */
const SLOW_AFTER_MS = 6_000;
/** How often the queue position is checked while the step waits for a slot. */
const QUEUE_POLL_MS = 1_000;
/** A full queue is retried this often, for at most this long. */
const BUSY_RETRY_MS = 2_000;
const BUSY_LIMIT_MS = 120_000;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One server-sent event; every line of `data` gets its own `data:` field. */
export function sseEvent(event: string, data: string): string {
  return `event: ${event}\n${data.split(/\r?\n/).map((line) => `data: ${line}`).join('\n')}\n\n`;
}

export async function interviewEventRoutes(plain: FastifyInstance) {
  const app = typedRoutes(plain);
  const { interview } = app.services;
  /** Open streams, ended when the server closes (they would otherwise hold it open). */
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get('/session/:id/events', { schema: { params: IdParams } }, async (request, reply) => {
    const owner = visitorId(request);
    const { session, state } = await interview.peek(request.params.id, owner); // 404 unless theirs
    const firstQuestion = state.exchanges.length === 0;
    // What rendering needs from the request, taken now: the stream outlives the handler.
    const common = { visitor: currentVisitor(request), csrfToken: reply.generateCsrf(), notice: null };
    const showScores = showScoresOf(request);

    const stream = new PassThrough();
    const timers = new Set<NodeJS.Timeout>();
    let unfollow: () => void = () => {};
    let ended = false;
    let lastStatus = '';
    let sawText = false;

    const write = (chunk: string) => {
      if (!ended) stream.write(chunk);
    };
    const status = (text: string | null) => {
      if (text && text !== lastStatus) write(sseEvent('status', escapeHtml((lastStatus = text))));
    };
    const end = () => {
      if (ended) return;
      ended = true;
      unfollow();
      for (const t of timers) clearTimeout(t);
      open.delete(end);
      stream.end();
    };
    open.add(end);
    // The response closes when the page goes away (or the stream ends): stop following.
    reply.raw.on('close', end);

    async function finish(now: InterviewState, error?: AppError) {
      const current = (await interview.peek(session.id, owner)).session;
      const data = { ...common, ...interviewData(app, current, now, { showScores, ...(error ? { error } : {}) }) };
      const html = await app.view('partials/_interview', data);
      write(sseEvent('done', html));
      end();
    }

    const started = Date.now();
    function onEvent(event: StepEvent) {
      switch (event.type) {
        case 'text':
          sawText = true;
          write(sseEvent('question', escapeHtml(event.text)));
          return;
        case 'done':
          void finish(event.state).catch(() => end());
          return;
        case 'failed':
          if (event.error.code === 'AI_BUSY' && Date.now() - started < BUSY_LIMIT_MS) {
            // Someone else's turn holds the model: wait for room, then try again.
            status(stepStatus({ type: 'busy' }, firstQuestion));
            const retry = setTimeout(() => {
              timers.delete(retry);
              if (!ended) follow();
            }, BUSY_RETRY_MS);
            timers.add(retry);
            return;
          }
          void interview
            .peek(session.id, owner)
            .then(({ state: now }) => finish(now, event.error))
            .catch(() => end());
          return;
        default:
          status(stepStatus(event, firstQuestion));
      }
    }

    function follow() {
      interview.follow(session.id, owner, onEvent).then(
        (stop) => {
          // The page went away while the interview was being read: stop at once.
          if (ended) stop();
          else unfollow = stop;
        },
        () => end(), // deleted meanwhile
      );
    }

    reply
      .header('Content-Type', 'text/event-stream; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .header('X-Accel-Buffering', 'no');
    // Reconnect after 3 s if the connection drops; start with the status the page already shows.
    write('retry: 3000\n\n');

    const heartbeat = setInterval(() => write(': still here\n\n'), HEARTBEAT_MS);
    timers.add(heartbeat);
    const slow = setTimeout(() => {
      if (!sawText) status(stepStatus({ type: 'slow' }, firstQuestion));
    }, SLOW_AFTER_MS);
    timers.add(slow);
    let lastPosition: number | null = null;
    const queue = setInterval(() => {
      const position = app.aiQueue.position(session.id);
      if (position !== null && position > 0 && position !== lastPosition) status(stepStatus({ type: 'queued', position }, firstQuestion));
      lastPosition = position;
    }, QUEUE_POLL_MS);
    timers.add(queue);

    follow();
    return reply.send(stream);
  });
}
