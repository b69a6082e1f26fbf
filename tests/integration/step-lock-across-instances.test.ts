/**
 * Stateless instances (issue 16, item 2): two app instances on one Postgres database never take
 * the same interviewer step. The instance that takes a step holds a claim on it in the database
 * (interview_step_claims), renewed while the model works; another instance that is asked for the
 * interview meanwhile (the page, its event stream) does not call its model: it waits for the
 * step and shows the question the first one wrote. When the holder dies, its claim runs out
 * after the lease and the other instance takes the step over.
 *
 * Two real apps in this process share one Postgres database (and SESSION_SECRET, as every
 * instance must), each with its own model: the offline interviewer behind a gate the test holds
 * (tests/support/gated-provider.ts), wrapped to count the calls each instance makes. The lease
 * is short (INTERVIEW_STEP_LEASE_SECONDS' setting, in ms here) so a takeover comes soon.
 * Postgres: tests/support/postgres.ts (TEST_DATABASE_URL, else a throwaway cluster).
 */
import { describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AiProvider } from '../../src/ai/types.js';
import { redactUrl } from '../../src/config.js';
import { usePostgres } from '../support/postgres.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { currentQuestion, setUpSession, stillPreparing } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { gatedProvider, type GatedCall } from '../support/gated-provider.js';
import { html } from '../support/html.js';
import { count, query } from '../support/db-inspect.js';

const postgres = usePostgres();
const test = useTestApp({ eager: false });

const LEASE_MS = 1_500;

/** A provider that counts the calls made to it, by kind; its turns fail while `failing.turns` is set. */
function counted(provider: AiProvider, failing = { turns: false }): { provider: AiProvider; calls: Record<GatedCall, number> } {
  const calls: Record<GatedCall, number> = { planQuestion: 0, nextTurn: 0, evaluateAnswer: 0, summarizeInterview: 0 };
  return {
    calls,
    provider: {
      name: provider.name,
      planQuestion: (input, signal) => (calls.planQuestion++, provider.planQuestion(input, signal)),
      nextTurn: async (input, signal) => {
        calls.nextTurn++;
        const turn = await provider.nextTurn(input, signal);
        if (failing.turns) throw new Error('the model is down');
        return turn;
      },
      evaluateAnswer: (input, signal) => (calls.evaluateAnswer++, provider.evaluateAnswer(input, signal)),
      summarizeInterview: (input, signal) => (calls.summarizeInterview++, provider.summarizeInterview(input, signal)),
    },
  };
}

/** The interviewer's own calls (questions and turns), not the answers' evaluations beside them. */
const interviewerCalls = (calls: Record<GatedCall, number>) => calls.planQuestion + calls.nextTurn;

/** The section a server-sent `done` event carries. */
function doneSection(body: string): ReturnType<typeof html> {
  const done = /event: done\n((?:data: .*\n)+)\n/.exec(body);
  if (!done) throw new Error(`no done event in ${body.slice(0, 500)}`);
  return html(done[1]!.split('\n').map((l) => l.replace(/^data: /, '')).join('\n'));
}

