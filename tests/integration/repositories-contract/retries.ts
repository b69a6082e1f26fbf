/** The retries repository's contract: attempts per question under a limit, newest first, owned. */
import { describe, expect, it } from 'vitest';
import type { NewRetry } from '../../../src/repositories/retries-repository.js';
import type { DriverUnderTest } from './drivers.js';
import { coverage, evaluation, seedSession } from './fixtures.js';

const retry = (sessionId: string, questionNumber: number, score: number, at: Date, extra: Partial<NewRetry> = {}): NewRetry => ({
  sessionId,
  ownerId: 'owner',
  questionNumber,
  answer: `Attempt scoring ${score}: I owned the cut-over and measured pages per week.`,
  evaluation: evaluation(score),
  coverage,
  provider: 'offline',
  at,
  ...extra,
});

export function retriesContract(driver: () => DriverUnderTest): void {
  describe('retries', () => {
    it('create returns the stored retry; latest, count and summaries see it', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const at = new Date('2026-03-05T10:00:00.123Z');
      const stored = await repos.retries.create(retry(session.id, 3, 6, at), 5);
      expect(stored).toEqual({ id: expect.any(String), sessionId: session.id, questionNumber: 3, answer: retry(session.id, 3, 6, at).answer, evaluation: evaluation(6), coverage, provider: 'offline', createdAt: at });
      expect(await repos.retries.latest(session.id, 'owner', 3)).toEqual(stored);
      expect(await repos.retries.count(session.id, 'owner', 3)).toBe(1);
      expect(await repos.retries.count(session.id, 'owner', 4)).toBe(0);
      expect(await repos.retries.latest(session.id, 'owner', 4)).toBeUndefined();
      const withoutCoverage = await repos.retries.create(retry(session.id, 4, 2, at, { coverage: null }), 5);
      expect(withoutCoverage?.coverage).toBeNull();
    });

    it('stops at the limit per question (null), other questions unaffected', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const at = new Date('2026-03-05T10:00:00Z');
      expect(await repos.retries.create(retry(session.id, 1, 4, at), 2)).not.toBeNull();
      expect(await repos.retries.create(retry(session.id, 1, 5, at), 2)).not.toBeNull();
      expect(await repos.retries.create(retry(session.id, 1, 6, at), 2)).toBeNull();
      expect(await repos.retries.create(retry(session.id, 2, 6, at), 2)).not.toBeNull();
      expect(await repos.retries.count(session.id, 'owner', 1)).toBe(2);
    });

    it('submits at once never overshoot the limit: exactly the allowed attempts are stored', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      const at = new Date('2026-03-05T10:00:00Z');
      const results = await Promise.all([4, 5, 6, 7, 8].map((score) => repos.retries.create(retry(session.id, 1, score, at), 2)));
      expect(results.filter((r) => r !== null)).toHaveLength(2);
      expect(await countRows('question_retries', { column: 'session_id', value: session.id })).toBe(2);
    });

    it('two submits at once with room for one: one stored, the other null', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const at = new Date('2026-03-05T10:00:00Z');
      const results = await Promise.all([repos.retries.create(retry(session.id, 1, 6, at), 1), repos.retries.create(retry(session.id, 1, 7, at), 1)]);
      expect(results.filter((r) => r === null)).toHaveLength(1);
      expect(await repos.retries.count(session.id, 'owner', 1)).toBe(1);
    });

    it('the same text as the latest attempt (a double submit, e.g. scored by two instances at once) is stored once; both get that attempt', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      const at = new Date('2026-03-05T10:00:00Z');
      const results = await Promise.all([repos.retries.create(retry(session.id, 1, 6, at), 5), repos.retries.create(retry(session.id, 1, 6, at), 5)]);
      expect(results[0]).not.toBeNull();
      expect(results[1]).toEqual(results[0]);
      expect(await countRows('question_retries', { column: 'session_id', value: session.id })).toBe(1);
      // Other text is a new attempt; the first text again, after it, is one more.
      expect((await repos.retries.create(retry(session.id, 1, 8, at), 5))?.id).not.toBe(results[0]!.id);
      expect((await repos.retries.create(retry(session.id, 1, 6, at), 5))?.id).not.toBe(results[0]!.id);
      expect(await repos.retries.count(session.id, 'owner', 1)).toBe(3);
    });

    it('newest first, and retries in the same millisecond in the order they were made', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const early = new Date('2026-03-05T10:00:00.000Z');
      const same = new Date('2026-03-05T10:05:00.000Z');
      await repos.retries.create(retry(session.id, 1, 9, new Date(same.getTime() + 1)), 10);
      await repos.retries.create(retry(session.id, 2, 3, early), 10);
      // Six in one millisecond (a stuck submit button): the last one made is the latest.
      let last = null;
      for (const score of [4, 8, 5, 9, 6, 7]) last = await repos.retries.create(retry(session.id, 2, score, same), 10);
      await repos.retries.create(retry(session.id, 2, 2, early), 10);
      expect(last?.evaluation.score).toBe(7);
      expect(await repos.retries.latest(session.id, 'owner', 2)).toEqual(last);
      expect(await repos.retries.summaries(session.id, 'owner')).toEqual([
        { questionNumber: 1, attempts: 1, latestScore: 9 },
        { questionNumber: 2, attempts: 8, latestScore: 7 },
      ]);
    });

    it("another owner's id: create is SESSION_NOT_FOUND, reads find nothing", async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      await repos.retries.create(retry(session.id, 1, 5, new Date()), 3);
      await repos.users.ensure('stranger');
      await expect(repos.retries.create(retry(session.id, 1, 9, new Date(), { ownerId: 'stranger' }), 3)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND', statusCode: 404 });
      await expect(repos.retries.create(retry('no-such-session', 1, 9, new Date()), 3)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
      expect(await countRows('question_retries')).toBe(1);
      expect(await repos.retries.latest(session.id, 'stranger', 1)).toBeUndefined();
      expect(await repos.retries.count(session.id, 'stranger', 1)).toBe(0);
      expect(await repos.retries.summaries(session.id, 'stranger')).toEqual([]);
    });
  });
}
