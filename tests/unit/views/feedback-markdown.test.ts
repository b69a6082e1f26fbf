import { describe, expect, it } from 'vitest';
import type { AnswerEvaluation, AnsweredQuestion, InterviewSummary } from '../../../src/ai/types.js';
import { escapeMarkdown, feedbackMarkdown, markdownFileName, quoteBlock, type MarkdownInput } from '../../../src/views/feedback-markdown.js';
import type { AnswerInsight } from '../../../src/views/feedback-insights.js';
import { CRITERION_LABELS } from '../../../src/views/labels.js';

const evaluation = (score: number, quote = 'I cut p99 from 900 ms to 210 ms'): AnswerEvaluation => ({
  score,
  criteria: (['relevance', 'structure', 'specificity', 'ownership', 'concision'] as const).map((criterion) => ({ criterion, score: 3, note: `${criterion} note` })),
  strengths: [{ point: 'Measured result', quote }],
  weaknesses: [{ point: 'Say what *you* did', quote: '' }],
  followUp: null,
  summary: 'Solid answer.',
});

const summary: InterviewSummary = {
  overallScore: 7,
  headline: 'Strong on delivery_time; <b>vague</b> on stakeholders.',
  strengths: [{ point: 'Numbers', quote: 'p99 from 900 ms to 210 ms', questionNumber: 1 }],
  weaknesses: [],
  cvTips: [{ tip: 'Add Kafka to your CV.', evidence: 'Job description: "Hands-on experience with Kafka"' }],
};

const answers: AnsweredQuestion[] = [
  {
    questionNumber: 1,
    question: 'Tell me about [a] time you cut latency.',
    kind: 'behavioral',
    focus: 'performance',
    answer: '# Situation\nWe had *slow* APIs.\n\n1. I profiled them\n- then I fixed <the> N+1 queries | done',
    evaluation: evaluation(8),
    followUp: { question: 'What would you do differently?', answer: 'More > less.', evaluation: evaluation(6) },
  },
  { questionNumber: 2, question: 'Why us?', kind: 'motivation', focus: 'motivation', answer: 'fine', evaluation: evaluation(2, '') },
];

const insights = new Map<number, AnswerInsight>([
  [
    1,
    {
      questionNumber: 1,
      level: 'senior',
      coverage: {
        method: 'embeddings',
        methodLabel: 'semantic match (sentence embeddings: compared by meaning)',
        covered: [{ point: 'the metric', covered: true, similarity: 0.8, evidence: 'p99 dropped' }],
        missed: [{ point: 'the trade_off', covered: false, similarity: 0.1, evidence: '' }],
      },
      followUpCoverage: null,
    },
  ],
]);

function input(overrides: Partial<MarkdownInput> = {}): MarkdownInput {
  return {
    jobTitle: 'Senior Backend Engineer',
    companyName: 'Northwind [Health]',
    interviewTypeLabel: 'Mixed',
    providerLabel: 'the offline interviewer',
    createdAt: new Date('2025-03-04T10:00:00Z'),
    summary,
    answers,
    insights,
    requirements: [
      { id: 'kafka', requirement: 'Hands-on experience with Kafka', status: 'missing' },
      { id: 'aws', requirement: 'Experience with AWS', status: 'demonstrated', quote: 'I moved it to AWS', questionNumber: 1, cvEvidence: 'AWS (ECS)' },
      { id: 'go', requirement: 'Some Go', status: 'cv_only', cvEvidence: 'Go, Rust', importance: 'nice' },
    ],
    cvTips: [{ ...summary.cvTips[0]!, requirement: { id: 'kafka', requirement: 'Hands-on experience with Kafka', status: 'missing' } }],
    decisions: [{ questionNumber: 2, action: 'raise', text: 'Question 2 was harder (senior level) because you scored 8/10 on question 1 and covered all its key points.' }],
    retries: [{ questionNumber: 2, attempts: 2, latestScore: 6 }],
    delivery: null,
    criterionLabels: CRITERION_LABELS,
    ...overrides,
  };
}

describe('escapeMarkdown', () => {
  it('escapes inline markup anywhere and block markup at the start', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](e) <f> & g|h ~i~ \\')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\& g\\|h \\~i\\~ \\\\');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('3) item')).toBe('3\\) item');
    expect(escapeMarkdown('=====')).toBe('\\=====');
    // Plain prose is left alone.
    expect(escapeMarkdown('I cut costs by 18% in Q3 (2024).')).toBe('I cut costs by 18% in Q3 (2024).');
  });

  it('keeps one line: newlines become spaces', () => {
    expect(escapeMarkdown('one\n# two\r\nthree')).toBe('one # two three');
  });

  it('quotes multi-line text line by line, escaping each line', () => {
    expect(quoteBlock('# Situation\n\n1. step')).toBe('> \\# Situation\n>\n> 1\\. step');
  });
});

describe('markdownFileName', () => {
  it('is an ASCII slug of the job title and the feedback date', () => {
    expect(markdownFileName('Senior Backend Engineer', new Date('2025-03-04T23:59:00Z'))).toBe('rehearse-senior-backend-engineer-2025-03-04.md');
    expect(markdownFileName('Ingénieur·e "Données" / Café', new Date('2025-01-02T00:00:00Z'))).toBe('rehearse-ingenieur-e-donnees-cafe-2025-01-02.md');
    expect(markdownFileName('日本語', new Date('2025-01-02T00:00:00Z'))).toBe('rehearse-interview-2025-01-02.md');
  });
});