/** Waits (with a deadline) until `check` holds. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const claims = (app: FastifyInstance, id: string) =>
  query<{ holder: string; expires_at: Date }>(app, 'select holder, expires_at from interview_step_claims where session_id = ?', id);
const asked = (app: FastifyInstance, id: string) => count(app, "select count(*) from messages where session_id = ? and kind in ('question', 'follow_up')", id);

describe('the interviewer step across two instances on one Postgres database', () => {
  async function twoInstances(makeApp: (overrides: object, deps: object) => Promise<FastifyInstance>, aOverrides: object = {}, leaseMs = LEASE_MS) {
    const database = await postgres.database();
    const settings = { url: database.url, redactedUrl: redactUrl(database.url), poolSize: 4, statementTimeoutMs: 30_000 };
    const config = { postgres: settings, migrateOnStart: true, interviewStepLeaseMs: leaseMs };
    const gateA = gatedProvider();
    const gateB = gatedProvider();
    const failingA = { turns: false };
    const onA = counted(gateA.provider, failingA);
    const onB = counted(gateB.provider);
    const a = await makeApp({ ...config, ...aOverrides }, { providers: [onA.provider] });
    const b = await makeApp(config, { providers: [onB.provider] });
    return { a, b, gateA, gateB, failingA, callsA: onA.calls, callsB: onB.calls };
  }

  /** An interview started on `a`, its first question answered there while A's turn is held at the gate. */
  async function answeredOnA(a: FastifyInstance, gateA: ReturnType<typeof gatedProvider>) {
    const visitor = new Visitor(a);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    const first = (await currentQuestion(visitor, id))!;
    gateA.hold('nextTurn');
    const sent = await visitor.post(`/session/${id}/message`, { answer: strongAnswer(first), question_id: first.id });
    expect(sent.statusCode).toBe(303);
    await gateA.arrived('nextTurn');
    return { visitor, id };
  }

  test('the page on the other instance waits for the step (its model is not called), past the first lease, and shows the question once it is written', async ({ makeApp }) => {
    const { a, b, gateA, callsA, callsB } = await twoInstances(makeApp);
    const { visitor, id } = await answeredOnA(a, gateA);
    const [claim] = await claims(a, id);
    expect(claim).toBeDefined();

    // The same visitor, sent to the other instance by the load balancer.
    const onB = visitor.at(b);
    const page = await onB.get(`/session/${id}/interview`);
    expect(page.statusCode).toBe(200);
    expect(stillPreparing(page.body)).toBe(true);
    const events = onB.get(`/session/${id}/events`);

    // The first lease runs out while A's model still works: A renews its claim, so B keeps waiting.
    const firstExpiry = claim!.expires_at.getTime();
    await until('the first lease has run out', () => Date.now() > firstExpiry + 300);
    const [renewed] = await claims(a, id);
    expect(renewed?.holder).toBe(claim!.holder);
    expect(renewed!.expires_at.getTime()).toBeGreaterThan(firstExpiry);
    expect(interviewerCalls(callsB)).toBe(0);
    expect(stillPreparing((await onB.get(`/session/${id}/interview`)).body)).toBe(true);

    gateA.release('nextTurn');
    // B's event stream ends with the question A's model wrote.
    const stream = await events;
    expect(stream.statusCode).toBe(200);
    const section = doneSection(stream.body);
    expect(section.querySelector('#interview')?.getAttribute('data-phase')).toBe('awaiting_answer');
    const shownOnA = (await currentQuestion(visitor, id))!;
    expect(section.querySelector('#question')?.textContent.trim()).toBe(shownOnA.text);
    expect((await currentQuestion(onB, id))?.id).toBe(shownOnA.id);

    // One turn, asked of A's model only; one next question stored; the claim released.
    expect(callsA.nextTurn).toBe(1);
    expect(interviewerCalls(callsB)).toBe(0);
    expect(await asked(a, id)).toBe(2);
    // Released just after the step answered.
    await until('A has released its claim', async () => (await claims(a, id)).length === 0);
  }, 60_000);

  test('an instance that dies holding the step: the other takes it over once the lease has run out', async ({ makeApp }) => {
    // A closes within 100 ms, its model still held: no release, no more renewals.
    const { a, b, gateA, callsA, callsB } = await twoInstances(makeApp, { shutdownGraceMs: 100 });
    const { visitor, id } = await answeredOnA(a, gateA);
    const [claim] = await claims(a, id);
    expect(claim).toBeDefined();

    const onB = visitor.at(b);
    expect(stillPreparing((await onB.get(`/session/${id}/interview`)).body)).toBe(true);
    const events = onB.get(`/session/${id}/events`);
    expect(interviewerCalls(callsB)).toBe(0);

    await a.close();
    // Its claim is left behind, with the holder that died.
    expect((await claims(b, id)).map((c) => c.holder)).toEqual([claim!.holder]);

    // B takes over after the lease: its own model writes the turn, and the page shows it.
    const section = doneSection((await events).body);
    expect(section.querySelector('#interview')?.getAttribute('data-phase')).toBe('awaiting_answer');
    const next = (await currentQuestion(onB, id))!;
    expect(section.querySelector('#question')?.textContent.trim()).toBe(next.text);
    expect(callsB.nextTurn).toBe(1);
    expect(callsA.nextTurn).toBe(1);
    expect(await asked(b, id)).toBe(2);
    await until('B has released its claim', async () => (await claims(b, id)).length === 0);

    // The dead instance's model answers at last: nothing more is written (its database is closed).
    gateA.release('nextTurn');
    expect(await asked(b, id)).toBe(2);
  }, 60_000);

  test('a step that fails on the instance holding it is taken by the one waiting, without waiting out the lease', async ({ makeApp }) => {
    // A lease far longer than the test: only A's release can let B in.
    const { a, b, gateA, failingA, callsB } = await twoInstances(makeApp, {}, 600_000);
    const { visitor, id } = await answeredOnA(a, gateA);
    const onB = visitor.at(b);
    expect(stillPreparing((await onB.get(`/session/${id}/interview`)).body)).toBe(true);
    const events = onB.get(`/session/${id}/events`);

    failingA.turns = true;
    gateA.release('nextTurn');
    const section = doneSection((await events).body);
    expect(section.querySelector('#interview')?.getAttribute('data-phase')).toBe('awaiting_answer');
    expect(callsB.nextTurn).toBe(1);
    expect((await currentQuestion(visitor, id))?.text).toBe(section.querySelector('#question')?.textContent.trim());
    expect(await asked(a, id)).toBe(2);
  }, 60_000);
});
