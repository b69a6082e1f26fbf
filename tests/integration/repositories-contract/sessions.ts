/** The sessions repository's contract: creating under a quota, ownership, drafts, consent, deleting. */
import { describe, expect, it } from 'vitest';
import type { CvUpdate } from '../../../src/repositories/sessions-repository.js';
import type { DriverUnderTest } from './drivers.js';
import { interviewSummary, newSession, nextMillisecond, seedSession } from './fixtures.js';

const cv: CvUpdate = {
  cvText: 'Ada Byte\nSenior engineer, Northwind (2019–2026): moved billing from cron to Kafka.',
  cvFileName: 'ada-byte-cv.pdf',
  cvFormat: 'pdf',
  cvPageCount: 2,
  cvWordCount: 412,
  cvTruncated: true,
};

export function sessionsContract(driver: () => DriverUnderTest): void {
  describe('sessions', () => {
    it('create returns the draft with its defaults, read back with the right types', async () => {
      const { repos } = driver();
      await repos.users.ensure('owner');
      const session = await repos.sessions.create(newSession('owner'), 5);
      expect(session).toMatchObject({
        ownerId: 'owner',
        jobTitle: 'Senior backend engineer',
        interviewType: 'mixed',
        difficulty: 'auto',
        focusCompetencies: null,
        cvText: null,
        cvTruncated: false,
        status: 'draft',
        voiceConsentAt: null,
        voiceConsentRawAudio: false,
        startedAt: null,
        completedAt: null,
      });
      expect(session?.id).toMatch(/^[\w-]{21}$/);
      expect(session?.createdAt).toBeInstanceOf(Date);
      expect(await repos.sessions.findOwned(session!.id, 'owner')).toEqual(session);
    });

    it('a focused draft starts with its CV, job file and competencies, stored as given', async () => {
      const { repos } = driver();
      await repos.users.ensure('owner');
      const session = await repos.sessions.create(
        newSession('owner', { difficulty: 'senior', focusCompetencies: ['ownership', 'communication'], jobFileName: 'job.docx', cv }),
        5,
      );
      const found = await repos.sessions.findOwned(session!.id, 'owner');
      expect(found).toMatchObject({ ...cv, difficulty: 'senior', focusCompetencies: ['ownership', 'communication'], jobFileName: 'job.docx' });
      expect(found?.cvTruncated).toBe(true);
    });

    it('an id with a NUL character (a URL can carry %00) finds and changes nothing, and does not throw', async () => {
      const { repos } = driver();
      await repos.users.ensure('owner');
      const session = (await repos.sessions.create(newSession('owner'), 5))!;
      const withNul = `${session.id}\u0000`;
      expect(await repos.sessions.findOwned(withNul, 'owner')).toBeUndefined();
      expect(await repos.sessions.ownerOf(withNul)).toBeUndefined();
      await expect(repos.sessions.requireOwned(withNul, 'owner')).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
      expect(await repos.sessions.deleteOwned(withNul, 'owner')).toBe(false);
      expect(await repos.users.findById('owner\u0000')).toBeUndefined();
      expect(await repos.apiTokens.findById('\u0000')).toBeUndefined();
      expect(await repos.sessions.findOwned(session.id, 'owner')).toEqual(session);
    });

    it('refuses a session over the quota (null)', async () => {
      const { repos, countRows } = driver();
      await repos.users.ensure('owner');
      expect(await repos.sessions.create(newSession('owner'), 2)).not.toBeNull();
      expect(await repos.sessions.create(newSession('owner'), 2)).not.toBeNull();
      expect(await repos.sessions.create(newSession('owner'), 2)).toBeNull();
      expect(await countRows('interview_sessions', { column: 'owner_id', value: 'owner' })).toBe(2);
    });

    it('parallel creates never overshoot the quota', async () => {
      const { repos, countRows } = driver();
      await repos.users.ensure('owner');
      const made = await Promise.all(Array.from({ length: 6 }, () => repos.sessions.create(newSession('owner'), 3)));
      expect(made.filter((s) => s !== null)).toHaveLength(3);
      expect(await countRows('interview_sessions', { column: 'owner_id', value: 'owner' })).toBe(3);
    });

    it("another owner's id finds nothing: findOwned, requireOwned (SESSION_NOT_FOUND), listByOwner, listIdsByOwner", async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      await repos.users.ensure('stranger');
      expect(await repos.sessions.findOwned(session.id, 'stranger')).toBeUndefined();
      await expect(repos.sessions.requireOwned(session.id, 'stranger')).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND', statusCode: 404 });
      await expect(repos.sessions.requireOwned('no-such-id', 'owner')).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
      expect(await repos.sessions.requireOwned(session.id, 'owner')).toEqual(session);
      expect(await repos.sessions.listByOwner('stranger', 10)).toEqual([]);
      expect(await repos.sessions.listIdsByOwner('stranger')).toEqual([]);
      expect(await repos.sessions.ownerOf(session.id)).toBe('owner');
      expect(await repos.sessions.ownerOf('no-such-id')).toBeUndefined();
    });

    it('listByOwner: newest first, with the feedback score once there is one, up to the limit', async () => {
      const { repos } = driver();
      const first = await seedSession(repos, 'owner', { jobTitle: 'First' });
      await nextMillisecond();
      const second = await seedSession(repos, 'owner', { jobTitle: 'Second' });
      await nextMillisecond();
      const third = await seedSession(repos, 'owner', { jobTitle: 'Third' });
      await repos.feedback.saveAndComplete(first.id, 'owner', interviewSummary(7), 'offline', new Date('2026-03-01T10:00:00Z'));
      const list = await repos.sessions.listByOwner('owner', 10);
      expect(list.map((s) => s.id)).toEqual([third.id, second.id, first.id]);
      expect(list[2]).toEqual({ id: first.id, jobTitle: 'First', companyName: 'Northwind Freight', status: 'completed', createdAt: first.createdAt, overallScore: 7 });
      expect(list[0]?.overallScore).toBeNull();
      expect((await repos.sessions.listByOwner('owner', 2)).map((s) => s.id)).toEqual([third.id, second.id]);
      expect([...(await repos.sessions.listIdsByOwner('owner'))].sort()).toEqual([first.id, second.id, third.id].sort());
    });

    it('CV and job description change only while a draft: CV_LOCKED after the start, SESSION_NOT_FOUND for others', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      await repos.sessions.updateCv(session.id, 'owner', cv);
      await repos.sessions.updateJobDescription(session.id, 'owner', 'Run the payments platform.', 'payments.txt');
      expect(await repos.sessions.findOwned(session.id, 'owner')).toMatchObject({ ...cv, jobDescription: 'Run the payments platform.', jobFileName: 'payments.txt' });
      await expect(repos.sessions.updateCv(session.id, 'stranger', cv)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
      expect(await repos.sessions.markStarted(session.id, 'owner', new Date('2026-03-01T09:00:00Z'))).toBe(true);
      await expect(repos.sessions.updateCv(session.id, 'owner', { ...cv, cvText: 'replaced' })).rejects.toMatchObject({ code: 'CV_LOCKED', statusCode: 409 });
      await expect(repos.sessions.updateJobDescription(session.id, 'owner', 'replaced', null)).rejects.toMatchObject({ code: 'CV_LOCKED' });
      await expect(repos.sessions.updateJobDescription('no-such-id', 'owner', 'x', null)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
      expect((await repos.sessions.findOwned(session.id, 'owner'))?.cvText).toBe(cv.cvText);
    });

    it('markStarted moves a draft once: a second start, or a stranger, gets false', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const at = new Date('2026-03-01T09:00:00.250Z');
      expect(await repos.sessions.markStarted(session.id, 'stranger', at)).toBe(false);
      expect(await repos.sessions.markStarted(session.id, 'owner', at)).toBe(true);
      expect(await repos.sessions.markStarted(session.id, 'owner', at)).toBe(false);
      expect(await repos.sessions.findOwned(session.id, 'owner')).toMatchObject({ status: 'in_progress', startedAt: at });
    });

    it('two starts at once: exactly one wins', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const at = new Date('2026-03-01T09:00:00Z');
      const results = await Promise.all([repos.sessions.markStarted(session.id, 'owner', at), repos.sessions.markStarted(session.id, 'owner', at)]);
      expect([...results].sort()).toEqual([false, true]);
    });

    it('voice consent is recorded and withdrawn, with booleans and dates as such', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      const at = new Date('2026-04-01T08:00:00.001Z');
      expect(await repos.sessions.setVoiceConsent(session.id, 'stranger', { at, rawAudio: true, transcriber: 'local' })).toBe(false);
      expect(await repos.sessions.setVoiceConsent(session.id, 'owner', { at, rawAudio: true, transcriber: 'openai:whisper-1' })).toBe(true);
      expect(await repos.sessions.findOwned(session.id, 'owner')).toMatchObject({ voiceConsentAt: at, voiceConsentRawAudio: true, voiceConsentTranscriber: 'openai:whisper-1', voiceConsentWithdrawnAt: null });
      const later = new Date(at.getTime() + 90_000);
      expect(await repos.sessions.withdrawVoiceConsent(session.id, 'stranger', later)).toBe(false);
      expect(await repos.sessions.withdrawVoiceConsent(session.id, 'owner', later)).toBe(true);
      const found = await repos.sessions.findOwned(session.id, 'owner');
      expect(found).toMatchObject({ voiceConsentAt: null, voiceConsentRawAudio: false, voiceConsentTranscriber: null, voiceConsentWithdrawnAt: later });
      expect(found?.voiceConsentRawAudio).toBe(false);
    });

    it('deleteOwned: not for a stranger; for the owner, its messages, feedback and retries go with it', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      await repos.messages.append({ sessionId: session.id, ownerId: 'owner', kind: 'question', questionNumber: 1, content: 'Why this company?' });
      await repos.feedback.saveAndComplete(session.id, 'owner', interviewSummary(6), 'offline', new Date());
      await repos.retries.create(
        { sessionId: session.id, ownerId: 'owner', questionNumber: 1, answer: 'Because of the freight data.', evaluation: { score: 5, criteria: [], strengths: [], weaknesses: [], followUp: null, summary: 'ok' }, coverage: null, provider: 'offline', at: new Date() },
        3,
      );
      expect(await repos.sessions.deleteOwned(session.id, 'stranger')).toBe(false);
      expect(await countRows('messages', { column: 'session_id', value: session.id })).toBe(1);
      expect(await repos.sessions.deleteOwned(session.id, 'owner')).toBe(true);
      expect(await repos.sessions.deleteOwned(session.id, 'owner')).toBe(false);
      for (const table of ['messages', 'feedback', 'question_retries'] as const) {
        expect(await countRows(table, { column: 'session_id', value: session.id })).toBe(0);
      }
      expect(await repos.users.findById('owner')).toBeDefined();
    });
  });
}
