import { describe, expect, it } from 'vitest';
import { jobTerms, terms, trimByRelevance, withTerms } from '../../../src/ai/prompts/relevance.js';

const JOB = [
  'Senior Backend Engineer at Northwind Health',
  '',
  'Requirements:',
  '- 5+ years building services in Node.js and TypeScript',
  '- Kubernetes in production',
  '- PostgreSQL performance tuning',
  '',
  'Benefits: free yoga, salary sacrifice pension, cycle-to-work scheme.',
].join('\n');

const filler = (label: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${label} line ${i + 1}: enjoyed weekend hiking, photography and baking sourdough bread.`).join('\n');

const CV = [
  'Alex Morgan — Software Engineer',
  '',
  'Hobbies and interests',
  filler('Hobby', 12),
  '',
  'Experience — Brightwave (2020–2024)',
  filler('Duty', 6),
  '- Ran 40 Node.js services on Kubernetes, cutting deploy time by 70%.',
  '- Tuned PostgreSQL queries: p99 latency from 900 ms to 210 ms.',
  filler('Misc', 6),
  '',
  'Volunteering',
  filler('Volunteer', 8),
].join('\n');

describe('terms', () => {
  it('keeps technical tokens and drops stop words', () => {
    expect(terms('Experience with Node.js, C# and CI/CD in the team')).toEqual(['node.js', 'c#', 'ci/cd']);
  });
});

describe('jobTerms', () => {
  it('weighs requirements above other lines and ignores benefits', () => {
    const weights = jobTerms('Senior Backend Engineer', JOB);
    expect(weights.get('kubernete')).toBe(2);
    expect(weights.get('backend')).toBe(3);
    expect(weights.has('yoga')).toBe(false);
  });
});

describe('trimByRelevance', () => {
  const weights = jobTerms('Senior Backend Engineer', JOB);

  it('returns short text untouched', () => {
    expect(trimByRelevance('Short CV', 1000, weights)).toBe('Short CV');
  });

  it('keeps the lines that matter to the job, within budget, in their original order', () => {
    expect(CV.length).toBeGreaterThan(2500);
    const trimmed = trimByRelevance(CV, 700, weights);
    expect(trimmed.length).toBeLessThanOrEqual(700);
    const k8s = trimmed.indexOf('Kubernetes, cutting deploy time');
    const pg = trimmed.indexOf('Tuned PostgreSQL queries');
    expect(k8s).toBeGreaterThanOrEqual(0);
    expect(pg).toBeGreaterThan(k8s);
    // The heading of the paragraph they came from comes along, for context.
    expect(trimmed).toContain('Experience — Brightwave (2020–2024)');
    // Gaps are marked, and irrelevant filler is what went.
    expect(trimmed).toContain('[…]');
    expect((trimmed.match(/Hobby line/g) ?? []).length).toBeLessThan(12);
  });

  it('differs from a plain cut at N characters, which would lose the relevant lines', () => {
    expect(CV.slice(0, 700)).not.toContain('Kubernetes');
    expect(trimByRelevance(CV, 700, weights)).toContain('Kubernetes');
  });

  it("favours the question's focus when it is weighted in", () => {
    const cv = ['Worked on billing in Java for 3 years.', 'Led a Kafka migration for 12 teams.', filler('Other', 30)].join('\n\n');
    const focused = trimByRelevance(cv, 200, withTerms(new Map(), 'Kafka', 5));
    expect(focused).toContain('Kafka migration');
    expect(focused.length).toBeLessThanOrEqual(200);
  });
});
