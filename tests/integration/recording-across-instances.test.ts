/**
 * Stateless instances (issue 16, item 2): a voice recording made over one instance's socket is
 * attached by an answer posted to ANOTHER instance — its summary is shared through the database
 * (recording_summaries), not only held in the memory of the instance that took the socket.
 * Two real apps share one SQLite file (and SESSION_SECRET, as every instance must); the visitor
 * records on the first and answers on the second, as behind a load balancer. An expired
 * summary, another visitor's, or one already attached is not attached, and the page says the
 * metrics were not available, as it does on one instance.
 */
import path from 'node:path';
import { describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { useTestApp, Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';
import { currentQuestion, setUpSession } from '../support/interview-driver.js';
import { consentToRecording, fixturePcm, trackSocket, type ServerMessage, type SocketClient } from '../support/audio.js';
import { rowCount, stored } from '../support/db-inspect.js';
import { useTempDirs } from '../support/temp-dirs.js';

const test = useTestApp({ eager: false });
const tempDir = useTempDirs('rehearse-instances-');

describe('a recording made on one instance, attached on another', () => {
  /** Two instances of the app on one database file. */
  async function twoInstances(makeApp: (overrides: object) => Promise<FastifyInstance>) {
    const dir = tempDir();
    const config = { databasePath: path.join(dir, 'rehearse.db'), dataDir: dir };
    return { a: await makeApp(config), b: await makeApp(config) };
  }

  async function startedInterview(visitor: Visitor) {
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await consentToRecording(visitor, id);
    return id;
  }

  /** Records a second of speech over `app`'s socket, start to stop; returns the `final` message. */
  async function record(app: FastifyInstance, visitor: Visitor, id: string): Promise<ServerMessage> {
    let client!: SocketClient;
    await app.injectWS(`/session/${id}/audio`, { headers: { cookie: visitor.cookieHeader! } }, { onInit: (socket) => void (client = trackSocket(socket)) });
    await client.next('ready');
    client.ws.send(JSON.stringify({ type: 'start' }));
    client.ws.send(fixturePcm('speech-normal.wav').subarray(0, 32_000), { binary: true });
    client.ws.send(JSON.stringify({ type: 'stop' }));
    const final = await client.next('final');
    await client.closed;
    return final;
  }

  async function answer(visitor: Visitor, id: string, text: string, recordingId: string) {
    const q = (await currentQuestion(visitor, id))!;
    return visitor.post(`/session/${id}/message`, { answer: text, question_id: q.id, recording_id: recordingId });
  }

  test('the answer posted to the second instance carries the metrics recorded on the first; once only', async ({ makeApp }) => {
    const { a, b } = await twoInstances(makeApp);
    const onA = new Visitor(a);
    const id = await startedInterview(onA);
    const final = await record(a, onA, id);
    // Saved before the client was told it is final.
    expect(await rowCount(a, 'recording_summaries')).toBe(1);

    const onB = onA.at(b);
    const sent = await answer(onB, id, 'I led a team of four engineers through the billing rebuild.', final.recordingId);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/session/${id}/interview`); // no "recording expired" notice
    const [metrics] = await stored(b).answerSpeechMetrics(id);
    expect(metrics).toEqual(final.summary);
    expect(metrics).toMatchObject({ version: 1, endedBy: 'stop', durationSeconds: expect.any(Number) });
    expect(await rowCount(b, 'recording_summaries')).toBe(0); // taken

    // The first instance still holds the audio in memory, but the recording is attached: the
    // next answer naming it (on the first instance) gets no metrics, and the page says so.
    const again = await answer(onA, id, 'And then we cut costs by 18 percent.', final.recordingId);
    expect(again.headers.location).toBe(`/session/${id}/interview?done=recording-expired`);
    expect(await stored(a).answerSpeechMetrics(id)).toEqual([metrics, null]);
  }, 60_000);

  test("an expired summary, or another visitor's, is not attached; the page says the metrics were not available", async ({ makeApp }) => {
    const { a, b } = await twoInstances(makeApp);
    const onA = new Visitor(a);
    const id = await startedInterview(onA);
    const mine = await record(a, onA, id);

    // Another visitor, with an interview of their own, names it on the second instance.
    const stranger = new Visitor(b);
    const theirs = await startedInterview(stranger);
    expect((await answer(stranger, theirs, 'My own answer.', mine.recordingId)).headers.location).toBe(`/session/${theirs}/interview?done=recording-expired`);
    expect(await stored(b).answerSpeechMetrics(theirs)).toEqual([null]);
    expect(await rowCount(b, 'recording_summaries')).toBe(1); // still the owner's

    // Its expiry passes (AUDIO_RECORDING_TTL_MINUTES after it ended; set back here rather than waited for).
    a.database.sqlite.prepare('update recording_summaries set expires_at = ?').run(Date.now() - 1_000);
    const onB = onA.at(b);
    const late = await answer(onB, id, 'I led a team of four engineers.', mine.recordingId);
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toBe(`/session/${id}/interview?done=recording-expired`);
    expect(await stored(b).answerSpeechMetrics(id)).toEqual([null]);
    const page = await onB.get(late.headers.location as string);
    expect(html(page.body).querySelector('#notice')?.textContent).toMatch(/saved, but without delivery metrics/);

    // The sweep deletes the expired row.
    await b.services.recordings.sweepDatabase();
    expect(await rowCount(b, 'recording_summaries')).toBe(0);
  }, 60_000);

  test("deleting the interview deletes its recordings' summaries", async ({ makeApp }) => {
    const { a, b } = await twoInstances(makeApp);
    const onA = new Visitor(a);
    const id = await startedInterview(onA);
    await record(a, onA, id);
    expect(await rowCount(b, 'recording_summaries')).toBe(1);
    await b.services.deletion.deleteSession(id, await stored(b).ownerOf(id));
    expect(await rowCount(a, 'recording_summaries')).toBe(0);
  }, 60_000);
});
