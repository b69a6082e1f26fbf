/** The progress repository's contract: completed interviews, their scored questions, the practice template. */
import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../../src/db/app-database.js';
import type { DriverUnderTest } from './drivers.js';
import { evaluation, interviewSummary, nextMillisecond, seedSession } from './fixtures.js';

/** Asks question `n` (competency `competency`) and answers it; scores the answer when `score` is given. Returns the answer's id. */
async function askAndAnswer(repos: Repositories, sessionId: string, ownerId: string, n: number, kind: 'question' | 'follow_up', score: number | null): Promise<void> {
  const asked = await repos.messages.append({ sessionId, ownerId, kind, questionNumber: n, content: `${kind} ${n}: how did you handle the outage?`, focus: 'incident response', competency: kind === 'question' ? 'operations' : null });
  const answered = await repos.messages.append({ sessionId, ownerId, kind: 'answer', questionNumber: n, replyTo: asked!.id, content: 'I paged the owner, rolled back, then wrote the postmortem.' });
  if (score !== null) await repos.messages.setFirstEvaluation(answered!.id, ownerId, { evaluation: evaluation(score), provider: 'offline', coverage: null });
}

async function completedInterview(repos: Repositories, ownerId: string, jobTitle: string, at: Date, overallScore: number, questions: Array<[number, 'question' | 'follow_up', number | null]>) {
  const session = await seedSession(repos, ownerId, { jobTitle });
  await repos.sessions.markStarted(session.id, ownerId, new Date(at.getTime() - 1_800_000));
  for (const [n, kind, score] of questions) await askAndAnswer(repos, session.id, ownerId, n, kind, score);
  await repos.feedback.saveAndComplete(session.id, ownerId, interviewSummary(overallScore), 'offline', at);
  return session;
}

export function progressContract(driver: () => DriverUnderTest): void {
  describe('progress', () => {
    it('completed interviews oldest first with their scores, the latest `limit` of them, and the count', async () => {
      const { repos } = driver();
      const first = await completedInterview(repos, 'owner', 'Platform engineer', new Date('2026-02-01T10:00:00.000Z'), 5, []);
      const second = await completedInterview(repos, 'owner', 'Staff engineer', new Date('2026-02-08T10:00:00.000Z'), 7, []);
      await seedSession(repos, 'owner', { jobTitle: 'Not finished' });
      await completedInterview(repos, 'stranger', 'Their interview', new Date('2026-02-05T10:00:00.000Z'), 9, []);
      expect(await repos.progress.completedInterviews('owner', 10)).toEqual([
        { sessionId: first.id, jobTitle: 'Platform engineer', companyName: 'Northwind Freight', completedAt: new Date('2026-02-01T10:00:00.000Z'), overallScore: 5 },
        { sessionId: second.id, jobTitle: 'Staff engineer', companyName: 'Northwind Freight', completedAt: new Date('2026-02-08T10:00:00.000Z'), overallScore: 7 },
      ]);
      expect((await repos.progress.completedInterviews('owner', 1)).map((i) => i.sessionId)).toEqual([second.id]);
      expect(await repos.progress.completedCount('owner')).toBe(2);
      expect(await repos.progress.completedCount('nobody')).toBe(0);
      expect(await repos.progress.completedInterviews('nobody', 10)).toEqual([]);
    });

    it('scored questions pair each main question with its follow-up score, in completion then question order', async () => {
      const { repos } = driver();
      const first = await completedInterview(repos, 'owner', 'Platform engineer', new Date('2026-02-01T10:00:00Z'), 5, [
        [1, 'question', 4],
        [1, 'follow_up', 6],
        [2, 'question', null],
      ]);
      const second = await completedInterview(repos, 'owner', 'Staff engineer', new Date('2026-02-08T10:00:00Z'), 7, [[1, 'question', 8]]);
      await completedInterview(repos, 'stranger', 'Theirs', new Date('2026-02-05T10:00:00Z'), 9, [[1, 'question', 10]]);
      const rows = await repos.progress.scoredQuestions('owner', 10);
      expect(rows).toEqual([
        { sessionId: first.id, questionNumber: 1, question: 'question 1: how did you handle the outage?', focus: 'incident response', competency: 'operations', mainScore: 4, followUpScore: 6 },
        { sessionId: first.id, questionNumber: 2, question: 'question 2: how did you handle the outage?', focus: 'incident response', competency: 'operations', mainScore: null, followUpScore: null },
        { sessionId: second.id, questionNumber: 1, question: 'question 1: how did you handle the outage?', focus: 'incident response', competency: 'operations', mainScore: 8, followUpScore: null },
      ]);
      expect(typeof rows[0]?.mainScore).toBe('number');
      expect((await repos.progress.scoredQuestions('owner', 1)).map((r) => r.sessionId)).toEqual([second.id]);
      expect(await repos.progress.scoredQuestions('nobody', 10)).toEqual([]);
    });

    it('the practice template: the newest interview with a CV and a job description, else the newest', async () => {
      const { repos } = driver();
      expect(await repos.progress.latestTemplate('owner')).toBeUndefined();
      const bare = await seedSession(repos, 'owner', { jobTitle: 'Bare', jobDescription: '' });
      expect(await repos.progress.latestTemplate('owner')).toEqual({
        sessionId: bare.id,
        jobTitle: 'Bare',
        companyName: 'Northwind Freight',
        interviewType: 'mixed',
        difficulty: 'auto',
        jobDescription: '',
        jobFileName: null,
        cv: null,
      });
      await nextMillisecond();
      const cv = { cvText: 'Ada Byte — SRE, 6 years', cvFileName: 'ada.docx', cvFormat: 'docx' as const, cvPageCount: null, cvWordCount: 250, cvTruncated: false };
      const full = await seedSession(repos, 'owner', { jobTitle: 'Full', interviewType: 'technical', difficulty: 'senior', jobFileName: 'sre.pdf', cv });
      await nextMillisecond();
      await seedSession(repos, 'owner', { jobTitle: 'Newer, no CV' });
      await seedSession(repos, 'stranger', { jobTitle: 'Theirs', cv });
      expect(await repos.progress.latestTemplate('owner')).toEqual({
        sessionId: full.id,
        jobTitle: 'Full',
        companyName: 'Northwind Freight',
        interviewType: 'technical',
        difficulty: 'senior',
        jobDescription: 'Own our Go services and the Postgres they run on; on-call one week in six.',
        jobFileName: 'sre.pdf',
        cv,
      });
    });
  });
}
