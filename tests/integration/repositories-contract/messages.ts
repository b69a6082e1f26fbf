/** The messages repository's contract: numbering, one answer per question, evaluations, turns. */
import { describe, expect, it } from 'vitest';
import type { NewMessage } from '../../../src/repositories/messages-repository.js';
import type { DriverUnderTest } from './drivers.js';
import { coverage, decision, evaluation, seedSession, speech } from './fixtures.js';

const question = (sessionId: string, questionNumber: number, extra: Partial<NewMessage> = {}): NewMessage => ({
  sessionId,
  ownerId: 'owner',
  kind: 'question',
  questionNumber,
  content: `Question ${questionNumber}: tell me about a time you changed a system others depended on.`,
  questionKind: 'behavioral',
  focus: 'ownership',
  provider: 'offline',
  difficulty: 'mid',
  competency: 'ownership',
  bankId: `bank-${questionNumber}`,
  keyPoints: ['who depended on it', 'how you rolled it out', 'what you measured'],
  ...extra,
});

const answer = (sessionId: string, replyTo: string, questionNumber: number, content = 'We moved billing from cron to Kafka; I wrote the cut-over plan.'): NewMessage => ({
  sessionId,
  ownerId: 'owner',
  kind: 'answer',
  questionNumber,
  replyTo,
  content,
});

