/**
 * The lexical coverage method (BM25 + stemming + skill aliases + synonyms): what it should
 * and should not count as covering a key point. Cases are written the way candidates answer
 * and the way the question bank phrases key points.
 */
import { describe, expect, it } from 'vitest';
import { LEXICAL_THRESHOLD, lexicalCoverage } from '../../../src/coverage/lexical.js';

const INCIDENT_ANSWER =
  'At Brightline I owned the payment-authorisation service, whose p99 latency was 480 ms. ' +
  'I profiled the Node.js code, added PostgreSQL indexes and a Redis cache, and rolled it out behind a feature flag on our k8s cluster. ' +
  'We chose caching over a full rewrite because it was faster to ship, even though it meant stale reads for up to 30 seconds. ' +
  'I confirmed the fix with a load test and watched the dashboards for a week. ' +
  'p99 fell to 120 ms and incidents dropped by 40% over the next quarter.';

const point = (answer: string, keyPoint: string) => lexicalCoverage(answer, [keyPoint]).points[0]!;

describe('lexicalCoverage', () => {
  it('covers points made with other forms of the same words (stemming, British/American spelling)', () => {
    const answer = 'I prioritised the backlog with the product manager, ranking each ticket by how many customers it affected.';
    const covered = point(answer, 'Explains how they prioritized the work');
    expect(covered.covered).toBe(true);
    expect(covered.evidence).toBe(answer);
    expect(point('We analysed the logs from every failed deployment.', 'Analyzes the deployment logs').covered).toBe(true);
    // Irregular past tenses meet their present: "led" ~ "lead".
    expect(point('I led the migration of the billing database over two weekends.', 'Leads the database migration').covered).toBe(true);
  });

  it('matches skill aliases: k8s covers a point about Kubernetes, Postgres one about PostgreSQL', () => {
    const k8s = point('We ran everything on k8s, with one namespace per team.', 'Mentions Kubernetes');
    expect(k8s.covered).toBe(true);
    expect(k8s.evidence).toBe('We ran everything on k8s, with one namespace per team.');
    expect(point('I tuned the slow queries in Postgres myself.', 'Knows PostgreSQL query tuning').covered).toBe(true);
    // …and the alias alone, without the skill, does not.
    expect(point('We ran everything on virtual machines, with one per team.', 'Mentions Kubernetes').covered).toBe(false);
  });

  it('uses the synonym table: numbers and "measured" cover "names the metric"; "users" cover "customers"', () => {
    expect(point('p99 fell to 120 ms and incidents dropped by 40% over the next quarter.', 'Names the metric used to judge success').covered).toBe(true);
    expect(point('I measured how long checkout took before and after the change.', 'Names the metric').covered).toBe(true);
    expect(point('I interviewed five users who had abandoned the sign-up form.', 'Talks to the customers').covered).toBe(true);
    // A synonym counts for less than the word itself.
    const exact = point('I tracked the metric every day.', 'Names the metric').similarity;
    const synonym = point('I tracked the number every day.', 'Names the metric').similarity;
    expect(synonym).toBeLessThan(exact);
  });

  it('treats "X or Y" in a key point as either', () => {
    const answer = 'I wrote unit tests for every edge case before touching the parser.';
    expect(point(answer, 'Mentions automated tests or a code review')).toMatchObject({ covered: true, evidence: answer });
  });

  it('does not split "the plan or design changed" into a one-word side any answer with "planned" covers', () => {
    const answer = 'I booked the venue, planned two days of workshops and arranged a hike for the team.';
    expect(point(answer, 'How the plan or design changed as a result').covered).toBe(false);
    expect(point('After the interviews we changed the design of the bill screen.', 'How the plan or design changed as a result').covered).toBe(true);
  });

  it('leaves a point the answer never makes uncovered, with no evidence', () => {
    const coverage = lexicalCoverage(INCIDENT_ANSWER, [
      'Involves the affected customers early',
      'Says what they would do differently next time',
      'Explains how they kept stakeholders informed',
    ]);
    expect(coverage.coveredCount).toBe(0);
    for (const p of coverage.points) {
      expect(p.covered, p.point).toBe(false);
      expect(p.evidence, p.point).toBe('');
      expect(p.similarity, p.point).toBeLessThan(LEXICAL_THRESHOLD);
    }
  });

  it('scores a realistic answer against several key points: covers what it covers, misses what it misses', () => {
    const keyPoints = [
      'Names the metric used to judge success',
      'Explains how they verified the fix',
      'Mentions Kubernetes or container orchestration',
      'Describes their own role, not just the team\'s',
      'Involves the affected customers early',
    ];
    const coverage = lexicalCoverage(INCIDENT_ANSWER, keyPoints);
    expect(coverage.method).toBe('lexical');
    expect(coverage.points.map((p) => p.point)).toEqual(keyPoints);
    expect(coverage.points.map((p) => p.covered)).toEqual([true, true, true, true, false]);
    expect(coverage.coveredCount).toBe(4);
    expect(coverage.points[1]!.evidence).toBe('I confirmed the fix with a load test and watched the dashboards for a week.');
  });

  it('quotes evidence as an exact substring of the answer, whatever its spacing and line breaks', () => {
    const answer = '  So, the outage.\n\n- I rolled back the release   within ten minutes.\n- Then I wrote the   postmortem with the team.  ';
    const coverage = lexicalCoverage(answer, ['Rolls back the release quickly', 'Writes a postmortem', 'Names the metric']);
    for (const p of coverage.points) {
      if (p.covered) expect(answer.includes(p.evidence), p.evidence).toBe(true);
      expect(p.similarity).toBeGreaterThanOrEqual(0);
      expect(p.similarity).toBeLessThanOrEqual(1);
    }
    expect(coverage.points[0]!.evidence).toBe('I rolled back the release   within ten minutes.');
    expect(coverage.points[1]!.evidence).toBe('Then I wrote the   postmortem with the team.');
  });

  it('splits sentences that start in lower case, as transcripts do', () => {
    const answer = 'we had an outage on friday. i restored the database from the nightly backup. then we wrote a runbook.';
    expect(point(answer, 'Restores from backup').evidence).toBe('i restored the database from the nightly backup.');
  });

  it('finds a point made across two adjacent sentences and quotes both', () => {
    const answer = 'Our error rate was stuck at 3%. I wanted it below 1% before the launch. Everyone agreed.';
    const p = point(answer, 'Sets an error-rate target before launch');
    expect(p.covered).toBe(true);
    expect(p.evidence).toBe('Our error rate was stuck at 3%. I wanted it below 1% before the launch.');
  });

  it('needs a substantive word: "the team" alone does not cover a point about the team\'s contribution to a migration', () => {
    const vague = point('It went well. The team worked hard and we delivered on time.', 'Credits the team for the database migration');
    expect(vague.covered).toBe(false);
    expect(vague.evidence).toBe('');
    expect(point('The team did most of the database migration while I handled the cut-over.', 'Credits the team for the database migration').covered).toBe(true);
  });

  it('does not let keyword stuffing cover points like real sentences do', () => {
    const keyPoints = ['Names the metric used to judge success', 'Explains how they verified the fix', 'Mentions Kubernetes', 'Describes the trade-off they chose'];
    const real =
      'I picked latency as the metric to judge success, because slow checkouts lost sales. ' +
      'I verified the fix with a load test on a copy of production. ' +
      'The service ran on Kubernetes, so I could roll it out one pod at a time. ' +
      'The trade-off I chose was stale prices for up to a minute in exchange for speed.';
    const stuffedList = 'Metric, success, KPIs, verification, fix, testing, Kubernetes, k8s, trade-off, choices, latency.';
    const stuffedSentence = 'I have strong experience with metrics, success, verification, fixes, Kubernetes and trade-offs.';
    const stuffedLines = 'Metrics.\nSuccess.\nVerification.\nFix.\nKubernetes.\nTrade-off.';
    const genuine = lexicalCoverage(real, keyPoints);
    expect(genuine.coveredCount).toBe(4);
    for (const stuffed of [stuffedList, stuffedSentence, stuffedLines]) {
      const coverage = lexicalCoverage(stuffed, keyPoints);
      expect(coverage.coveredCount, stuffed).toBe(0);
      coverage.points.forEach((p, i) => expect(p.similarity, `${stuffed} / ${p.point}`).toBeLessThan(genuine.points[i]!.similarity));
    }
    // Stuffing around real sentences doesn't take away what the real sentences cover.
    expect(lexicalCoverage(`${stuffedList} ${real}`, keyPoints).coveredCount).toBe(4);
  });

  it('handles an empty answer, empty key points and key points with no content words', () => {
    expect(lexicalCoverage('', ['Names the metric'])).toEqual({
      method: 'lexical',
      points: [{ point: 'Names the metric', covered: false, similarity: 0, evidence: '' }],
      coveredCount: 0,
    });
    expect(lexicalCoverage('   \n ', ['Names the metric']).coveredCount).toBe(0);
    expect(lexicalCoverage(INCIDENT_ANSWER, [])).toEqual({ method: 'lexical', points: [], coveredCount: 0 });
    expect(point(INCIDENT_ANSWER, 'Says what and why')).toMatchObject({ covered: false, similarity: 0, evidence: '' });
    expect(point('!!! ... ???', 'Names the metric')).toMatchObject({ covered: false, evidence: '' });
  });

  it('is deterministic and keeps the key points in order, duplicates included', () => {
    const keyPoints = ['Mentions Kubernetes', 'Names the metric', 'Mentions Kubernetes'];
    const a = lexicalCoverage(INCIDENT_ANSWER, keyPoints);
    expect(lexicalCoverage(INCIDENT_ANSWER, keyPoints)).toEqual(a);
    expect(a.points.map((p) => p.point)).toEqual(keyPoints);
    expect(a.points[0]).toEqual(a.points[2]);
  });

  it('copes with a very long transcript without punctuation by reading it in pieces', () => {
    const filler = 'and then we talked about the plan for the next sprint with everyone on the call ';
    const answer = `${filler.repeat(6)}and I set up an alert on the error rate so we would know within minutes ${filler.repeat(6)}`;
    const p = point(answer, 'Sets up alerting on the error rate');
    expect(p.covered).toBe(true);
    expect(answer).toContain(p.evidence);
    expect(p.evidence.length).toBeLessThan(answer.length / 2);
  });

  it('gives every caller its own copy of a remembered result', () => {
    const answer = 'I set up Prometheus alerts on p99 latency and we measured a 30% drop in errors.';
    const points = ['names the metric used to measure success'];
    const first = lexicalCoverage(answer, points);
    first.points[0]!.covered = !first.points[0]!.covered;
    first.points.push({ point: 'added by a caller', covered: true, similarity: 1, evidence: '' });
    const second = lexicalCoverage(answer, points);
    expect(second.points).toHaveLength(1);
    expect(second.points[0]!.covered).toBe(second.coveredCount === 1);
    expect(second).toEqual(lexicalCoverage(`${answer} `.trimEnd(), [...points]));
  });
});
