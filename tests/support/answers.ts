/**
 * Sample answers for flow tests: thoughtful STAR answers that use the job's vocabulary and
 * numbers, and the lazy "fine" a candidate who is not trying would give.
 */
import type { CurrentQuestion } from './interview-driver.js';

const STRONG = [
  'At Brightwave I owned our patient-records API, which had grown to a p99 latency of 900 ms and was breaching our SLA with two hospital clients. My task was to bring p99 under 300 ms within one quarter without a rewrite. I profiled the Node.js services, found N+1 queries against PostgreSQL, added composite indexes and a Redis cache for reference data, and I moved report generation to a Kafka-backed worker. I also wrote load tests so we could prove it. As a result p99 dropped from 900 ms to 210 ms, infrastructure cost fell by 18%, and both clients renewed their contracts.',
  'In my last role our on-call rotation was burning people out: we had about 40 pages a week, half of them noise. I volunteered to lead a reliability working group of four engineers. I audited every alert from the previous two months, deleted or merged 60% of them, wrote runbooks for the rest, and I set up Terraform-managed dashboards in AWS so each alert linked to its runbook. Within six weeks pages dropped to 12 a week, mean time to recovery went from 47 to 19 minutes, and our team survey score for on-call went from 2.1 to 4.0 out of 5.',
  'When two product managers disagreed about whether to ship a billing change before the end of the quarter, I was the tech lead who had to make the call. I set up a 30-minute meeting, wrote down each option with its risk, and I proposed shipping behind a feature flag to 5% of customers first using our Kubernetes canary deployment. I took ownership of the rollout plan and monitored error rates myself. We found one rounding bug affecting 0.3% of invoices, fixed it in a day, and shipped to everyone a week early; both managers adopted the canary approach for later launches.',
  'I mentored two junior engineers at Brightwave who were struggling with code reviews taking days. I set a goal with them to get review turnaround under 24 hours. I paired with each of them twice a week, wrote a TypeScript style guide with examples, and I introduced small pull requests of under 300 lines. After three months their median review time fell from 3 days to 7 hours, and one of them was promoted to mid-level engineer. I learned that clear written standards scale better than ad-hoc feedback.',
  // Eight distinct stories: the same answer given twice in one interview is recognised as a repeat (issue 12).
  'At my previous company our deploys took 45 minutes and failed about one time in five, so releases were bunched into risky Friday batches. I proposed moving the pipeline to GitHub Actions with cached Docker layers and parallel test shards, and I built it over three sprints while keeping the old pipeline running. I wrote a short migration guide and ran two sessions for the team. Deploy time fell to 12 minutes, failed deploys dropped to about one in twenty, and we went from one release a week to several a day.',
  'A hospital client reported that appointment reminders were going out twice to some patients, which was confusing people and costing us SMS fees. I traced it to our Kafka consumer committing offsets after a slow downstream call, so a rebalance replayed messages. I made the handler idempotent with a message-id table in PostgreSQL and added an alert on consumer rebalances. Duplicate reminders went from roughly 3% of messages to zero, and SMS costs fell by about £400 a month.',
  'When our team inherited a legacy billing service with no tests, every change took days of manual checking. I set a goal to make the riskiest paths safe to change within a month. I wrote characterisation tests around the invoice calculation first, then refactored it into small functions with the tests as a safety net, and added the suite to CI. Test coverage on that module went from 0 to 78%, and the next three billing changes shipped in a day each with no production bugs.',
  'Last spring our API costs on AWS had doubled in six months and finance asked engineering to explain it. I dug into the Cost Explorer data and found that debug logging left on in two services and oversized database instances made up most of the increase. I turned the logging down, right-sized the instances after a week of load measurements, and set up a monthly cost report for the team leads. Our monthly bill fell by 38%, about £6,000, with no change in latency.',
];

export const strongAnswer = (q: CurrentQuestion) => STRONG[(q.number + (q.kind === 'follow_up' ? 1 : 0)) % STRONG.length]!;
export const lazyAnswer = () => 'fine';

/**
 * A realistic candidate: strong on some questions, vague or thin on others (which brings
 * follow-ups and weak scores), so the feedback page has everything a real one has.
 */
const MIDDLING = [
  'We had a slow API at my last job and I worked with the team to make it faster. We looked at the database, added some caching and tidied up a few queries, and things got a lot better. The customers were happier afterwards and the on-call load went down as well.',
  'I usually get on well with people, so conflicts are rare for me. When there is a disagreement I try to listen to both sides and find a compromise that works for everyone, and then we move on. Communication is really the key thing in a team.',
  'For Terraform we had modules for most of our AWS resources. I wrote some of them and reviewed changes from others. It made deployments more repeatable and we had fewer surprises in production than before.',
];
const FOLLOW_UPS = [
  'Sorry, to be more concrete: I was the one who found the N+1 queries with the profiler, and I added the Redis cache myself. p99 went from about 800 ms to 250 ms over two sprints.',
  'Honestly I do not remember the exact numbers any more, it was a while ago.',
];

export function realisticAnswer(q: CurrentQuestion): string {
  if (q.kind === 'follow_up') return FOLLOW_UPS[q.number % FOLLOW_UPS.length]!;
  if (q.number % 3 === 2) return MIDDLING[Math.floor(q.number / 3) % MIDDLING.length]!;
  if (q.number === 7) return 'I am not sure, I have not really done that.';
  return strongAnswer(q);
}
