/**
 * Text that shows nothing. A job title, company name or answer made only of zero-width spaces,
 * joiners, direction marks, BOMs, soft hyphens, combining marks with no letter, or blank
 * "filler" letters (Hangul fillers, the blank Braille pattern) looks empty on every page and to
 * every reader, so it is treated exactly like an empty field (issue 17). Such characters inside
 * real text are left alone: a zero-width joiner holds an emoji sequence together, and
 * non-joiners are part of correct spelling in Persian.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{Z}\p{M}\s\u115F\u1160\u3164\uFFA0\u2800]/gu;
const INVISIBLE_AT_ENDS = /^[\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{Z}\s\u115F\u1160\u3164\uFFA0\u2800]+|[\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{Z}\s\u115F\u1160\u3164\uFFA0\u2800]+$/gu;

/** True when the text has at least one character a reader can see. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '') !== '';
}

/** Trims invisible characters (and white space) from both ends, keeping those inside the text. */
export function trimInvisible(text: string): string {
  return text.replace(INVISIBLE_AT_ENDS, '');
}
