/**
 * The interview step lock across instances, for real (issue 16, items 2 and 4): two app
 * processes on one Postgres database, each with a fake model of its own so every model call
 * can be attributed to the instance that made it. An answer posted to A starts the
 * interviewer's turn on A, which hangs at A's model. While A holds the step (its claim in the
 * database, renewed as it works), pages loaded on B show the interviewer at work and B asks its
 * own model nothing: no instance takes a step another is taking. Then A is killed with SIGKILL:
 * its claim is not released, its lease (INTERVIEW_STEP_LEASE_SECONDS, short here) runs out, and
 * B — on the next page loads — takes the step over, with every answer intact, and the interview
 * finishes on B with no duplicate or missing rows in Postgres.
 *
 * The interview driven through both instances alternately is in multi-instance.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hang, ok, startFakeAiServer, type FakeAiServer } from '../support/fake-ai-server.js';
import { HttpVisitor, questionIn, setUpSessionOverHttp } from '../support/http-visitor.js';
import { fixture, stillPreparing, whenPrepared } from '../support/interview-driver.js';
import { messagesOf, pgQuery, startInstances, withRedisDatabase, type Instances } from '../support/multi-instance.js';
import { usePostgres } from '../support/postgres.js';
import { useRedis } from '../support/redis.js';
import type { ServerProcess } from '../support/server-process.js';

const postgres = usePostgres();
const redis = useRedis();

/** The step lease: short, so a dead instance's step is taken over within seconds. */
const LEASE_SECONDS = 3;

async function until(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const STORIES = [
  'at Brightwave I owned the patient-records API; I profiled it, added PostgreSQL indexes and a Redis cache, and p99 fell from 900 ms to 210 ms within the quarter.',
  'at Brightwave I cut our on-call pages from 40 a week to 9 by deleting noisy Prometheus alerts and writing runbooks for the rest, over six weeks.',
  'when two teams argued over a PostgreSQL schema change, I wrote both options down with their costs, we chose the cheaper migration, and it shipped a week early.',
  'I mentored two juniors on code review in TypeScript; their review turnaround went from three days to under one within a month.',
  'our Kafka consumers fell behind during a sale, so I added partitions and made the handler idempotent; lag dropped from 2 hours to 30 seconds.',
  'I replaced a flaky end-to-end suite with contract tests, which cut the build from 40 minutes to 11 and ended the re-runs.',
  'finance asked why AWS costs doubled; I found debug logging and oversized instances, fixed both, and the bill fell by 38%.',
  'I moved deploys to GitHub Actions with cached images; deploy time went from 45 minutes to 12 and failures from one in five to one in twenty.',
  'I led the move from cron jobs to a RabbitMQ queue for invoice emails, and late invoices fell from 4% to under 0.5%.',
  'I rebuilt Elasticsearch indexing to run incrementally, so new records appear in seconds instead of the next morning.',
];
const answerText = (n: number) => `Answer ${n}: ${STORIES[(n - 1) % STORIES.length]}`;

describe('kill -9 of one instance in the middle of a step', () => {
  let fakeA: FakeAiServer;
  let fakeB: FakeAiServer;
  let instances: Instances;

  beforeAll(async () => {
    [fakeA, fakeB] = await Promise.all([startFakeAiServer(), startFakeAiServer()]);
  });

  afterAll(async () => {
    await instances?.close();
    await Promise.all([fakeA?.close(), fakeB?.close()]);
  });

  it('the other instance waits while the step is held, then takes it over after the lease; every answer intact, no duplicate rows', { timeout: 150_000 }, async () => {
    const databaseUrl = (await postgres.database()).url;
    instances = await startInstances(2, {
      databaseUrl,
      redisUrl: withRedisDatabase(redis.server().url, 12),
      openaiBaseUrl: [fakeA.openaiBaseUrl, fakeB.openaiBaseUrl],
      env: {
        INTERVIEW_STEP_LEASE_SECONDS: String(LEASE_SECONDS),
        // The hang must outlast the kill: no timeout, retry or fallback may finish the step first.
        AI_ATTEMPT_TIMEOUT_MS: '120000',
        AI_CALL_BUDGET_MS: '120000',
        AI_MAX_RETRIES: '0',
      },
    });
    const [a, b] = instances.servers as [ServerProcess, ServerProcess];
    const turns = (fake: FakeAiServer) => fake.requests.filter((r) => r.intent === 'nextTurn').length;

    const visitor = new HttpVisitor(a.url);
    const id = await setUpSessionOverHttp(visitor, {
      cv: { name: 'cv-alex-morgan.txt', content: fixture('cv-alex-morgan.txt') },
      job: fixture('job-backend-engineer.txt').toString('utf8'),
    });
    expect((await visitor.post(`/session/${id}/start`)).status).toBe(303);
    const onA = visitor.at(a.url);
    const onB = visitor.at(b.url);
    const pageOn = async (v: HttpVisitor) => {
      const res = await whenPrepared(() => v.get(`/session/${id}/interview`));
      expect(res.status, res.body.slice(0, 1000)).toBe(200);
      return res;
    };

    // Question 1 on A, answered on B: the turn after it is B's.
    const q1 = questionIn((await pageOn(onA)).body)!;
    expect(q1.number).toBe(1);
    expect((await onB.post(`/session/${id}/message`, { answer: answerText(1), question_id: q1.id })).status).toBe(303);
    const q2 = questionIn((await pageOn(onA)).body)!;
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
    const resumed = await pageOn(onB);
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
      current = questionIn((await pageOn(onB)).body);
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
    const answeredIn = (fake: FakeAiServer) =>
      fake.requests.filter((r) => r.intent === 'nextTurn').map((r) => /<answer>([\s\S]*?)<\/answer>/.exec(r.prompt)?.[1] ?? '');
    const turnsFor = (fake: FakeAiServer, text: string) => answeredIn(fake).filter((answered) => answered.includes(text)).length;
    expect([turnsFor(fakeA, answerText(2)), turnsFor(fakeB, answerText(2))]).toEqual([1, 1]);
    for (const answer of answers) expect(turnsFor(fakeA, answer.content) + turnsFor(fakeB, answer.content), answer.content).toBeLessThanOrEqual(answer.reply_to === q2.id ? 2 : 1);
    const [feedbackRows] = await pgQuery<{ n: number }>(databaseUrl, 'select count(*)::int as n from feedback where session_id = $1', [id]);
    expect(feedbackRows!.n).toBe(1);
  });
});
