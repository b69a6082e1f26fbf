/**
 * What counts as an answer, for the interview and for a retry alike: line breaks made plain,
 * white space trimmed, something a reader can see (zero-width and other invisible characters
 * alone are no answer — issue 17), and no longer than the operator allows.
 */
import { Errors } from '../errors.js';
import { hasVisibleText } from '../text/visible-text.js';

/** The answer as stored, or EMPTY_ANSWER / ANSWER_TOO_LONG. */
export function cleanAnswer(raw: string, maxChars: number): string {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (!hasVisibleText(text)) throw Errors.emptyAnswer();
  if (text.length > maxChars) throw Errors.answerTooLong(maxChars);
  return text;
}
