/**
 * Crash safety, for real: the server runs as a child process with a remote AI provider (the
 * fake AI server) that hangs on the interviewer's turn and on the evaluation. The answer is
 * posted, the server stores it, answers the page and goes on preparing the next question —
 * and is killed with SIGKILL while both calls hang. Restarted, it resumes the interview on the
 * next page load with every answer intact, evaluates what was cut short before the feedback,
 * and the SQLite file has no duplicate or half-written rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hang, ok, startFakeAiServer, type FakeAiServer } from '../support/fake-ai-server.js';
import { HttpVisitor, questionIn, setUpSessionOverHttp } from '../support/http-visitor.js';
import { distinctStory, fixture, until, whenPrepared } from '../support/interview-driver.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

interface Row {
  id: string;
  seq: number;
  kind: string;
  question_number: number;
  reply_to: string | null;
  content: string;
  evaluation: string | null;
  decision: string | null;
}

function readMessages(file: string, sessionId: string): Row[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('select id, seq, kind, question_number, reply_to, content, evaluation, decision from messages where session_id = ? order by seq')
      .all(sessionId) as Row[];
  } finally {
    db.close();
  }
}

// A different story per question: the same answer twice is recognised as a repeat (issue 12) and followed up.
const answerText = (n: number) => `Answer ${n}: ${distinctStory(n)}`;

describe('SIGKILL in the middle of an interview', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-crash-'));
  let fake: FakeAiServer | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await fake?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes with every answer intact and no duplicate or half-written rows', { timeout: 120_000 }, async () => {
    fake = await startFakeAiServer();
    const env = {
      DATA_DIR: dataDir,
      AI_PROVIDERS: 'openai',
      OPENAI_BASE_URL: fake.openaiBaseUrl,
      OPENAI_MODEL: 'fake-model',
      // The hang must outlast the kill: no timeout, retry or fallback may finish the step first.
      AI_ATTEMPT_TIMEOUT_MS: '120000',
      AI_CALL_BUDGET_MS: '120000',
      AI_MAX_RETRIES: '0',
    };
    server = await startServerProcess({ env });
    const visitor = new HttpVisitor(server.url);
    const id = await setUpSessionOverHttp(visitor, {
      cv: { name: 'cv-alex-morgan.txt', content: fixture('cv-alex-morgan.txt') },
      job: fixture('job-backend-engineer.txt').toString('utf8'),
    });
    expect((await visitor.post(`/session/${id}/start`)).status).toBe(303);

    // Question 1 is answered normally.
    const page = async (path: string) => {
      const res = await whenPrepared(() => visitor.get(path));
      expect(res.status, res.body.slice(0, 2000)).toBe(200);
      return res;
    };
    const q1 = questionIn((await page(`/session/${id}/interview`)).body)!;
    expect(q1.number).toBe(1);
    expect((await visitor.post(`/session/${id}/message`, { answer: answerText(1), question_id: q1.id })).status).toBe(303);
    const q2 = questionIn((await page(`/session/${id}/interview`)).body)!;
    expect(q2.number).toBe(2);

    // Question 2: the turn and the evaluation hang. The answer is stored and the page answered
    // at once; kill -9 while both calls are in flight.
    fake.setDefault('openai', (request) => (request.intent === 'evaluateAnswer' || request.intent === 'nextTurn' ? hang() : ok()));
    const count = (intent: string) => fake!.requests.filter((r) => r.intent === intent).length;
    const [turnsBefore, evaluationsBefore] = [count('nextTurn'), count('evaluateAnswer')];
    expect((await visitor.post(`/session/${id}/message`, { answer: answerText(2), question_id: q2.id })).status).toBe(303);
    await until(() => count('nextTurn') > turnsBefore && count('evaluateAnswer') > evaluationsBefore, 'the turn and the evaluation calls');
    server.child.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');

    const dbFile = path.join(dataDir, 'rehearse.db');
    const afterCrash = readMessages(dbFile, id);
    const stored2 = afterCrash.find((m) => m.kind === 'answer' && m.reply_to === q2.id);
    expect(stored2?.content).toBe(answerText(2)); // saved before the AI was asked
    // The turn and the evaluation that were cut short: nothing half-written.
    expect(stored2?.evaluation).toBeNull();
    expect(stored2?.decision).toBeNull();
    expect(afterCrash.filter((m) => m.kind === 'question').map((m) => m.question_number)).toEqual([1, 2]);

    // Restart with the AI answering normally: the next page load finishes the step.
    fake.reset();
    server = await startServerProcess({ env });
    expect((await new HttpVisitor(server.url).get('/ready')).status).toBe(200);
    // Same browser, same cookie (the session secret is unchanged), new port.
    visitor.baseUrl = server.url;
    const resumed = await page(`/session/${id}/interview`);
    expect(resumed.status).toBe(200);
    const q3 = questionIn(resumed.body)!;
    expect(q3.number).toBe(3);
    expect(resumed.body).toContain(answerText(1));
    expect(resumed.body).toContain(answerText(2));

    // Finish the interview on the restarted server: it completes normally.
    let current = q3;
    for (let guard = 0; guard < 20 && current; guard++) {
      const res = await visitor.post(`/session/${id}/message`, { answer: answerText(current.number), question_id: current.id });
      expect(res.status).toBe(303);
      current = questionIn((await page(`/session/${id}/interview`)).body)!;
    }
    expect((await visitor.post(`/session/${id}/complete`)).status).toBe(303);
    expect((await server.stop('SIGTERM')).code).toBe(0);

    // The file itself: consistent, no duplicates, nothing half-written.
    const db = new Database(dbFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
    const rows = readMessages(dbFile, id);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1)); // gap-free, no duplicate seq
    const questions = rows.filter((r) => r.kind === 'question');
    expect(questions.map((r) => r.question_number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const answers = rows.filter((r) => r.kind === 'answer');
    expect(new Set(answers.map((a) => a.reply_to)).size).toBe(answers.length); // one answer per question
    expect(answers.every((a) => a.evaluation !== null && JSON.parse(a.evaluation).score >= 1)).toBe(true);
    expect(answers.find((a) => a.reply_to === q2.id)?.content).toBe(answerText(2));
    expect(answers.filter((a) => a.content === answerText(2))).toHaveLength(1);
  });
});
