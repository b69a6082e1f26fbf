import { describe, expect, it } from 'vitest';
import {
  contentKeys,
  countWords,
  detectLanguage,
  isNegatedSpan,
  isNotEnglish,
  measuresIn,
  naturalPhrase,
  readText,
  splitSentences,
  TextCache,
} from '../../../src/text/index.js';

describe('the language layer (src/text)', () => {
  it('splits sentences as exact slices, on line breaks and after "$1.2M." or "in.", but not inside "Node.js"', () => {
    const text = '- Grew revenue by $1.2M. A new client came in. Key accounts grew.\nWe use Node.js daily.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['Grew revenue by $1.2M.', 'A new client came in.', 'Key accounts grew.', 'We use Node.js daily.']);
    for (const s of sentences) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('gives lemmas, so irregular and British forms meet their base word', () => {
    expect(contentKeys('I led the team and prioritised the sickest patients')).toEqual(contentKeys('leading teams, prioritizing sick patient'));
    expect(readText('She was running it').tokens.find((t) => t.text === 'running')?.lemma).toBe('run');
  });

  it('counts words as a reader does ("haven\'t" is one word)', () => {
    expect(countWords("I haven't done it, it's fine.")).toBe(6);
    expect(countWords('   ')).toBe(0);
  });

  it('marks negation scope: "I haven\'t introduced palliative care standards" negates the skill, "I led the audit" does not', () => {
    const text = "I haven't really introduced standards for palliative care, but I did lead the NEWS2 audit. I have no experience of CRRT.";
    const doc = readText(text);
    const at = (w: string) => [text.indexOf(w), text.indexOf(w) + w.length] as const;
    expect(isNegatedSpan(doc, ...at('palliative care'))).toBe(true);
    expect(isNegatedSpan(doc, ...at('NEWS2'))).toBe(false);
    expect(isNegatedSpan(doc, ...at('CRRT'))).toBe(true);
  });

  it('counts numbers as measures only when they measure an outcome or a scale', () => {
    const kinds = (text: string) => measuresIn(readText(text)).map((m) => m.kind);
    expect(kinds('A 78-year-old gentleman on NEWS2 of 7 came in.')).toEqual([]);
    expect(kinds('Key Stage 3 pupils in Band 6 at 2 am in 2019.')).toEqual([]);
    expect(kinds('We cut missed escalations from 11 to 3.')).toEqual(['change', 'change']);
    expect(kinds('I hit 124% of quota and closed $1.46M.')).toEqual(['percent', 'money']);
    expect(kinds('I was preceptor to 7 students on a 28-bed unit.')).toEqual(['count', 'count']);
    expect(kinds('The team doubled output.')).toEqual(['multiplier']);
  });

  it('recognises answers in other languages, and reads English jargon lists as English', () => {
    expect(detectLanguage("Lors de mon dernier poste, j'ai dû gérer trois patients en même temps.").code).toBe('fr');
    expect(isNotEnglish('En mi trabajo anterior tuve que priorizar a varios pacientes y pedir ayuda.')).toBe(true);
    expect(isNotEnglish('NEWS2 ILS ALS mechanical ventilation CRRT teamwork mentoring leadership')).toBe(false);
    expect(isNotEnglish('Salesforce, MEDDICC, forecasting, negotiation, pipeline, prospecting')).toBe(false);
    expect(isNotEnglish('Yes.')).toBe(false);
  });

  it('quotes a line as a whole phrase of at most ~15 words, never a raw "|" list or a clause cut mid-way', () => {
    expect(naturalPhrase('NIV and high-flow oxygen | Arterial blood gas interpretation | Arterial line management')).toBe('NIV and high-flow oxygen');
    expect(naturalPhrase("Led the unit's NEWS2 escalation audit; reworked the handover template, which cut missed escalations")).toBe("Led the unit's NEWS2 escalation audit");
    const long = 'Own a territory of named enterprise accounts and run complex sales cycles (6-9 months) from first meeting to signature, with ACVs of $120K-$400K.';
    const phrase = naturalPhrase(long)!;
    expect(phrase.split(/\s+/).length).toBeLessThanOrEqual(15);
    expect(phrase).not.toMatch(/\($/);
    expect(long.startsWith(phrase)).toBe(true);
  });

  it('recognises a long answer in another language from its opening, and long English prose without the n-gram detector', () => {
    const french = "Lors de mon dernier poste, j'ai dû gérer trois patients en même temps, et j'ai demandé de l'aide à ma collègue. ".repeat(12);
    expect(isNotEnglish(french)).toBe(true);
    const english = 'I called the registrar, stayed with the patient and wrote up what we did in the notes. '.repeat(12);
    expect(detectLanguage(english)).toEqual({ code: 'en', english: true, reliable: true });
  });
});

describe('TextCache', () => {
  it('returns the memoised value for the same text and computes again for another', () => {
    const cache = new TextCache<number>(4, 1000);
    let computed = 0;
    const get = (t: string) => cache.get(t, () => ++computed);
    expect(get('alpha')).toBe(1);
    expect(get('alpha')).toBe(1);
    expect(get('beta')).toBe(2);
    expect(computed).toBe(2);
  });

  it('evicts the least recently used texts beyond its entry limit or its character budget', () => {
    const cache = new TextCache<string>(3, 25);
    let computed = 0;
    const get = (t: string) => cache.get(t, () => `${t}:${++computed}`);
    get('a'.repeat(10));
    get('b'.repeat(10));
    get('a'.repeat(10)); // a is now the most recently used
    get('c'.repeat(10)); // 30 characters held: b, the least recently used, goes
    expect(get('a'.repeat(10))).toBe(`${'a'.repeat(10)}:1`);
    expect(get('b'.repeat(10))).toBe(`${'b'.repeat(10)}:4`);
    // One text longer than the whole budget is still kept until the next one arrives.
    expect(get('d'.repeat(40))).toBe(`${'d'.repeat(40)}:5`);
    expect(get('d'.repeat(40))).toBe(`${'d'.repeat(40)}:5`);
    for (const t of ['x', 'y', 'z', 'w']) get(t);
    // Entry limit 3: x went when w came, so it is computed again.
    expect(get('x')).toBe('x:10');
    expect(get('w')).toBe('w:9');
  });
});

