/**
 * How fast the lexical coverage method is: time per lexicalCoverage call on realistic answers
 * against a question's key points. It runs on every answer (and as the fallback whenever the
 * embedding model is missing, busy or slow), so it must stay well under a millisecond for a
 * typical answer.
 */
import { lexicalCoverage } from '../src/coverage/lexical.js';
import { appendResults, quantile } from './results.js';

const KEY_POINTS = [
  'Names the metric used to judge success',
  'Explains how they verified the fix',
  'Describes their own role, not just the team\'s',
  'Explains the trade-off they chose and why',
  'Mentions Kubernetes or container orchestration',
];

const TYPICAL =
  'At Brightline I owned the payment-authorisation service, whose p99 latency was 480 ms. ' +
  'I profiled the Node.js code, added PostgreSQL indexes and a Redis cache, and rolled it out behind a feature flag on our k8s cluster. ' +
  'We chose caching over a full rewrite because it was faster to ship, even though it meant stale reads for up to 30 seconds. ' +
  'I confirmed the fix with a load test and watched the dashboards for a week. ' +
  'p99 fell to 120 ms and incidents dropped by 40% over the next quarter.';

const SHORT = 'I fixed the slow queries and it got faster.';

const TRANSCRIPT =
  'so basically what happened was we had this outage on a friday and the checkout was timing out for about a third of users ' +
  'and i was on call so i got paged and the first thing i did was look at the dashboards and the database cpu was pinned ' +
  'so i rolled back the release from that morning and things recovered within ten minutes and then on monday we did a postmortem ' +
  'and found a missing index on the orders table which i added with a migration and a load test to prove it held up';

/** About 6,000 characters: an answer near ANSWER_MAX_CHARS. */
const LONG = Array.from({ length: 14 }, (_, i) => `${TYPICAL.split('. ')[i % 5]}. `).join('') + TRANSCRIPT + '. ' + TYPICAL.repeat(6);

function time(label: string, n: number, fn: (i: number) => unknown) {
  for (let i = 0; i < Math.min(500, n); i++) fn(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return `| ${label} | ${n} | ${quantile(samples, 0.5).toFixed(3)} | ${quantile(samples, 0.99).toFixed(3)} |`;
}

// A suffix per run makes each answer new text, so nothing is memoised across runs except the
// key-point queries (which the app reuses too: bank key points repeat).
const rows = [
  time(`typical answer (${TYPICAL.length} chars, 5 sentences), 5 key points`, 20_000, (i) => lexicalCoverage(`${TYPICAL} Run ${i}.`, KEY_POINTS)),
  time(`short answer (${SHORT.length} chars), 5 key points`, 20_000, (i) => lexicalCoverage(`${SHORT} Run ${i}.`, KEY_POINTS)),
  time(`transcript without punctuation (${TRANSCRIPT.length} chars), 5 key points`, 10_000, (i) => lexicalCoverage(`${TRANSCRIPT} run ${i}`, KEY_POINTS)),
  time(`long answer (${LONG.length} chars), 5 key points`, 2_000, (i) => lexicalCoverage(`${LONG} Run ${i}.`, KEY_POINTS)),
  time('typical answer, 5 key points never seen before', 10_000, (i) =>
    lexicalCoverage(`${TYPICAL} Run ${i}.`, KEY_POINTS.map((p) => `${p} ${i}`)),
  ),
];
appendResults('Answer coverage (lexical method): time per call', 'npm run bench -- coverage', [
  '| case | runs | median ms | p99 ms |',
  '|---|---|---|---|',
  ...rows,
]);