export function messagesContract(driver: () => DriverUnderTest): void {
  describe('messages', () => {
    it('append numbers the conversation from 1 and reads every column back with its type', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const q = await repos.messages.append(question(session.id, 1));
      expect(q).toMatchObject({ seq: 1, role: 'interviewer', kind: 'question', questionNumber: 1, replyTo: null, keyPoints: ['who depended on it', 'how you rolled it out', 'what you measured'], evaluation: null, speechMetrics: null, decision: null, coverage: null, difficulty: 'mid', competency: 'ownership', bankId: 'bank-1' });
      expect(q?.createdAt).toBeInstanceOf(Date);
      const a = await repos.messages.append({ ...answer(session.id, q!.id, 1), speechMetrics: speech });
      expect(a).toMatchObject({ seq: 2, role: 'candidate', kind: 'answer', replyTo: q!.id, keyPoints: null, questionKind: null });
      expect(a?.speechMetrics).toEqual(speech);
      const listed = await repos.messages.listBySession(session.id, 'owner');
      expect(listed).toEqual([q, a]);
    });

    it('refuses duplicates with null, storing nothing: a second answer, a second question 1, a second follow-up', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      const q = await repos.messages.append(question(session.id, 1));
      expect(await repos.messages.append(answer(session.id, q!.id, 1))).not.toBeNull();
      expect(await repos.messages.append(answer(session.id, q!.id, 1, 'a double submit'))).toBeNull();
      expect(await repos.messages.append(question(session.id, 1, { content: 'Another first question' }))).toBeNull();
      const followUp = await repos.messages.append({ ...question(session.id, 1), kind: 'follow_up', content: 'What did you measure?' });
      expect(followUp).toMatchObject({ seq: 3, kind: 'follow_up' });
      expect(await repos.messages.append({ ...question(session.id, 1), kind: 'follow_up', content: 'And then?' })).toBeNull();
      // Answers are not limited per question number: one to the follow-up is fine.
      expect(await repos.messages.append(answer(session.id, followUp!.id, 1, 'Pages per week, before and after.'))).toMatchObject({ seq: 4 });
      expect(await countRows('messages', { column: 'session_id', value: session.id })).toBe(4);
      // The numbering has no gap where the refused ones were.
      expect((await repos.messages.append(question(session.id, 2)))?.seq).toBe(5);
    });

    it('two answers to one question at once: exactly one row, the other null', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      const q = await repos.messages.append(question(session.id, 1));
      const results = await Promise.all([repos.messages.append(answer(session.id, q!.id, 1, 'first tab')), repos.messages.append(answer(session.id, q!.id, 1, 'second tab'))]);
      expect(results.filter((r) => r === null)).toHaveLength(1);
      expect(await countRows('messages', { column: 'reply_to', value: q!.id })).toBe(1);
    });

    it('different messages appended at once are all stored, numbered 1..n without gaps', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const stored = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => repos.messages.append(question(session.id, n))));
      expect(stored.every((m) => m !== null)).toBe(true);
      expect(stored.map((m) => m!.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await repos.messages.listBySession(session.id, 'owner')).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it("another owner's session: append is SESSION_NOT_FOUND, reads are empty, writes change nothing", async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      const q = await repos.messages.append(question(session.id, 1));
      const a = await repos.messages.append({ ...answer(session.id, q!.id, 1), speechMetrics: speech });
      await repos.users.ensure('stranger');
      await expect(repos.messages.append({ ...question(session.id, 2), ownerId: 'stranger' })).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND', statusCode: 404 });
      await expect(repos.messages.append(question('no-such-session', 1))).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
      expect(await repos.messages.listBySession(session.id, 'stranger')).toEqual([]);
      expect(await repos.messages.setFirstEvaluation(a!.id, 'stranger', { evaluation: evaluation(9), provider: 'gemini', coverage })).toBe(false);
      expect(await repos.messages.recordTurn({ answerId: a!.id, ownerId: 'stranger', decision })).toBe(false);
      expect(await repos.messages.clearSpeechMetrics(session.id, 'stranger')).toBe(0);
      expect(await repos.messages.listBySession(session.id, 'owner')).toEqual([q, a]);
      expect(await countRows('messages', { column: 'session_id', value: session.id })).toBe(2);
    });

    it('setFirstEvaluation: the first evaluation written wins', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const q = await repos.messages.append(question(session.id, 1));
      const a = await repos.messages.append(answer(session.id, q!.id, 1));
      expect(await repos.messages.setFirstEvaluation(a!.id, 'owner', { evaluation: evaluation(5), provider: 'gemini', coverage })).toBe(true);
      expect(await repos.messages.setFirstEvaluation(a!.id, 'owner', { evaluation: evaluation(9), provider: 'offline', coverage: null })).toBe(false);
      const [, stored] = await repos.messages.listBySession(session.id, 'owner');
      expect(stored).toMatchObject({ evaluation: evaluation(5), provider: 'gemini', coverage });
    });

    it('two evaluations at once: exactly one is stored', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const q = await repos.messages.append(question(session.id, 1));
      const a = await repos.messages.append(answer(session.id, q!.id, 1));
      const results = await Promise.all([
        repos.messages.setFirstEvaluation(a!.id, 'owner', { evaluation: evaluation(4), provider: 'gemini', coverage }),
        repos.messages.setFirstEvaluation(a!.id, 'owner', { evaluation: evaluation(8), provider: 'openai', coverage: null }),
      ]);
      expect([...results].sort()).toEqual([false, true]);
      const [, stored] = await repos.messages.listBySession(session.id, 'owner');
      expect(stored?.provider).toBe(results[0] ? 'gemini' : 'openai');
    });

    it('recordTurn stores the decision, the evaluation and the next question together, once', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      const q = await repos.messages.append(question(session.id, 1));
      const a = await repos.messages.append(answer(session.id, q!.id, 1));
      const next: NewMessage = { ...question(session.id, 1), kind: 'follow_up', content: decision.followUp! };
      expect(await repos.messages.recordTurn({ answerId: a!.id, ownerId: 'owner', decision, evaluation: { evaluation: evaluation(5), provider: 'offline', coverage }, next })).toBe(true);
      const [, storedAnswer, followUp] = await repos.messages.listBySession(session.id, 'owner');
      expect(storedAnswer).toMatchObject({ decision, evaluation: evaluation(5), provider: 'offline', coverage });
      expect(followUp).toMatchObject({ seq: 3, kind: 'follow_up', content: decision.followUp });
      // The same turn again (another tab): refused, nothing written.
      expect(await repos.messages.recordTurn({ answerId: a!.id, ownerId: 'owner', decision: { ...decision, action: 'move_on' }, next: question(session.id, 2) })).toBe(false);
      expect(await countRows('messages', { column: 'session_id', value: session.id })).toBe(3);
    });

    it("recordTurn keeps an evaluation that was there first, and writes nothing when its next message is a duplicate", async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const q1 = await repos.messages.append(question(session.id, 1));
      const a1 = await repos.messages.append(answer(session.id, q1!.id, 1));
      await repos.messages.append(question(session.id, 2));
      await repos.messages.setFirstEvaluation(a1!.id, 'owner', { evaluation: evaluation(7), provider: 'gemini', coverage: null });
      // Question 2 exists already: the whole turn rolls back, decision included.
      expect(await repos.messages.recordTurn({ answerId: a1!.id, ownerId: 'owner', decision, evaluation: { evaluation: evaluation(3), provider: 'offline', coverage }, next: question(session.id, 2) })).toBe(false);
      let [, storedAnswer] = await repos.messages.listBySession(session.id, 'owner');
      expect(storedAnswer).toMatchObject({ decision: null, evaluation: evaluation(7), provider: 'gemini' });
      expect(await repos.messages.recordTurn({ answerId: a1!.id, ownerId: 'owner', decision, evaluation: { evaluation: evaluation(3), provider: 'offline', coverage } })).toBe(true);
      [, storedAnswer] = await repos.messages.listBySession(session.id, 'owner');
      expect(storedAnswer).toMatchObject({ decision, evaluation: evaluation(7), provider: 'gemini', coverage: null });
    });

    it('two turns for one answer at once: one is recorded, with one next question', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      const q = await repos.messages.append(question(session.id, 1));
      const a = await repos.messages.append(answer(session.id, q!.id, 1));
      const turn = (content: string) => repos.messages.recordTurn({ answerId: a!.id, ownerId: 'owner', decision, next: { ...question(session.id, 2), content } });
      const results = await Promise.all([turn('Question 2 from the first tab'), turn('Question 2 from the second tab')]);
      expect([...results].sort()).toEqual([false, true]);
      expect(await countRows('messages', { column: 'session_id', value: session.id })).toBe(3);
    });

    it('recordTurn for an interview deleted meanwhile writes nothing', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const q = await repos.messages.append(question(session.id, 1));
      const a = await repos.messages.append(answer(session.id, q!.id, 1));
      await repos.sessions.deleteOwned(session.id, 'owner');
      expect(await repos.messages.recordTurn({ answerId: a!.id, ownerId: 'owner', decision, next: question(session.id, 2) })).toBe(false);
    });

    it('a turn recorded while the interview is deleted: the deletion wins or comes after, never an error', async () => {
      const { repos, countRows } = driver();
      // Several rounds: the two calls overlap differently each time on Postgres.
      for (let round = 0; round < 20; round++) {
        const session = await seedSession(repos, 'owner');
        const q = await repos.messages.append(question(session.id, 1));
        const a = await repos.messages.append(answer(session.id, q!.id, 1));
        const [recorded, deleted] = await Promise.all([
          repos.messages.recordTurn({ answerId: a!.id, ownerId: 'owner', decision, evaluation: { evaluation: evaluation(6), provider: 'offline', coverage }, next: question(session.id, 2) }),
          repos.sessions.deleteOwned(session.id, 'owner'),
        ]);
        expect(typeof recorded).toBe('boolean');
        expect(deleted).toBe(true);
        expect(await countRows('messages', { column: 'session_id', value: session.id })).toBe(0);
      }
    });

    it('clearSpeechMetrics forgets the metrics of spoken answers and keeps their text', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const q1 = await repos.messages.append(question(session.id, 1));
      await repos.messages.append({ ...answer(session.id, q1!.id, 1), speechMetrics: speech });
      const q2 = await repos.messages.append(question(session.id, 2));
      await repos.messages.append({ ...answer(session.id, q2!.id, 2, 'Typed, not spoken.') });
      expect(await repos.messages.clearSpeechMetrics(session.id, 'owner')).toBe(1);
      expect(await repos.messages.clearSpeechMetrics(session.id, 'owner')).toBe(0);
      const listed = await repos.messages.listBySession(session.id, 'owner');
      expect(listed.every((m) => m.speechMetrics === null)).toBe(true);
      expect(listed[1]?.content).toBe('We moved billing from cron to Kafka; I wrote the cut-over plan.');
    });
  });
}
