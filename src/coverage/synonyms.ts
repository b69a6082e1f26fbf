/**
 * Answer coverage's word knowledge: the generic words that never cover a key point alone, and
 * the synonym table (kept in the language layer, src/text/synonyms.ts, because answer relevance
 * reads it too). A term matched through a synonym counts less than the word itself
 * (SYNONYM_WEIGHT in lexical.ts).
 */
import { stemWord } from './terms.js';

export { synonymsOf } from '../text/synonyms.js';

/**
 * Generic words: a match on them alone never makes a point covered ("the team", "the
 * project"), and they weigh half as much as a topical term.
 */
export const GENERIC = new Set(
  [
    'team', 'colleague', 'teammate', 'peer', 'coworker', 'work', 'people', 'person', 'project', 'company', 'time', 'situation',
    'job', 'role', 'business', 'organization', 'someone', 'everyone', 'part', 'problem', 'help', 'good', 'new', 'first', 'use',
    'experience', 'approach', 'end', 'need', 'able', 'try', 'start', 'want', 'know', 'think', 'feel', 'take',
    'give', 'see', 'look', 'come', 'put', 'keep', 'say', 'tell', 'ask', 'day', 'week', 'month', 'year',
    // In a teacher's answers pupils are everywhere, as the team is in an engineer's.
    'pupil', 'student', 'learner', 'child', 'boy', 'girl', 'kid', 'teenager',
  ].map((w) => stemWord(w)),
);
