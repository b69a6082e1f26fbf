/**
 * GET /session/:id/audio — the voice-answer WebSocket (protocol: src/speech/README.md).
 *
 * Who may connect is decided before the upgrade (preValidation): only the interview's owner,
 * from this site's pages, while the interview is in progress. Everyone else gets an ordinary
 * HTTP error (404 for an unknown or foreign interview) and no socket. After the upgrade the
 * connection is the speech module's (speech/recording-socket.ts): the recording's state
 * machine, the checks on every frame and the raw audio file live there.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Errors } from '../errors.js';
import type { SessionRow } from '../repositories/sessions-repository.js';
import { runRecordingSocket } from '../speech/recording-socket.js';
import { transcriptionHints } from '../services/transcription-hints.js';
import { visitorId } from './visitor.js';
import { bearerIdentity } from './api/index.js';
import { IdParams, typedRoutes } from './schemas.js';

/** Recordings one visitor may have open at once (a second tab is fine, a hundred are not). */
const MAX_LIVE_RECORDINGS_PER_VISITOR = 3;

/** A browser page from another site must not open a socket with our visitor's cookie. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser page (e.g. a script with the cookie): the cookie is the check
  try {
    // Both through URL with the page's scheme, so "host:80" and "host" compare equal.
    const page = new URL(origin);
    return page.host === new URL(`${page.protocol}//${request.host}`).host;
  } catch {
    return false;
  }
}

/**
 * Whose recording this is: an API token's owner (an integrator streaming a spoken answer; a
 * page cannot send that header, so no Origin check is needed), or the visitor of the cookie,
 * whose socket must come from one of our own pages.
 */
async function socketOwner(request: FastifyRequest): Promise<string> {
  const token = await bearerIdentity(request, 'write');
  if (token) return token.ownerId;
  if (!sameOrigin(request)) throw Errors.crossOriginAudio();
  return visitorId(request);
}

export async function audioRoutes(plain: FastifyInstance) {
  const app = typedRoutes(plain);
  const { interview, recordings, transcriber, voiceConsent } = app.services;
  const settings = app.config.speech;

  /**
   * What the upgrade's checks found, for the socket handler: it must attach its listeners at
   * once (an await there would drop the first audio frames), so it does not read again.
   */
  const admitted = new WeakMap<FastifyRequest, { ownerId: string; session: SessionRow }>();

  app.get(
    '/session/:id/audio',
    {
      schema: { params: IdParams },
      websocket: true,
      preValidation: async (request) => {
        const owner = await socketOwner(request);
        const { session } = await interview.peek(request.params.id, owner); // 404 unless it is theirs
        if (session.status === 'draft') throw Errors.notStarted();
        if (session.status === 'completed') throw Errors.interviewFinished();
        // The candidate agreed, in this interview, to what is measured, stored and sent (issue 14).
        if (!voiceConsent.given(session)) throw Errors.voiceConsentRequired();
        if (recordings.liveCount(owner) >= MAX_LIVE_RECORDINGS_PER_VISITOR) throw Errors.tooManyRecordings();
        admitted.set(request, { ownerId: owner, session });
      },
    },
    (socket, request) => {
      const { ownerId, session } = admitted.get(request)!;
      runRecordingSocket(socket, {
        ownerId,
        sessionId: session.id,
        recordings,
        transcriber,
        // The job's vocabulary and the interview's language go with every utterance.
        hints: transcriptionHints(session),
        settings,
        // Raw audio only when the operator keeps it and the candidate agreed to that too.
        rawAudioDataDir: settings.storeRaw && session.voiceConsentRawAudio ? app.config.dataDir : null,
        log: request.log,
      });
    },
  );
}
