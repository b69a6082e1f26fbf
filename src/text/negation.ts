/**
 * Negation: whether a word or a span of text sits in the scope of a negation ("I haven't
 * really introduced standards for palliative care", "I never worked with CRRT"). The model
 * marks negation scope per token; a few ways people admit a gap without a negating word
 * ("I have no experience of", "I'm still learning", "something I'd like to get into") are
 * added here. A negated mention is a gap, never a strength or a "named skill".
 */
import { type DocSentence, type TextDoc } from './document.js';

/** Admissions of a gap that carry no negation word the model scopes. */
const ADMISSION =
  /\b(?:no (?:real |formal |direct |hands-on |practical )?(?:experience|exposure|background|knowledge)|little (?:real |direct )?(?:experience|exposure)|limited (?:experience|exposure)|(?:still|only just) (?:learning|getting to grips)|(?:would|'d) (?:like|love|want) to (?:learn|get into|develop|try)|(?:want|hope|plan) to (?:learn|get into|develop)|yet to|lack(?:ed|ing)?|not (?:yet|really|much|confident))\b/i;
/** A negating word the model's scope may miss when it ends the clause ("CRRT is something I haven't"). */
const NEGATOR = /\b(?:not|never|no|n['’]t|neither|nor|without|haven['’]t|hasn['’]t|didn['’]t|don['’]t|can['’]t|cannot|won['’]t|wasn['’]t|weren['’]t)\b/i;

/** True when the character range [start, end) of the read text lies in a negation's scope. */
export function isNegatedSpan(doc: TextDoc, start: number, end: number): boolean {
  const inside = doc.tokens.filter((t) => t.start < end && t.end > start && t.type === 'word');
  if (inside.length > 0 && inside.every((t) => t.negated)) return true;
  const sentence = doc.sentences.find((s) => start >= s.start && start < s.end);
  return sentence ? admitsGapBefore(sentence, start) : false;
}

/** True when the sentence, up to character `at`, is an admission of a gap ("I have no experience of…"). */
function admitsGapBefore(sentence: DocSentence, at: number): boolean {
  const before = sentence.text.slice(0, Math.max(0, at - sentence.start));
  return ADMISSION.test(before);
}

/** True when a sentence admits a gap or negates what it says (for quoting: never quote these as strengths). */
export function isAdmission(sentence: string): boolean {
  return ADMISSION.test(sentence) || NEGATOR.test(sentence);
}

const NEGATING_WORD = /^(?:not|n['’]t|never|no|cannot|nor|neither)$/;
/** Words that open a new clause, whose subject may differ ("…, because pupils who can't…"). */
const CLAUSE_BREAK = new Set([',', ';', ':', '—', '–', '(', ')']);
const SUBJECT_POS = new Set(['PRON', 'NOUN', 'PROPN']);
const RELATIVE_PRONOUN = /^(?:who|which|that)$/;
const I_WITH_CLITIC = /^I(?:['’][a-z]+)?$/;
const WE_WITH_CLITIC = /^we(?:['’][a-z]+)?$/;

/**
 * True when sentence `index` of `doc` admits a gap of the candidate's own: a gap phrase
 * ("no real experience of", "still learning"), or a negation whose clause has "I" or "we" as
 * its subject, or no subject at all ("Never used it"). Someone else's negation is a fact of the
 * story, not an admission: "he wasn't readmitted", "pupils who can't do that will struggle",
 * "most said they couldn't find the button".
 */
export function isOwnAdmission(doc: TextDoc, index: number): boolean {
  const s = doc.sentences[index];
  if (!s) return false;
  if (ADMISSION.test(s.text)) return true;
  let subject: string | null = null;
  let clauseHasSubject = false;
  for (let i = s.from; i < s.to; i++) {
    const t = doc.tokens[i]!;
    if (CLAUSE_BREAK.has(t.text) || t.pos === 'SCONJ' || t.pos === 'CCONJ' || (t.pos === 'PRON' && RELATIVE_PRONOUN.test(t.lower))) {
      // A relative pronoun is the subject of its own clause: someone else's.
      if (t.pos === 'PRON' && RELATIVE_PRONOUN.test(t.lower)) {
        subject = t.lower;
        clauseHasSubject = true;
      } else clauseHasSubject = false;
      continue;
    }
    if (!clauseHasSubject && SUBJECT_POS.has(t.pos) && !NEGATING_WORD.test(t.lower)) {
      // "I'm" and "we've" can come out as one token.
      subject = I_WITH_CLITIC.test(t.text) ? 'I' : WE_WITH_CLITIC.test(t.lower) ? 'we' : t.lower;
      clauseHasSubject = true;
      continue;
    }
    if (NEGATING_WORD.test(t.lower) && (subject === null || subject === 'I' || subject === 'we' || subject === 'me' || subject === 'myself')) return true;
  }
  return false;
}

