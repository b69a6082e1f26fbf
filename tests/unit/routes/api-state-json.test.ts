/**
 * The API's interview state (GET /api/v1/interviews/:id) for fixed stored rows, pinned to the
 * exact JSON text, key order included: it is built from the same view as the interview page
 * (src/views/interview-view.ts) and must not change shape when that view changes.
 */
import { describe, expect, it } from 'vitest';
import type { AdaptiveDecision } from '../../../src/intelligence/types.js';
import type { MessageRow } from '../../../src/repositories/messages-repository.js';
import type { SessionRow } from '../../../src/repositories/sessions-repository.js';
import { deriveInterviewState } from '../../../src/interview/state.js';
import { stateJson } from '../../../src/routes/api/present.js';

const at = new Date('2026-05-02T10:00:00Z');

const session: SessionRow = {
  id: 's1', ownerId: 'u1', jobTitle: 'Backend Engineer', companyName: 'Acme', jobDescription: 'We build billing systems in Go.',
  jobFileName: null, interviewType: 'mixed', difficulty: 'auto', focusCompetencies: null, cvText: 'Alex Morgan. Go engineer.',
  cvFileName: 'cv.txt', cvFormat: 'txt', cvPageCount: null, cvWordCount: 4, cvTruncated: false, status: 'in_progress',
  voiceConsentAt: null, voiceConsentRawAudio: false, voiceConsentTranscriber: null, voiceConsentWithdrawnAt: null,
  createdAt: at, startedAt: at, completedAt: null,
};

let seq = 0;
function message(fields: Partial<MessageRow>): MessageRow {
  seq++;
  return {
    id: `m${seq}`, sessionId: 's1', seq, role: 'interviewer', kind: 'question', questionNumber: 1, replyTo: null, content: 'Q?',
    questionKind: 'behavioral', focus: 'teamwork', provider: 'offline', evaluation: null, speechMetrics: null, difficulty: 'mid',
    competency: null, bankId: null, keyPoints: null, coverage: null, decision: null, createdAt: at,
    ...fields,
  };
}

const decision: AdaptiveDecision = { action: 'follow_up', reason: 'The answer named no result.', level: 'mid', nextLevel: 'mid', followUp: 'What changed?' };

describe('the API interview state JSON', () => {
  it('is exactly the same text for the same rows: a follow-up waiting, asked by the offline interviewer after a model failed', () => {
    const q = message({ content: 'Tell me about a conflict.' });
    const a = message({ role: 'candidate', kind: 'answer', replyTo: q.id, content: 'We disagreed about retries.', provider: 'gemini', decision });
    const f = message({ kind: 'follow_up', content: 'What changed?', questionKind: 'follow_up', provider: 'offline' });
    const state = deriveInterviewState('in_progress', [q, a, f]);
    expect(JSON.stringify(stateJson(session, state, true))).toBe(
      JSON.stringify({
        interview: {
          id: 's1', jobTitle: 'Backend Engineer', companyName: 'Acme', interviewType: 'mixed', difficulty: 'auto', status: 'in_progress',
          cv: { fileName: 'cv.txt', format: 'txt', words: 4, pages: null, truncated: false },
          jobDescriptionWords: 6, createdAt: '2026-05-02T10:00:00.000Z', startedAt: '2026-05-02T10:00:00.000Z', completedAt: null,
          voiceConsent: { given: false, at: null, rawAudio: false, transcriber: null, withdrawnAt: null },
        },
        phase: 'awaiting_answer', questionNumber: 1, answeredCount: 1, total: 8, level: 'mid',
        question: { id: f.id, number: 1, kind: 'follow_up', questionKind: 'follow_up', text: 'What changed?', level: 'mid', provider: 'offline' },
        decision: { action: 'follow_up', reason: 'The answer named no result.', level: 'mid', nextLevel: 'mid' },
        tookOver: true,
      }),
    );
  });

  it('says no decision, no take-over and no level before the first question (the page shows the starting level instead)', () => {
    const json = stateJson({ ...session, status: 'draft', startedAt: null }, deriveInterviewState('draft', []), false);
    expect(json).toMatchObject({ phase: 'not_started', questionNumber: 0, answeredCount: 0, total: 8, level: null, question: null, decision: null, tookOver: false });
  });
});
