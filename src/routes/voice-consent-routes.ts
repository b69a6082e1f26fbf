/**
 * Consent to voice recording (issue 14), per interview:
 * - POST /session/:id/voice-consent — field `raw_audio` (optional, "on": also keep the raw
 *   audio, offered only when the operator keeps it). The recorder posts it with htmx headers
 *   and gets 204, then starts recording; a plain form gets 303 back to the interview.
 * - POST /session/:id/voice-consent/withdraw — deletes the interview's recordings, audio files,
 *   live transcripts and delivery metrics; 204 for the recorder (htmx headers), else 303 back to
 *   the page it came from (`return_to`: `feedback` or `interview`) with a notice.
 */
import type { FastifyInstance } from 'fastify';
import { visitorId } from './visitor.js';
import { isHtmx, seeOther } from './render.js';
import { formOf, IdParams, typedRoutes, VoiceConsentForm } from './schemas.js';

const yes = (value: string | undefined) => value === 'on' || value === 'true' || value === '1';

export async function voiceConsentRoutes(plain: FastifyInstance) {
  const app = typedRoutes(plain);
  const { voiceConsent } = app.services;

  const consentRoute = { schema: { params: IdParams, body: VoiceConsentForm }, attachValidation: true };

  app.post('/session/:id/voice-consent', consentRoute, async (request, reply) => {
    const id = request.params.id;
    await voiceConsent.give(id, visitorId(request), { rawAudio: yes(formOf(VoiceConsentForm, request).raw_audio) });
    if (isHtmx(request)) return reply.code(204).header('Cache-Control', 'no-store').send();
    return seeOther(reply, `/session/${encodeURIComponent(id)}/interview?done=voice-consent-given`);
  });

  app.post('/session/:id/voice-consent/withdraw', consentRoute, async (request, reply) => {
    const id = request.params.id;
    await voiceConsent.withdraw(id, visitorId(request));
    if (isHtmx(request)) return reply.code(204).header('Cache-Control', 'no-store').send();
    const page = formOf(VoiceConsentForm, request).return_to === 'feedback' ? 'feedback' : 'interview';
    return seeOther(reply, `/session/${encodeURIComponent(id)}/${page}?done=voice-consent-withdrawn`);
  });
}