describe('feedbackMarkdown', () => {
  const md = feedbackMarkdown(input());

  it('has the title, score, headline and the date', () => {
    expect(md.split('\n')[0]).toBe('# Interview feedback: Senior Backend Engineer at Northwind \\[Health\\]');
    expect(md).toContain('Mixed interview · feedback written by the offline interviewer on 2025-03-04');
    expect(md).toContain('## Overall score: 7/10');
    expect(md).toContain('Strong on delivery\\_time; \\<b\\>vague\\</b\\> on stakeholders.');
  });

  it('leads with the same summary as the page: score, verdict, then the changes that would raise the score most', () => {
    const headings = md.match(/^## .*/gm)!;
    expect(headings.slice(0, 3)).toEqual(['## Overall score: 7/10', '## Fix these three first', '## Strengths']);
    // Question 2 scored 2/10 with 3/5 on every criterion: it has the most room, so each fix points at it.
    expect(md).toContain('1. **Answer the question asked, in your first sentence.** Question 2 (2/10): relevance note. Also question 1.');
    expect(md.indexOf('## Fix these three first')).toBeLessThan(md.indexOf('## Strengths'));
    expect(md.indexOf('## Improve your CV for this job')).toBeLessThan(md.indexOf('## Question by question'));
  });

  it('says so when nothing stands out to fix', () => {
    const perfect = answers.map((a) => ({ ...a, evaluation: { ...evaluation(9), criteria: a.evaluation.criteria.map((c) => ({ ...c, score: 5 })) }, followUp: undefined }));
    expect(feedbackMarkdown(input({ answers: perfect }))).toContain('## Nothing stands out to fix first\n\n_Nothing stands out to fix first');
  });

  it('quotes strengths with their question number, and says when a list is empty', () => {
    expect(md).toContain('- Numbers\n  > “p99 from 900 ms to 210 ms” — your answer to question 1');
    expect(md).toMatch(/## Weaknesses\n\n_No major weaknesses stood out\._/);
  });

  it('lists the requirement map with status words, quotes and CV lines', () => {
    expect(md).toContain('- **Missing:** Hands-on experience with Kafka');
    expect(md).toContain('- **Demonstrated in an answer:** Experience with AWS\n  > “I moved it to AWS” — your answer to question 1\n  - Your CV: “AWS (ECS)”');
    expect(md).toContain('- **In your CV only:** Some Go (nice to have)');
  });

  it('explains the adaptive decisions', () => {
    expect(md).toContain('## How the interview adapted\n\n- Question 2 was harder (senior level) because you scored 8/10 on question 1 and covered all its key points.');
  });

  it('gives every question its score, level, escaped answer, rubric and key points', () => {
    expect(md).toContain('### Question 1 (senior level): 8/10');
    expect(md).toContain('### Question 2: 2/10');
    expect(md).toContain('**Question:** Tell me about \\[a\\] time you cut latency.');
    expect(md).toContain('> \\# Situation\n> We had \\*slow\\* APIs.\n>\n> 1\\. I profiled them\n> \\- then I fixed \\<the\\> N+1 queries \\| done');
    expect(md).toContain('- Structure (STAR): 3/5 — structure note');
    expect(md).toContain('**Key points: 1 of 2 key points covered** (semantic match (sentence embeddings: compared by meaning))');
    expect(md).toContain('- Covered: the metric — “p99 dropped”');
    expect(md).toContain('- Missed: the trade\\_off');
    expect(md).toContain('#### Follow-up: What would you do differently?\n\n> More \\> less.');
    expect(md).toContain('_Retried 2 times; latest retry scored 6/10 (practice only: the score above is unchanged)._');
  });

  it('numbers the CV tips with their evidence and requirement', () => {
    expect(md).toContain('1. Add Kafka to your CV.\n   - Job description: "Hands-on experience with Kafka"\n   - Requirement (missing): Hands-on experience with Kafka');
  });

  it('adds delivery figures only when an answer was spoken', () => {
    expect(md).not.toContain('## Delivery');
    const spoken = feedbackMarkdown(
      input({
        delivery: {
          overall: { figures: [{ label: 'Pace', value: '142 words/min' }], advice: ['Pause *before* key numbers.'] },
          answers: [{ title: 'Question 1', figures: [{ label: 'Fillers', value: '3' }], advice: [] }],
        },
      }),
    );
    expect(spoken).toContain('## Delivery\n\n- Pace: 142 words/min\n\n- Pause \\*before\\* key numbers.');
    expect(spoken).toContain('### Question 1\n\n- Fillers: 3');
  });

  it('never leaves raw HTML or a heading from user text, and is stable', () => {
    // Every "<" is escaped as "\<", so no tag can appear.
    expect(md).not.toMatch(/(?<!\\)<[a-z/]/i);
    expect(md.match(/^#{1,4} /gm)?.length).toBe(md.match(/^#{1,4} (?:Interview feedback|Overall|Fix|Strengths|Weaknesses|Job requirements|How the|Question|Follow-up|Improve)/gm)?.length);
    expect(feedbackMarkdown(input())).toBe(md);
    expect(md).not.toMatch(/\n{3,}/);
  });
});
