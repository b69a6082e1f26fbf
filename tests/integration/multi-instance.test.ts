/**
 * Several instances for real (issue 16, item 4): two app processes on one Postgres database and
 * one Redis, with the same SESSION_SECRET, and a remote model (a fake AI server per instance, so
 * every model call can be attributed to the instance that made it), so each interviewer step is
 * an HTTP call. One browser drives an interview through both alternately,
 * as a round-robin load balancer would send it: each page loaded on one instance, its answer
 * posted to the other. On the way: a voice recording streamed to one instance's WebSocket and
 * its answer posted to the other (the delivery metrics travel through Postgres), the same
 * answer posted to both at once (one is stored, the other is told it was a double submit), the
 * feedback page on either, and a retry opened on one and sent to the other. Postgres is
 * queried directly: every answer stored once, no duplicate question, a gap-free sequence.
 *
 * Last, kill -9 in the middle of a step (the interview step lock): an answer posted to A starts
 * the interviewer's turn on A, which hangs at A's model. While A holds the step (its claim in
 * the database, renewed as it works), pages loaded on B show the interviewer at work and B asks
 * its own model nothing. Then A is killed with SIGKILL: its claim is not released, its lease
 * (INTERVIEW_STEP_LEASE_SECONDS, short here) runs out, and B takes the step over on the next
 * page loads, with every answer intact; the interview finishes on B with no duplicate rows.
 *
 * Postgres and Redis: tests/support/postgres.ts and redis.ts (TEST_DATABASE_URL / TEST_REDIS_URL,
 * or throwaway servers started here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/db/migrations.js';
import { PG_MIGRATIONS_DIR } from '../../src/paths.js';
import { hang, ok, startFakeAiServer, type FakeAiServer } from '../support/fake-ai-server.js';
import { HttpVisitor, questionIn, setUpSessionOverHttp, type HttpResponse } from '../support/http-visitor.js';
import { distinctStory, fixture, stillPreparing, until, whenPrepared } from '../support/interview-driver.js';
import { html } from '../support/html.js';
import { consentOverHttp, messagesOf, recordOverHttp, startInstances, withRedisDatabase, type Instances } from '../support/multi-instance.js';
import { pgQuery, usePostgres } from '../support/postgres.js';
import { useRedis } from '../support/redis.js';
import type { ServerProcess } from '../support/server-process.js';

const postgres = usePostgres();
const redis = useRedis();

/** The step lease: short, so a dead instance's step is taken over within seconds. */
const LEASE_SECONDS = 3;

/** How many interviewer turns `fake` was asked for about the answer with this text (the prompt's <answer> block). */
const turnsAbout = (fake: FakeAiServer, text: string) =>
  fake.requests.filter((r) => r.intent === 'nextTurn' && (/<answer>([\s\S]*?)<\/answer>/.exec(r.prompt)?.[1] ?? '').includes(text)).length;

let told = 0;
/** A fresh answer each time it is called. */
const nextAnswer = (label: string) => `${label}: ${distinctStory(++told)}`;
/** The answer to question `n` of the interview cut short by kill -9 (labelled apart from the others: the models' requests are searched for it). */
const answerText = (n: number) => `Takeover answer ${n}: ${distinctStory(n)}`;

