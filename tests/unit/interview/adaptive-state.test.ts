/**
 * The resumable interview state with adaptive decisions: the follow-up comes from the stored
 * decision (or, for answers stored before decisions existed, from the evaluation), and the next
 * question's level from the latest decision. Also what is stored with a remote model's question.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerEvaluation, PlannedQuestion } from '../../../src/ai/types.js';
import type { AdaptiveDecision } from '../../../src/intelligence/types.js';
import type { MessageRow } from '../../../src/repositories/messages-repository.js';
import { bankEntry, QUESTION_BANK } from '../../../src/question-bank/index.js';
import { deriveInterviewState, levelOf } from '../../../src/interview/state.js';
import { questionDetails } from '../../../src/interview/enrichment.js';

let seq = 0;
function message(fields: Partial<MessageRow>): MessageRow {
  seq++;
  return {
    id: `m${seq}`, sessionId: 's', seq, role: 'interviewer', kind: 'question', questionNumber: 1, replyTo: null, content: 'Q?',
    questionKind: 'behavioral', focus: 'teamwork', provider: 'offline', evaluation: null, speechMetrics: null, difficulty: null,
    competency: null, bankId: null, keyPoints: null, coverage: null, decision: null, createdAt: new Date(0),
    ...fields,
  } as MessageRow;
}

const evaluation = (score: number, followUp: string | null = null): AnswerEvaluation => ({
  score, criteria: [], strengths: [], weaknesses: [], followUp, summary: 'x',
});
const decision = (fields: Partial<AdaptiveDecision>): AdaptiveDecision => ({ action: 'move_on', reason: 'r', level: 'mid', nextLevel: 'mid', ...fields });

describe('interview state with adaptive decisions', () => {
  it('asks the follow-up the decision names, even when the evaluator suggested another', () => {
    const q = message({ difficulty: 'mid' });
    const a = message({ kind: 'answer', role: 'candidate', replyTo: q.id, evaluation: evaluation(4, 'Evaluator text?'),
      decision: decision({ action: 'follow_up', followUp: 'Decision text?' }) });
    const state = deriveInterviewState('in_progress', [q, a]);
    expect(state.nextStep).toMatchObject({ type: 'ask_follow_up', text: 'Decision text?' });
  });

  it('moves on when the decision says so, whatever the evaluation suggested', () => {
    const q = message({ difficulty: 'mid' });
    const a = message({ kind: 'answer', role: 'candidate', replyTo: q.id, evaluation: evaluation(9, 'Evaluator text?'),
      decision: decision({ action: 'raise', nextLevel: 'senior' }) });
    const state = deriveInterviewState('in_progress', [q, a]);
    expect(state.nextStep).toEqual({ type: 'ask_next', questionNumber: 2 });
    expect(levelOf({ exchanges: state.exchanges })).toBe('senior');
  });

  it('gives an answer evaluated before decisions existed its turn now, keeping the evaluation', () => {
    const q = message({});
    const a = message({ kind: 'answer', role: 'candidate', replyTo: q.id, evaluation: evaluation(4, 'Legacy follow-up?') });
    const state = deriveInterviewState('in_progress', [q, a]);
    expect(state.phase).toBe('preparing');
    expect(state.nextStep).toMatchObject({ type: 'turn', answer: { id: a.id }, question: { id: q.id } });
    expect(state.unevaluated).toEqual([]);
    expect(levelOf({ exchanges: state.exchanges })).toBeNull();
  });

  it('waits for the interviewer’s turn after an answer; its evaluation runs beside it, not in its way', () => {
    const q = message({ difficulty: 'junior' });
    const a = message({ kind: 'answer', role: 'candidate', replyTo: q.id });
    const state = deriveInterviewState('in_progress', [q, a]);
    expect(state.nextStep).toMatchObject({ type: 'turn' });
    expect(state.unevaluated.map((e) => e.answer!.id)).toEqual([a.id]);
    expect(levelOf({ exchanges: state.exchanges })).toBe('junior');
    // Once the turn is taken (decision stored, next question asked), the candidate answers on
    // while the evaluation is still missing.
    const decided = { ...a, decision: decision({ action: 'move_on', nextLevel: 'junior' }) };
    const q2 = message({ questionNumber: 2 });
    const next = deriveInterviewState('in_progress', [q, decided, q2]);
    expect(next.phase).toBe('awaiting_answer');
    expect(next.unevaluated.map((e) => e.answer!.id)).toEqual([a.id]);
  });

  it('takes the level from the latest decision, across a follow-up', () => {
    const q = message({ difficulty: 'mid' });
    const a = message({ kind: 'answer', role: 'candidate', replyTo: q.id, evaluation: evaluation(3), decision: decision({ action: 'follow_up', followUp: 'More?' }) });
    const f = message({ kind: 'follow_up', questionKind: 'follow_up', difficulty: 'mid' });
    const fa = message({ kind: 'answer', role: 'candidate', replyTo: f.id, evaluation: evaluation(2), decision: decision({ action: 'lower', nextLevel: 'junior' }) });
    const state = deriveInterviewState('in_progress', [q, a, f, fa]);
    expect(state.nextStep).toEqual({ type: 'ask_next', questionNumber: 2 });
    expect(levelOf({ exchanges: state.exchanges })).toBe('junior');
  });
});

describe('questionDetails: what is stored with a planned question', () => {
  const remote = (fields: Partial<PlannedQuestion>): PlannedQuestion => ({
    text: 'Tell me about a time you disagreed with a colleague about a technical decision.',
    kind: 'behavioral',
    focus: 'conflict',
    ...fields,
  });

  it("keeps a model's own key points", () => {
    const d = questionDetails(remote({ keyPoints: ['names the disagreement', 'states the outcome'] }), 'senior');
    expect(d).toEqual({ difficulty: 'senior', competency: 'conflict', bankId: null, keyPoints: ['names the disagreement', 'states the outcome'] });
  });

  it('takes the key points of the bank entry the model cites', () => {
    const cited = QUESTION_BANK.find((e) => e.competency === 'leadership')!;
    const d = questionDetails(remote({ bankId: cited.id, keyPoints: null }), 'mid');
    expect(d).toMatchObject({ competency: 'leadership', bankId: cited.id, keyPoints: cited.keyPoints });
  });

  it('falls back to the closest bank entry: same competency and kind, at the level', () => {
    const d = questionDetails(remote({ bankId: 'no-such-entry' }), 'junior');
    const entry = bankEntry(d.bankId!)!;
    expect(entry).toMatchObject({ competency: 'conflict', kind: 'behavioral', level: 'junior' });
    expect(d.keyPoints).toEqual(entry.keyPoints);
  });
});
