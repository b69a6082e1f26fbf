/**
 * How long a candidate waits for the next question when the interviewer is a real model.
 *
 * The app runs on 127.0.0.1 with an OpenAI-compatible model: the fake AI server, made as slow
 * as a hosted model (every call takes MODEL_MS; a streamed reply sends its first piece after a
 * quarter of that and the rest evenly). A client does what the browser does: it posts each
 * answer with htmx's header and, when the page says the interviewer is still working, follows
 * GET /session/:id/events. Per answer it records:
 *   - wait: from sending the answer to having the whole next question (the `done` event, or
 *     the POST's own response when the question was already there);
 *   - first words: from sending the answer to the first `question` event with text (the
 *     question being written into the page), or the wait when there was none.
 * Target (issue 11): median wait ≤ 1.15 × one model call (1.7 s at 1.5 s per call).
 *
 * Run: npm run bench:ai-wait   (INTERVIEWS=3 MODEL_MS=1500 by default)
 */
import { buildApp } from '../src/app.js';
import { testConfig, NO_RATE_LIMITS } from '../src/config.js';
import { HttpVisitor, questionIn, setUpSessionOverHttp } from '../tests/support/http-visitor.js';
import { fixture } from '../tests/support/interview-driver.js';
import { startFakeAiServer } from '../tests/support/fake-ai-server.js';
import { strongAnswer } from '../tests/support/answers.js';
import { listenLocally } from '../tests/support/browser.js';
import { appendResults, quantile } from './results.js';

const MODEL_MS = Number(process.env.MODEL_MS ?? 1500);
const INTERVIEWS = Number(process.env.INTERVIEWS ?? 3);

const fake = await startFakeAiServer();
fake.setLatency('openai', { totalMs: MODEL_MS });
const base = testConfig();
const app = await buildApp(
  testConfig({
    aiProviders: ['openai', 'offline'],
    openai: { ...base.openai, apiKey: 'bench', baseUrl: fake.openaiBaseUrl, model: 'fake-model' },
    // A hosted model's timeouts, not the tests' short ones.
    aiResilience: { ...base.aiResilience, attemptTimeoutMs: 12_000, callBudgetMs: 20_000, localAttemptTimeoutMs: 12_000 },
    rateLimits: NO_RATE_LIMITS,
  }),
);
const url = await listenLocally(app);

interface Sample {
  waitMs: number;
  firstWordsMs: number;
  streamed: boolean;
}

/** Follows the event stream until `done`; returns when the first question words and the end came. */
async function follow(visitor: HttpVisitor, sessionId: string): Promise<{ firstWordsAt: number | null; doneAt: number; html: string }> {
  const res = await fetch(`${url}/session/${sessionId}/events`, { headers: { cookie: visitor.cookieHeader! } });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let firstWordsAt: number | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the event stream ended without a done event');
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (\w+)$/m.exec(block)?.[1];
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      if (event === 'question' && data.trim() && firstWordsAt === null) firstWordsAt = performance.now();
      if (event === 'done') {
        await reader.cancel();
        return { firstWordsAt, doneAt: performance.now(), html: data };
      }
    }
  }
}

const samples: Sample[] = [];
const firstQuestion: number[] = [];
for (let n = 0; n < INTERVIEWS; n++) {
  const visitor = new HttpVisitor(url);
  const id = await setUpSessionOverHttp(visitor, {
    cv: { name: 'cv-alex-morgan.txt', content: fixture('cv-alex-morgan.txt') },
    job: fixture('job-backend-engineer.txt').toString('utf8'),
  });
  const startedAt = performance.now();
  await visitor.post(`/session/${id}/start`);
  let page = (await visitor.get(`/session/${id}/interview`)).body;
  if (!questionIn(page)) page = (await follow(visitor, id)).html;
  firstQuestion.push(performance.now() - startedAt);
  let question = questionIn(page);
  while (question) {
    const sentAt = performance.now();
    const res = await visitor.post(
      `/session/${id}/message`,
      { answer: strongAnswer({ ...question, text: '' }), question_id: question.id },
      { htmx: true },
    );
    if (res.status !== 200) throw new Error(`answer: ${res.status}`);
    let html = res.body;
    let firstWordsAt: number | null = null;
    let doneAt = performance.now();
    const streamed = /data-phase="preparing"/.test(html);
    if (streamed) ({ html, firstWordsAt, doneAt } = await follow(visitor, id));
    samples.push({ waitMs: doneAt - sentAt, firstWordsMs: (firstWordsAt ?? doneAt) - sentAt, streamed });
    question = questionIn(html);
  }
  process.stdout.write(`interview ${n + 1}/${INTERVIEWS}: ${samples.length} answers so far\n`);
}

await app.close();
await fake.close();

const turnCalls = fake.requests.filter((r) => r.intent === 'nextTurn').length;
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1)! };
};
const waits = stats(samples.map((s) => s.waitMs));
const words = stats(samples.filter((s) => s.streamed).map((s) => s.firstWordsMs));
const first = stats(firstQuestion);
const target = MODEL_MS * 1.15;
const s = (ms: number) => (ms / 1000).toFixed(2);

appendResults('Real-model wait per answer (fake model at ' + MODEL_MS + ' ms per call)', 'npm run bench:ai-wait', [
  `App in-process on 127.0.0.1, OpenAI-compatible provider → the fake AI server streaming every reply over ${MODEL_MS} ms (first piece after ${MODEL_MS / 4} ms). ` +
    `Client: posts each answer as htmx does, then follows GET /session/:id/events. ${INTERVIEWS} interviews, ${samples.length} answers (follow-ups included), ${turnCalls} turn calls.`,
  '',
  '| measure | median s | p95 s | max s | target |',
  '|---|---|---|---|---|',
  `| wait per answer (send → whole next question) | ${s(waits.median)} | ${s(waits.p95)} | ${s(waits.max)} | median ≤ ${s(target)}: ${waits.median <= target ? 'met' : '**missed**'} |`,
  `| first words of the question on the page | ${s(words.median)} | ${s(words.p95)} | ${s(words.max)} | — |`,
  `| first question after Start | ${s(first.median)} | ${s(first.p95)} | ${s(first.max)} | — |`,
  '',
  'Before this change the same model made the candidate wait for two calls one after the other (evaluate, then plan): 3.1–3.4 s per answer (issue 11).',
]);
process.exit(waits.median <= target ? 0 : 1);
