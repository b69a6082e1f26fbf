import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/documents/index.js';
import { countWords, truncateText } from '../../../src/documents/normalize.js';

describe('normalizeText', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeText('one\r\ntwo\rthree\nfour')).toBe('one\ntwo\nthree\nfour');
  });

  it('applies NFKC: ligatures, non-breaking and full-width spaces, full-width letters', () => {
    expect(normalizeText('ﬁnance and workﬂow')).toBe('finance and workflow');
    expect(normalizeText('5\u00a0years\u3000ＡＷＳ')).toBe('5 years AWS');
  });

  it('removes soft hyphens, zero-width characters, BOMs and control characters', () => {
    expect(normalizeText('\ufeffmanage\u00adment\u200b of\u200d teams\u0007\u0000')).toBe('management of teams');
  });

  it('treats form feeds and Unicode line separators as line breaks', () => {
    expect(normalizeText('page one\fpage two\u2028line')).toBe('page one\npage two\nline');
  });

  it('joins a word hyphenated across a line break', () => {
    expect(normalizeText('Led the manage-\nment of three teams.')).toBe('Led the management of three teams.');
    expect(normalizeText('cut infra-\n   structure costs')).toBe('cut infrastructure costs');
  });

  it('joins a hyphenated word across a page break', () => {
    expect(normalizeText('observability and infra-\n\n-- 1 of 2 --\n\nstructure that teams trust')).toBe(
      'observability and infrastructure that teams trust',
    );
  });

  it('keeps real compounds: on one line untouched, across a line break with the hyphen', () => {
    expect(normalizeText('A full-stack, self-hosted, data-driven team')).toBe('A full-stack, self-hosted, data-driven team');
    expect(normalizeText('Worked as a full-\nstack engineer')).toBe('Worked as a full-stack engineer');
    expect(normalizeText('an event-\ndriven design')).toBe('an event-driven design');
    expect(normalizeText('an API-\nfirst platform')).toBe('an API-first platform');
  });

  it('does not join when the next line starts a new sentence, item or paragraph', () => {
    expect(normalizeText('Skills: Node-\nTypeScript')).toBe('Skills: Node-\nTypeScript');
    expect(normalizeText('From 2019 -\npresent')).toBe('From 2019 -\npresent');
    expect(normalizeText('dangling-\n\nnext paragraph')).toBe('dangling-\n\nnext paragraph');
  });

  it('removes the page separators pdf-parse v2 inserts', () => {
    expect(normalizeText('first page\n\n-- 1 of 2 --\n\nsecond page\n\n-- 2 of 2 --\n\n')).toBe('first page\n\nsecond page');
  });

  it('removes "Page N of M" footers and lone page numbers, but not years or sentences', () => {
    const input = ['Experience', 'Page 1 of 2', 'Skills', 'page 2', '3', '- 4 -', '5 / 6', '2019', 'Page 3 of 4 covers skills.'].join('\n');
    expect(normalizeText(input)).toBe('Experience\n\nSkills\n\n2019\nPage 3 of 4 covers skills.');
  });

  it('normalises bullet glyphs at the start of a line to "- "', () => {
    const input = ['• one', '▪ two', '● three', '– four', '— five', '* six', '\uf0b7 seven', '•eight', '-    nine', '◦ ten', '➢ eleven'].join('\n');
    expect(normalizeText(input)).toBe(
      ['- one', '- two', '- three', '- four', '- five', '- six', '- seven', '- eight', '- nine', '- ten', '- eleven'].join('\n'),
    );
  });

  it('leaves glyphs in the middle of a line and dashes that are not bullets alone', () => {
    expect(normalizeText('London • Remote\n–2019\n-3 °C')).toBe('London • Remote\n–2019\n-3 °C');
  });

  it('merges a bullet glyph that sits alone on its line with the text that follows', () => {
    expect(normalizeText('•\nLed a team of 5\n•\nShipped weekly')).toBe('- Led a team of 5\n- Shipped weekly');
  });

  it('collapses runs of spaces and tabs and trims every line', () => {
    expect(normalizeText('  Senior  Engineer\t\tMar 2021 –   Present   \n\t Leeds ')).toBe('Senior Engineer Mar 2021 – Present\nLeeds');
  });

  it('keeps at most one blank line in a row and trims the whole text', () => {
    expect(normalizeText('\n\n  \nSummary\n\n\n \t \n\nExperience\n\n\n')).toBe('Summary\n\nExperience');
  });

  it('returns an empty string for whitespace and page furniture only', () => {
    expect(normalizeText(' \n\t\r\n-- 1 of 1 --\n\n')).toBe('');
  });

  it('is idempotent', () => {
    const messy = 'ﬁrst  line\r\n• bullet\n\nPage 1 of 2\n\nmanage-\nment\u00ad here\n\n\n\nend';
    const once = normalizeText(messy);
    expect(once).toBe('first line\n- bullet\n\nmanagement here\n\nend');
    expect(normalizeText(once)).toBe(once);
  });
});

describe('truncateText', () => {
  const paragraphs = [
    'Summary. Backend engineer with nine years of experience.',
    'Experience. Led the payments platform team. Moved services to Kubernetes.',
    'Skills. TypeScript, Node.js, PostgreSQL, AWS, Docker.',
  ].join('\n\n');

  it('leaves text within the cap alone', () => {
    expect(truncateText('short text', 100)).toEqual({ text: 'short text', truncated: false });
    expect(truncateText('exactly10!', 10)).toEqual({ text: 'exactly10!', truncated: false });
  });

  it('cuts at a paragraph boundary near the cap', () => {
    const cap = paragraphs.indexOf('\n\nSkills') + 5;
    expect(truncateText(paragraphs, cap)).toEqual({
      text: 'Summary. Backend engineer with nine years of experience.\n\nExperience. Led the payments platform team. Moved services to Kubernetes.',
      truncated: true,
    });
  });

  it('cuts at a sentence boundary when no paragraph ends near the cap', () => {
    const text = 'One sentence here. Another sentence follows it. And a third one that is long enough to be cut somewhere.';
    const result = truncateText(text, 54);
    expect(result).toEqual({ text: 'One sentence here. Another sentence follows it.', truncated: true });
  });

  it('falls back to a word boundary, then to a hard cut', () => {
    expect(truncateText('alpha beta gamma delta epsilon', 23)).toEqual({ text: 'alpha beta gamma delta', truncated: true });
    expect(truncateText('x'.repeat(50), 20)).toEqual({ text: 'x'.repeat(20), truncated: true });
  });

  it('never splits a surrogate pair on a hard cut', () => {
    const result = truncateText('😀'.repeat(10), 5);
    expect(result.text).toBe('😀😀');
    expect(result.truncated).toBe(true);
  });

  it('never returns more than maxChars characters', () => {
    for (let cap = 10; cap < paragraphs.length; cap += 7) {
      const { text, truncated } = truncateText(paragraphs, cap);
      expect(text.length).toBeLessThanOrEqual(cap);
      expect(truncated).toBe(true);
      expect(paragraphs.startsWith(text)).toBe(true);
    }
  });
});

describe('countWords', () => {
  it('counts tokens with letters or digits, not bullets or separators', () => {
    expect(countWords('- Led a team of 5 | Node.js, C++ and k8s — full-stack')).toBe(10);
    expect(countWords('')).toBe(0);
    expect(countWords(' \n - \n ')).toBe(0);
  });
});
