/** The feedback repository's contract: one feedback per interview, reached through its owner. */
import { describe, expect, it } from 'vitest';
import type { DriverUnderTest } from './drivers.js';
import { interviewSummary, requirements, seedSession } from './fixtures.js';

export function feedbackContract(driver: () => DriverUnderTest): void {
  describe('feedback', () => {
    it('saveAndComplete stores the feedback and completes the interview; JSON and dates read back as written', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      expect(await repos.feedback.findBySession(session.id, 'owner')).toBeUndefined();
      const at = new Date('2026-03-04T05:06:07.891Z');
      await repos.feedback.saveAndComplete(session.id, 'owner', interviewSummary(6), 'gemini', at, requirements);
      expect(await repos.feedback.findBySession(session.id, 'owner')).toEqual({ sessionId: session.id, overallScore: 6, summary: interviewSummary(6), provider: 'gemini', requirements, createdAt: at });
      expect(await repos.sessions.findOwned(session.id, 'owner')).toMatchObject({ status: 'completed', completedAt: at });
    });

    it('without a requirement map, requirements is null', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      await repos.feedback.saveAndComplete(session.id, 'owner', interviewSummary(4), 'offline', new Date('2026-03-04T05:06:07Z'));
      expect((await repos.feedback.findBySession(session.id, 'owner'))?.requirements).toBeNull();
    });

    it('regenerating replaces the feedback: still one row', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      await repos.feedback.saveAndComplete(session.id, 'owner', interviewSummary(4), 'offline', new Date('2026-03-04T05:00:00Z'), requirements);
      const later = new Date('2026-03-04T06:00:00Z');
      await repos.feedback.saveAndComplete(session.id, 'owner', interviewSummary(8, 'Much sharper the second time.'), 'gemini', later);
      expect(await repos.feedback.findBySession(session.id, 'owner')).toEqual({ sessionId: session.id, overallScore: 8, summary: interviewSummary(8, 'Much sharper the second time.'), provider: 'gemini', requirements: null, createdAt: later });
      expect(await countRows('feedback', { column: 'session_id', value: session.id })).toBe(1);
    });

    it('two saves at once: both succeed, one row remains', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      const at = new Date('2026-03-04T05:00:00Z');
      await Promise.all([
        repos.feedback.saveAndComplete(session.id, 'owner', interviewSummary(5), 'gemini', at),
        repos.feedback.saveAndComplete(session.id, 'owner', interviewSummary(7), 'openai', at),
      ]);
      expect(await countRows('feedback', { column: 'session_id', value: session.id })).toBe(1);
      expect([5, 7]).toContain((await repos.feedback.findBySession(session.id, 'owner'))?.overallScore);
    });

    it("another owner's id: SESSION_NOT_FOUND on save, nothing written, nothing found", async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      await repos.users.ensure('stranger');
      await expect(repos.feedback.saveAndComplete(session.id, 'stranger', interviewSummary(9), 'gemini', new Date())).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND', statusCode: 404 });
      await expect(repos.feedback.saveAndComplete('no-such-session', 'owner', interviewSummary(9), 'gemini', new Date())).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
      expect(await countRows('feedback')).toBe(0);
      expect(await repos.sessions.findOwned(session.id, 'owner')).toMatchObject({ status: 'draft', completedAt: null });
      await repos.feedback.saveAndComplete(session.id, 'owner', interviewSummary(6), 'gemini', new Date());
      expect(await repos.feedback.findBySession(session.id, 'stranger')).toBeUndefined();
    });
  });
}
