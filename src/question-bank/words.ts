/**
 * The small amount of text handling the bank needs to match entries with jobs and tags:
 * lower-cased content words with a crude stem, so "nurses", "nursing" and "nurse" meet.
 */

const STOP = new Set(
  ('a an the and or but if then of to in on at by for with from as is are was were be been being it its this that these those ' +
    'you your yours we our us they their them he she his her i me my mine what which who whom how why when where there here ' +
    'do does did done have has had having can could would should will shall may might must not no yes so than too very just ' +
    'about into over under after before during while between through up down out off again once all any both each few more most ' +
    'other some such only own same also tell time give example describe walk through one two three first last new make made ' +
    'something someone way ways work worked working role job team').split(' '),
);

/** Crude stem: enough to meet plurals and -ing/-ed forms, not a linguistic stemmer. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed', 'e']) {
    if (w.length > suffix.length + 3 && w.endsWith(suffix)) return w.slice(0, -suffix.length);
  }
  return w;
}

/** Stemmed words of a text, in order, stop words included (for phrase matching). */
export function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9+#&]+/g) ?? []).map(stem);
}

/** Distinct stemmed content words of a text (stop words and one-letter words dropped). */
export function contentStems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z0-9+#&]+/g) ?? []).filter((w) => w.length > 1 && !STOP.has(w)).map(stem));
}

/** Whether the phrase occurs in the text, comparing stems word by word. */
export function phraseIn(phrase: string, textStems: readonly string[] | string): boolean {
  const p = stems(phrase).join(' ');
  if (!p) return false;
  const t = typeof textStems === 'string' ? textStems : ` ${textStems.join(' ')} `;
  return t.includes(` ${p} `);
}
