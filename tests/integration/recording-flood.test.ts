/**
 * Issue 17, finding 7, through the real app and its voice socket: one visitor opening and
 * closing socket after socket must not push out another visitor's finished recording, and an
 * answer whose recording is no longer held says so on the page (plain form and htmx) instead
 * of being stored without metrics in silence.
 */
import { describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type WebSocket from 'ws';
import { testConfig } from '../../src/config.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';
import { currentQuestion, setUpSession } from '../support/interview-driver.js';
import { consentToRecording, fixturePcm } from '../support/audio.js';
import { stored } from '../support/db-inspect.js';

const test = useTestApp({ eager: false });

/** Per-visitor allowance of finished recordings (src/speech/recordings.ts default). */
const PER_VISITOR = 20;

describe('recording flood', () => {
  async function startedInterview(visitor: Visitor) {
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await consentToRecording(visitor, id);
    return id;
  }

  /** Opens the voice socket and either records a second of speech or hangs up at once; returns the recording id. */
  async function record(app: FastifyInstance, visitor: Visitor, id: string, speak: boolean): Promise<string> {
    let ws!: WebSocket;
    const ready = new Promise<string>((resolve, reject) => {
      void app
        .injectWS(`/session/${id}/audio`, { headers: { cookie: visitor.cookieHeader! } }, {
          onInit: (socket) => {
            ws = socket;
            socket.on('message', (data, isBinary) => {
              if (isBinary) return;
              const message = JSON.parse(data.toString()) as { type: string; recordingId?: string };
              if (message.type === 'ready') resolve(message.recordingId!);
            });
          },
        })
        .catch(reject);
    });
    const recordingId = await ready;
    const closed = new Promise((resolve) => ws.on('close', resolve));
    if (speak) {
      ws.send(JSON.stringify({ type: 'start' }));
      ws.send(fixturePcm('speech-normal.wav').subarray(0, 32_000), { binary: true });
      ws.send(JSON.stringify({ type: 'stop' }));
    } else {
      ws.terminate(); // hang up at once, as a flood script would
    }
    await closed;
    const owner = await stored(app).ownerOf(id);
    await expect.poll(() => app.services.recordings.find(recordingId, id, owner)?.endedAt ?? null).not.toBeNull();
    return recordingId;
  }

  const storedMetrics = (app: FastifyInstance, id: string) => stored(app).answerSpeechMetrics(id);

  test("a flood by one visitor does not evict another visitor's recording; the flooder's own oldest expire, and the page says so", async ({ makeApp }) => {
    const app = await makeApp({ rateLimits: { ...testConfig().rateLimits, interviewPerMinute: 0 } });
    const victim = new Visitor(app);
    const victimInterview = await startedInterview(victim);
    const victimRecording = await record(app, victim, victimInterview, true);

    const attacker = new Visitor(app);
    const attackerInterview = await startedInterview(attacker);
    const flood: string[] = [];
    for (let i = 0; i < PER_VISITOR * 3; i++) flood.push(await record(app, attacker, attackerInterview, false));

    // The victim's answer still carries its delivery metrics, and no notice.
    const q = (await currentQuestion(victim, victimInterview))!;
    const answered = await victim.post(`/session/${victimInterview}/message`, { answer: 'I led a team of four.', question_id: q.id, recording_id: victimRecording });
    expect(answered.statusCode).toBe(303);
    expect(answered.headers.location).toBe(`/session/${victimInterview}/interview`);
    expect((await storedMetrics(app, victimInterview))[0]).toMatchObject({ durationSeconds: expect.any(Number), endedBy: 'stop' });

    // The attacker's first recording was pushed out by their own newer ones: the answer is
    // stored without metrics, and the next page says so.
    const aq = (await currentQuestion(attacker, attackerInterview))!;
    const late = await attacker.post(`/session/${attackerInterview}/message`, { answer: 'Typed after all.', question_id: aq.id, recording_id: flood[0]! });
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toBe(`/session/${attackerInterview}/interview?done=recording-expired`);
    expect(await storedMetrics(app, attackerInterview)).toEqual([null]);
    const page = await attacker.get(late.headers.location as string);
    expect(html(page.body).querySelector('#notice')?.textContent).toMatch(/saved, but without delivery metrics/);

    // The same through htmx: the notice arrives out of band with the next question.
    const aq2 = (await currentQuestion(attacker, attackerInterview))!;
    const viaHtmx = await attacker.post(`/session/${attackerInterview}/message`, { answer: 'Typed again.', question_id: aq2.id, recording_id: flood[1]! }, { htmx: true });
    expect(viaHtmx.statusCode).toBe(200);
    const flash = html(viaHtmx.body).querySelector('#flash[hx-swap-oob]');
    expect(flash?.querySelector('#notice')?.textContent).toMatch(/saved, but without delivery metrics/);
    // The newest of the flood is still held.
    expect(await app.services.recordings.claim(flood.at(-1)!, attackerInterview, await stored(app).ownerOf(attackerInterview))).not.toBeNull();
  }, 60_000);

  test('an answer without a recording gets no notice', async ({ makeApp }) => {
    const app = await makeApp();
    const visitor = new Visitor(app);
    const id = await startedInterview(visitor);
    const q = (await currentQuestion(visitor, id))!;
    const typed = await visitor.post(`/session/${id}/message`, { answer: 'Typed.', question_id: q.id }, { htmx: true });
    expect(html(typed.body).querySelector('#notice')).toBeNull();
  });
});
