/**
 * How fast the offline interviewer is: time per planQuestion, evaluateAnswer and
 * summarizeInterview on the fixture CV and job. The answer endpoint's throughput target
 * (1,000 answers/s) needs evaluateAnswer well under a millisecond.
 */
import { createOfflineProvider } from '../src/ai/providers/offline.js';
import { appendResults, quantile } from './results.js';
import { fixtureContext } from './support/fixture-context.js';

const context = fixtureContext;
const answer =
  'At Brightline I owned the payment-authorisation service, whose p99 latency was 480 ms. I profiled the Node.js code, added PostgreSQL indexes and a Redis cache, and I rolled it out behind a feature flag. p99 fell to 120 ms and incidents dropped by 40% over the next quarter.';

async function time(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(200, n); i++) await fn(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return `| ${label} | ${n} | ${quantile(samples, 0.5).toFixed(3)} | ${quantile(samples, 0.99).toFixed(3)} |`;
}

const offline = createOfflineProvider();
const question = await offline.planQuestion({ context, questionNumber: 3, previous: [] });
const evaluation = await offline.evaluateAnswer({ context, questionNumber: 3, question, answer, isFollowUp: false });
const answers = Array.from({ length: 8 }, (_, i) => ({
  questionNumber: i + 1,
  question: question.text,
  kind: question.kind,
  focus: question.focus,
  answer,
  evaluation,
}));

const rows = [
  await time('planQuestion', 2000, (i) => offline.planQuestion({ context, questionNumber: (i % 8) + 1, previous: [] })),
  await time('evaluateAnswer', 5000, (i) =>
    offline.evaluateAnswer({ context, questionNumber: 3, question, answer: `${answer} (${i})`, isFollowUp: false }),
  ),
  await time('summarizeInterview (8 answers)', 1000, () => offline.summarizeInterview({ context, answers })),
];
appendResults('Offline interviewer: time per call', 'npm run bench -- offline-interviewer', [
  '| call | runs | median ms | p99 ms |',
  '|---|---|---|---|',
  ...rows,
]);
