/**
 * Counts the scorers take without building arrays (src/text) must give exactly what the
 * array-building expressions they replace give, or scores would move.
 */
import { describe, expect, it } from 'vitest';
import { detectLanguage, readText, spaceSeparatedCount } from '../../../src/text/index.js';

/** A deterministic pseudo-random generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomText(next: () => number, alphabet: readonly string[], maxLength: number): string {
  let text = '';
  const length = Math.floor(next() * maxLength);
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

describe('spaceSeparatedCount', () => {
  it('treats as white space exactly the code units /\\s/ matches', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      // "a" + ch + "b" splits in two exactly when ch is white space.
      const text = `a${String.fromCharCode(c)}b`;
      if (spaceSeparatedCount(text) !== text.split(/\s+/).length) differ.push(`U+${c.toString(16)}`);
    }
    expect(differ).toEqual([]);
  });

  it('equals text.split(/\\s+/).length, empty pieces at either end included', () => {
    const alphabet = ['a', 'B', '1', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', 'é', '中', '😀', ',', '-'];
    const next = random(12);
    for (let i = 0; i < 5000; i++) {
      const text = randomText(next, alphabet, 30);
      expect(spaceSeparatedCount(text), JSON.stringify(text)).toBe(text.split(/\s+/).length);
    }
    for (const text of ['', ' ', 'one', ' one', 'one ', 'one two', 'I led the team through it.']) {
      expect(spaceSeparatedCount(text)).toBe(text.split(/\s+/).length);
    }
  });
});

describe('reading without copies', () => {
  it('gives tokens the same lower case and lemma as toLowerCase does, accents, capitals and curly apostrophes included', () => {
    const doc = readText('Last winter ÉMILIE and I rolled back the İstanbul release; we’d NEVER seen p99 at 480 ms. Café owners didn’t mind.');
    for (const t of doc.tokens) {
      expect(t.lower).toBe(t.text.toLowerCase().replace(/’/g, "'"));
      expect(t.lemma).toBe(t.lemma.toLowerCase());
    }
    expect(doc.tokens.find((t) => t.text === 'ÉMILIE')?.lower).toBe('émilie');
  });
});

describe('detectLanguage letter counts', () => {
  it('judges a text with too few letters (accents, CJK and astral letters counted as one each) as too short to tell', () => {
    // 24 letters: one short of the 25 needed, so "en" and not reliable, whatever the script.
    expect(detectLanguage('ééééé ééééé ééééé ééééé éééé 12345 !!!')).toEqual({ code: 'en', english: true, reliable: false });
    expect(detectLanguage('𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜')).toEqual({ code: 'en', english: true, reliable: false });
  });

  it('reads a long enough French answer as French, and English prose as English', () => {
    const french = "J'ai géré une équipe de six infirmières pendant la pandémie et nous avons réduit les délais de prise en charge.";
    expect(detectLanguage(french).code).toBe('fr');
    expect(detectLanguage('I rolled the release back within ten minutes and the error rate fell back to normal.').english).toBe(true);
  });
});