describe('two app processes on one Postgres and one Redis', () => {
  let fakeA: FakeAiServer;
  let fakeB: FakeAiServer;
  let instances: Instances;
  let databaseUrl: string;
  let a: ServerProcess;
  let b: ServerProcess;
  let visitor: HttpVisitor;
  let id: string;

  beforeAll(async () => {
    [fakeA, fakeB] = await Promise.all([startFakeAiServer(), startFakeAiServer()]);
    databaseUrl = (await postgres.database()).url;
    instances = await startInstances(2, {
      databaseUrl,
      redisUrl: withRedisDatabase(redis.server().url, 11),
      openaiBaseUrl: [fakeA.openaiBaseUrl, fakeB.openaiBaseUrl],
      env: {
        INTERVIEW_STEP_LEASE_SECONDS: String(LEASE_SECONDS),
        // A hang must outlast the kill: no timeout, retry or fallback may finish the step first.
        AI_ATTEMPT_TIMEOUT_MS: '120000',
        AI_CALL_BUDGET_MS: '120000',
        AI_MAX_RETRIES: '0',
      },
    });
    [a, b] = instances.servers as [ServerProcess, ServerProcess];
  }, 120_000);

  afterAll(async () => {
    await instances?.close();
    await Promise.all([fakeA?.close(), fakeB?.close()]);
  });

  /** The interview page on `server`, once the interviewer has finished its step. */
  const pageOn = async (server: ServerProcess): Promise<HttpResponse> => {
    const page = await whenPrepared(() => visitor.at(server.url).get(`/session/${id}/interview`));
    expect(page.status, page.body.slice(0, 1000)).toBe(200);
    return page;
  };

  it('both instances started at once with MIGRATE_ON_START: the migrations applied once; both ready on Postgres and the shared store', async () => {
    const tags = readJournal(PG_MIGRATIONS_DIR).map((e) => e.tag);
    for (const server of [a, b]) {
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', migrations: tags.length });
      // On Postgres with the shared store: no warning that limits are counted per process.
      expect(server.output()).not.toMatch(/without REDIS_URL/);
    }
    const [applied] = await pgQuery<{ n: number }>(databaseUrl, 'select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(applied!.n).toBe(tags.length);
  });

  it('one browser cookie works on both instances (the same SESSION_SECRET)', async () => {
    visitor = new HttpVisitor(a.url);
    // Created on A, its CV uploaded to B, its job description to A: one visitor throughout.
    const created = await visitor.post('/session/create', { job_title: 'Senior Backend Engineer', company_name: 'Northwind Health', interview_type: 'mixed' });
    expect(created.status).toBe(303);
    id = /\/session\/([^/]+)\//.exec(created.headers.get('location') ?? '')![1]!;
    const onB = visitor.at(b.url);
    expect((await onB.get(`/session/${id}/upload`)).status).toBe(200);
    // Someone else on B (no cookie, or a cookie B cannot read) does not see it.
    expect((await new HttpVisitor(b.url).get(`/session/${id}/upload`)).status).toBe(404);
    const cv = await onB.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv-alex-morgan.txt', content: fixture('cv-alex-morgan.txt') }]);
    expect(cv.status, cv.body.slice(0, 500)).toBe(303);
    const job = await visitor.post(`/session/${id}/upload-job`, { job_description: fixture('job-backend-engineer.txt').toString('utf8') });
    expect(job.status).toBe(303);
    expect((await onB.post(`/session/${id}/start`)).status).toBe(303);
  });

  it('an interview driven through both alternately: a recording on A attached on B, a double submit to both at once, every answer stored once', { timeout: 120_000 }, async () => {
    const sent = new Map<string, string>(); // question id → the answer sent for it

    // Question 1, spoken: recorded over A's socket, its answer posted to B.
    const q1 = questionIn((await pageOn(a)).body)!;
    expect(q1.number).toBe(1);
    await consentOverHttp(visitor.at(a.url), id);
    const final = await recordOverHttp(visitor.at(a.url), id);
    expect(final.summary).toMatchObject({ version: 1, endedBy: 'stop' });
    const spoken = nextAnswer('Spoken');
    const answered = await visitor.at(b.url).post(`/session/${id}/message`, { answer: spoken, question_id: q1.id, recording_id: final.recordingId });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(`/session/${id}/interview`); // not "?done=recording-expired"
    sent.set(q1.id, spoken);

    // Question 2: the same answer posted to A and B at once (a double click behind a round-robin).
    const q2 = questionIn((await pageOn(b)).body)!;
    expect(q2.number).toBe(2);
    const twice = nextAnswer('Double');
    const both = await Promise.all([a, b].map((s) => visitor.at(s.url).post(`/session/${id}/message`, { answer: twice, question_id: q2.id })));
    // As in one process: the first is stored (303 to the interview), the second is told it was a double submit.
    expect(both.map((r) => r.status).sort()).toEqual([303, 409]);
    const refused = both.find((r) => r.status === 409)!;
    expect(html(refused.body).querySelector('#error')?.getAttribute('data-code')).toBe('ALREADY_ANSWERED');
    sent.set(q2.id, twice);

    // The rest: each page loaded on one instance, its answer posted to the other.
    let turn = 0;
    for (let guard = 0; guard < 20; guard++) {
      const [pageServer, answerServer] = turn++ % 2 === 0 ? [a, b] : [b, a];
      const q = questionIn((await pageOn(pageServer)).body);
      if (!q) break;
      const text = nextAnswer(`Answer to ${q.number}`);
      const res = await visitor.at(answerServer.url).post(`/session/${id}/message`, { answer: text, question_id: q.id });
      expect(res.status, res.body.slice(0, 500)).toBe(303);
      sent.set(q.id, text);
    }
    const last = await pageOn(b);
    expect(questionIn(last.body)).toBeNull();
    expect((await visitor.at(a.url).post(`/session/${id}/complete`)).status).toBe(303);

    // The feedback page works on either instance, with the delivery metrics of the spoken answer.
    for (const server of [a, b]) {
      const page = await visitor.at(server.url).get(`/session/${id}/feedback`);
      expect(page.status).toBe(200);
      const doc = html(page.body);
      expect(doc.querySelector('#score')).not.toBeNull();
      expect(doc.querySelectorAll('#delivery .delivery-answers > li')).toHaveLength(1);
    }

    // Postgres itself: every answer stored once, as sent; no duplicate question or sequence number.
    const rows = await messagesOf(databaseUrl, id);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const questions = rows.filter((r) => r.kind === 'question');
    expect(questions.map((r) => r.question_number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const answers = rows.filter((r) => r.kind === 'answer');
    expect(answers).toHaveLength(sent.size);
    expect(new Map(answers.map((r) => [r.reply_to!, r.content]))).toEqual(sent);
    expect(answers.every((r) => r.evaluation !== null && r.evaluation.score >= 1)).toBe(true);
    const withMetrics = answers.filter((r) => r.speech_metrics !== null);
    expect(withMetrics.map((r) => r.reply_to)).toEqual([q1.id]);
    expect(withMetrics[0]!.speech_metrics).toEqual(final.summary);
    // Attached, so taken from the shared table.
    expect(await pgQuery(databaseUrl, 'select id from recording_summaries where session_id = $1', [id])).toEqual([]);
    const [feedback] = await pgQuery<{ n: number }>(databaseUrl, 'select count(*)::int as n from feedback where session_id = $1', [id]);
    expect(feedback!.n).toBe(1);
    // No step taken twice: across both instances' models, at most one turn per answer.
    for (const answer of answers) expect(turnsAbout(fakeA, answer.content) + turnsAbout(fakeB, answer.content), answer.content).toBeLessThanOrEqual(1);
  });

  it('a retry opened on one instance and sent to the other; the same retry sent to both at once is stored once', { timeout: 60_000 }, async () => {
    const retryPage = await visitor.at(a.url).get(`/session/${id}/retry/1`);
    expect(retryPage.status).toBe(200);
    expect(html(retryPage.body).querySelector('#original-attempt')).not.toBeNull();

    const better = nextAnswer('Retry');
    const sentToB = await visitor.at(b.url).post(`/session/${id}/retry/1`, { answer: better });
    expect(sentToB.status, sentToB.body.slice(0, 500)).toBe(303);
    expect(sentToB.headers.get('location')).toBe(`/session/${id}/retry/1`);
    const seenOnA = html((await visitor.at(a.url).get(`/session/${id}/retry/1`)).body);
    expect(seenOnA.querySelector('#retry-evaluation .answer-text')?.textContent).toBe(better);

    // A double submit of another retry, one copy to each instance.
    const again = nextAnswer('Retry again');
    const both = await Promise.all([a, b].map((s) => visitor.at(s.url).post(`/session/${id}/retry/1`, { answer: again })));
    expect(both.map((r) => r.status)).toEqual([303, 303]);
    const retries = await pgQuery<{ answer: string }>(databaseUrl, 'select answer from question_retries where session_id = $1 and question_number = 1 order by created_at', [id]);
    expect(retries.map((r) => r.answer)).toEqual([better, again]);
    // The interview itself is untouched by retries.
    const answers = (await messagesOf(databaseUrl, id)).filter((r) => r.kind === 'answer' && r.question_number === 1);
    expect(answers.map((r) => r.content)).not.toContain(better);
  });

  it('kill -9 of one instance mid-step: the other waits while the step is held, then takes it over after the lease; every answer intact, no duplicate rows', { timeout: 150_000 }, async () => {
    const turns = (fake: FakeAiServer) => fake.requests.filter((r) => r.intent === 'nextTurn').length;

    const browser = new HttpVisitor(a.url);
    const id = await setUpSessionOverHttp(browser, {
      cv: { name: 'cv-alex-morgan.txt', content: fixture('cv-alex-morgan.txt') },
      job: fixture('job-backend-engineer.txt').toString('utf8'),
    });
    expect((await browser.post(`/session/${id}/start`)).status).toBe(303);
    const onA = browser.at(a.url);
    const onB = browser.at(b.url);
    const loadOn = async (v: HttpVisitor) => {
      const res = await whenPrepared(() => v.get(`/session/${id}/interview`));
      expect(res.status, res.body.slice(0, 1000)).toBe(200);
      return res;
    };

    // Question 1 on A, answered on B: the turn after it is B's.
    const q1 = questionIn((await loadOn(onA)).body)!;
    expect(q1.number).toBe(1);
    expect((await onB.post(`/session/${id}/message`, { answer: answerText(1), question_id: q1.id })).status).toBe(303);
    const q2 = questionIn((await loadOn(onA)).body)!;
    expect(q2.number).toBe(2);

    // Question 2, answered on A: A's turn and evaluation hang at A's model.
    fakeA.setDefault('openai', (request) => (request.intent === 'nextTurn' || request.intent === 'evaluateAnswer' ? hang() : ok()));
    const [turnsA, turnsB] = [turns(fakeA), turns(fakeB)];
    expect((await onA.post(`/session/${id}/message`, { answer: answerText(2), question_id: q2.id })).status).toBe(303);
    await until(() => turns(fakeA) === turnsA + 1, "A's turn to reach A's model");

    // While A holds the step — for longer than one lease, so A must be renewing it — pages on B
    // show the interviewer at work, and B does not take the step itself.
    const heldUntil = Date.now() + 1.5 * LEASE_SECONDS * 1000;
    let loads = 0;
    while (Date.now() < heldUntil || loads < 3) {
      const page = await onB.get(`/session/${id}/interview`);
      expect(page.status).toBe(200);
      expect(stillPreparing(page.body), 'B shows the interviewer at work').toBe(true);
      expect(turns(fakeB), 'B asked its model for the turn A is taking').toBe(turnsB);
      loads++;
      await new Promise((r) => setTimeout(r, 500));
    }

    // A dies mid-step, its claim still in the database.
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');

    // B takes the step over once the lease has run out: the next question, every answer intact.
    const resumed = await loadOn(onB);
    const q3 = questionIn(resumed.body)!;
    expect(q3?.number).toBe(3);
    expect(resumed.body).toContain(answerText(1));
    expect(resumed.body).toContain(answerText(2));
    expect(turns(fakeB)).toBe(turnsB + 1); // one takeover, not one per page load

    // The interview finishes on B.
    let current: typeof q3 | null = q3;
    for (let guard = 0; guard < 20 && current; guard++) {
      const res = await onB.post(`/session/${id}/message`, { answer: answerText(current.number), question_id: current.id });
      expect(res.status).toBe(303);
      current = questionIn((await loadOn(onB)).body);
    }
    expect((await onB.post(`/session/${id}/complete`)).status).toBe(303);
    const feedback = await onB.get(`/session/${id}/feedback`);
    expect(feedback.status).toBe(200);
    expect(feedback.body).toContain('id="score"');

    // Postgres: gap-free, one question per number, one answer per question, all evaluated.
    const rows = await messagesOf(databaseUrl, id);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.kind === 'question').map((r) => r.question_number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const answers = rows.filter((r) => r.kind === 'answer');
    expect(new Set(answers.map((r) => r.reply_to)).size).toBe(answers.length);
    expect(answers.filter((r) => r.content === answerText(2)).map((r) => r.reply_to)).toEqual([q2.id]);
    expect(answers.every((r) => r.evaluation !== null && r.evaluation.score >= 1)).toBe(true);
    // No step taken twice: across both models, at most one turn per answer — except answer 2,
    // whose turn A started and never finished, and B took over.
    expect([turnsAbout(fakeA, answerText(2)), turnsAbout(fakeB, answerText(2))]).toEqual([1, 1]);
    for (const answer of answers) expect(turnsAbout(fakeA, answer.content) + turnsAbout(fakeB, answer.content), answer.content).toBeLessThanOrEqual(answer.reply_to === q2.id ? 2 : 1);
    const [feedbackRows] = await pgQuery<{ n: number }>(databaseUrl, 'select count(*)::int as n from feedback where session_id = $1', [id]);
    expect(feedbackRows!.n).toBe(1);
  });
});
