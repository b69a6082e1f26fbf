/**
 * The memos and allocation-free counters on evaluateAnswer's path (issue 12, item 9: still
 * fast) must give exactly what the plain computation gives, and the memos must stay bounded.
 */
import { describe, expect, it } from 'vitest';
import { answerFeatures, countLetterRuns } from '../../../src/analysis/answer-features.js';
import { keysWithSynonyms, relevanceOf } from '../../../src/analysis/answer-relevance.js';
import { analyseContext } from '../../../src/analysis/context-analysis.js';
import type { EvaluateAnswerInput } from '../../../src/ai/types.js';
import type { InterviewContext } from '../../../src/interview/definitions.js';
import { contentKeys, synonymsOf } from '../../../src/text/index.js';

/** What keysWithSynonyms memoises, computed from scratch. */
function expandedFromScratch(text: string): Set<string> {
  const out = new Set(contentKeys(text));
  for (const k of contentKeys(text)) for (const s of synonymsOf(k)) if (!s.startsWith('#')) out.add(s);
  return out;
}

describe('keysWithSynonyms (question words with their synonyms, memoised per text)', () => {
  const question = 'Tell me about a mistake you made with a number in a report, and what you changed afterwards.';

  it('gives the same words as expanding the question from scratch', () => {
    expect([...keysWithSynonyms(question)].sort()).toEqual([...expandedFromScratch(question)].sort());
    const points = 'names the mistake honestly; explains how it was found; says what changed so it cannot recur';
    expect([...keysWithSynonyms(points)].sort()).toEqual([...expandedFromScratch(points)].sort());
    expect(keysWithSynonyms('').size).toBe(0);
  });

  it('is memoised for the same text and bounded: after hundreds of other texts the first is computed again, equal', () => {
    const first = keysWithSynonyms(question);
    expect(keysWithSynonyms(question)).toBe(first);
    for (let i = 0; i < 300; i++) keysWithSynonyms(`Question ${i}: describe a deadline you missed at shop ${i}.`);
    const again = keysWithSynonyms(question);
    expect(again).not.toBe(first);
    expect([...again].sort()).toEqual([...first].sort());
  });
});

describe('relevanceOf with its per-analysis memo of the job and CV skills', () => {
  const base: Omit<InterviewContext, 'cvText' | 'jobDescription'> = {
    jobTitle: 'Backend Engineer',
    companyName: 'Acme Tools',
    interviewType: 'mixed',
  };
  const withKafka: InterviewContext = {
    ...base,
    jobDescription: 'We need a backend engineer with Kafka and PostgreSQL experience to run our event pipeline.',
    cvText: 'Backend engineer. Built services in Go with PostgreSQL.',
  };
  const withoutKafka: InterviewContext = {
    ...base,
    jobDescription: 'We need a backend engineer with PostgreSQL experience to run our billing service.',
    cvText: 'Backend engineer. Built services in Go with PostgreSQL.',
  };
  const input = (context: InterviewContext): EvaluateAnswerInput => ({
    context,
    questionNumber: 2,
    question: { kind: 'skill', focus: 'PostgreSQL', text: 'Tell me about a PostgreSQL problem you solved.' },
    answer: 'I moved our event pipeline to Kafka and tuned the PostgreSQL indexes, which cut the p99 from 480 ms to 120 ms.',
    isFollowUp: false,
  });

  it('names only the skills this job or CV knows, for each interview, however often it is asked', () => {
    const f = answerFeatures(input(withKafka).answer);
    const kafka = analyseContext(withKafka);
    const plain = analyseContext(withoutKafka);
    const first = relevanceOf(input(withKafka), f, kafka);
    expect(first.knownSkills).toContain('Kafka');
    expect(relevanceOf(input(withoutKafka), f, plain).knownSkills).not.toContain('Kafka');
    // Asked again (the memo answers now), the result is the same.
    expect(relevanceOf(input(withKafka), f, kafka)).toEqual(first);
    expect(relevanceOf(input(withoutKafka), f, plain).knownSkills).not.toContain('Kafka');
  });
});

describe('countLetterRuns', () => {
  it('counts what text.match(/[a-z]{4,}/g).length counts', () => {
    const texts = [
      '',
      'abc',
      'abcd',
      'i led the team, and we cut p99 from 480 ms to 120 ms!',
      'naïve café résumé — über-long words like internationalisation',
      'ends with a long word internationalisation',
      'x'.repeat(50),
      '1234 abcd5efgh ijkl_mnop',
    ];
    for (const text of texts) {
      const lower = text.toLowerCase();
      expect(countLetterRuns(lower, 4), text).toBe(lower.match(/[a-z]{4,}/g)?.length ?? 0);
    }
  });
});

/** The repeated-sentence check as it was written before it hashed: every sentence's key built and looked up. */
function repeatsFromScratch(sentences: readonly { text: string }[]): { first: string | null; repeats: number } {
  const seen = new Set<string>();
  let first: string | null = null;
  let repeats = 0;
  for (const s of sentences) {
    const key = s.text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    if (seen.has(key) && key.split(' ').length >= 4) {
      first ??= s.text;
      repeats++;
    }
    seen.add(key);
  }
  return { first, repeats };
}

describe('the repeated-sentence check (sentence keys built only when two sentences hash alike)', () => {
  const answers = [
    'I fixed the build. Then I rolled it out. I FIXED THE BUILD! We measured it. i fixed — the build.',
    'The ward was busy. It was busy. The ward was busy. Yes. Yes. Yes.',
    'Café owners were unhappy with the delays. Caf owners were unhappy with the delays. We changed the rota.',
    // "İ" lower-cases to "i" and a combining dot: a repeat of "İSTANBUL", not of "istanbul".
    'İstanbul office moved to the new plan. istanbul office moved to the new plan. İSTANBUL office moved to the new plan? The plan worked.',
    // "120 ms" and "120ms" are different words: not a repeat.
    'Our p99 fell to 120 ms by spring. Then we kept it there. Our p99 fell to 120ms by spring!',
    'Nothing repeats here at all. Every sentence is new. Each one says something else entirely.',
  ];

  it('finds the same repeats as building and comparing every key', () => {
    for (const answer of answers) {
      const f = answerFeatures(answer);
      const expected = repeatsFromScratch(f.sentences);
      expect(f.repeatedSentence?.text ?? null, answer).toBe(expected.first);
      expect(f.repetition, answer).toBe(f.sentences.length ? expected.repeats / f.sentences.length : 0);
    }
    // The cases above do exercise both outcomes.
    expect(answers.map((a) => answerFeatures(a).repeatedSentence !== null)).toEqual([true, true, true, true, false, false]);
  });
});
