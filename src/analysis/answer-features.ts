/**
 * Measurable facts about an answer, independent of the question: length, sentences, STAR
 * markers, numbers that measure something, named tools (and those only named to say they are
 * missing), "I" versus "we", hedging, repetition, evasion, whether it is prose or a list of
 * terms, its language, and attempts to instruct the grader. Rubric, caps and feedback are all
 * computed from these, so every judgement can point at the sentence that caused it. Memoised
 * per answer text; the text is read once by the language layer.
 */
import { findSkills, type SkillMatch } from './skill-matcher.js';
import {
  contentKeys,
  detectLanguage,
  isAdmission,
  isOwnAdmission,
  isNegatedSpan,
  measuredSentences,
  readText,
  TextCache,
  type LanguageGuess,
  type Sentence,
  type TextDoc,
} from '../text/index.js';

/** The four parts of a STAR answer: situation, task, action, result. */
export type StarPart = 'situation' | 'task' | 'action' | 'result';

/** What an answer contains; sentences are exact slices of it, so they can be quoted. */
export interface AnswerFeatures {
  text: string;
  words: number;
  sentences: Sentence[];
  /** Skills the answer claims (mentions inside a negation or an admission are in `negatedSkills`). */
  skills: SkillMatch[];
  skillNames: string[];
  /** Skills named only to say the candidate has not used them ("I haven't used CRRT"). */
  negatedSkills: SkillMatch[];
  /** Sentences that admit a gap or negate what they describe; never quoted as strengths. */
  admissionSentences: Sentence[];
  /**
   * Of those, the ones where the candidate admits a gap of their own ("I haven't used it", "We
   * never measured it"), not a negation in the story ("he wasn't readmitted"): what depth reads.
   */
  ownAdmissionSentences: Sentence[];
  /**
   * Sentences stating a number that measures an outcome or a scale: a percentage, money, a
   * multiplier, or a count with a change verb or a unit (not "NEWS2", "Band 6", "a 78-year-old").
   */
  metricSentences: Sentence[];
  star: Record<StarPart, Sentence | null>;
  /** The result, or else the last sentence that tells an outcome loosely ("she was more confident afterwards"). */
  outcome: Sentence | null;
  firstPerson: number;
  plural: number;
  /** Sentences where the candidate says what they did ("I rewrote…", "I decided to…"). */
  actionSentences: Sentence[];
  /**
   * Distinct things the candidate (or their team) did, told in the past tense: "I took him
   * somewhere private, let him speak, and told him he was right" is three. Concrete detail in a
   * story is often actions rather than numbers.
   */
  concreteActions: number;
  /** Of those, the ones told with "I" as the one acting. */
  ownActions: number;
  /**
   * Distinct things the candidate says they would do, for a scenario ("I'd split the team,
   * write one message, update the status page every hour"): a plan's concrete steps.
   */
  plannedActions: number;
  passiveSentences: Sentence[];
  hedgeSentences: Sentence[];
  hypotheticalSentences: Sentence[];
  pastAction: boolean;
  timeframe: boolean;
  properNouns: number;
  /** Distinct content stems / content words; low means the answer repeats itself. */
  diversity: number;
  repeatedSentence: Sentence | null;
  /** Share of sentences that repeat an earlier one word for word. */
  repetition: number;
  /** Share of the words that belong to skill names: high means a list, not a story. */
  skillWordShare: number;
  storyVerbs: number;
  stems: ReadonlySet<string>;
  /** Share of the words that sit in sentences (a verb with a subject or determiner), not in bare lists of terms. */
  proseShare: number;
  language: LanguageGuess;
  /** The text as read by the language layer. */
  doc: TextDoc;
  /** The exact words that try to instruct the grader, if any. */
  injection: string | null;
  evasive: boolean;
}

// "-ed" words that are not past tenses ("what I need", "we succeed") must not count as actions.
const PAST_VERB = '(?:(?!(?:need|feed|seed|speed|bleed|breed|heed|proceed|succeed|exceed|indeed)\\b)[a-z]{2,}ed|built|led|ran|wrote|rewrote|made|set|took|drove|chose|spoke|met|found|got|gave|sent|began|brought|caught|cut|kept|put|taught|told|went|won|did|broke|became|sought|split|held|paid|sold|bought|hired|knew|lost|spent|stood|understood|shut|grew|flew|fed|dealt|felt|saw|heard|thought|read|fought|meant|left|lent|showed|shown|drew|threw|rode|swapped|hit)';
const I_ACTION = new RegExp(`\\bI\\s+(?:(?:then|also|personally|first|quickly|immediately|eventually|finally|just|actually|had|have|was|always|carefully)\\s+){0,2}${PAST_VERB}\\b|\\bI\\s+(?:decided|chose|started)\\s+to\\b`);
const ANY_PAST_ACTION = new RegExp(`\\b(?:I|[Ww]e|[Mm]y team|[Tt]he team)\\s+(?:\\w+\\s+)?(?:${PAST_VERB}|was|were)\\b`);
const SITUATION = /\b(when I was|at my (?:last|previous|current|old)|in my (?:last|previous|current|first|old) (?:role|job|team|position|company)|last (?:year|month|quarter|winter|summer|spring|autumn)|(?:a few|two|three|several) (?:years|months|weeks) ago|in (?:19|20)\d\d|(?:we|the team|our team|the company|the ward|the client|the project|the service|the system) (?:was|were|had)|the situation|background was|context was|on (?:the|a|our) [a-z -]{0,30}(?:unit|ward|team|project|shift))\b/i;
// "One afternoon…", "On a night shift…": a story anchored in a particular time is a situation.
const SITUATION_TIME = /^(?:one|on an?|during an?|that) (?:(?:busy|quiet|late|early|long|night|day|weekend|bank holiday|christmas) )*(?:morning|afternoon|evening|night|day|weekend|shift|week)\b/i;
const SITUATION_PLACE = /\b(?:[Aa]t|[Oo]n|[Ii]n|[Ww]hile at|[Ww]hen at) (?!I\b)[A-Z][\w&'’-]+/;
const TASK = /\b(my (?:task|goal|job|role|responsibility|brief|aim|objective) was|I was (?:asked|tasked|responsible|brought in|hired)|(?:we|I) needed to|(?:we|I) had to|the (?:goal|aim|challenge|problem|objective|target|task) was|in charge of|responsible for|I decided to|I set out to)\b/i;
const RESULT = /\b(as a result|the result|result(?:ed|ing)? in|outcome|in the end|ended up|which (?:meant|cut|reduced|increased|improved|saved|led)|leading to|led to|since then|by the end|reduc(?:ed|ing)|increas(?:ed|ing)|improv(?:ed|ing)|sav(?:ed|ing)|grew|dropped|fell|rose|doubled|halved|tripled|went (?:from|down|up)|zero|eliminated|delivered|launched|shipped|on time|ahead of schedule|promoted|rolled (?:it )?out|adopted|thanked|stopped|fixed|resolved|recovered|back to normal|no (?:repeat|recurrence|further|more|longer)|(?:have|has|had) (?:had|been) no|since then|ever since|from then on|(?:still|now) (?:use|uses|used|run|runs|do|does|talks?|works?)|went ahead|accepted|(?:we|they|the (?:team|ward|department|school|practice)|(?!I\b)[a-z]+(?:'s)?(?: team)?) (?:all )?(?:agreed|added|changed|introduced|started|adopted) (?:that|to|a|an|the)\b)\b/i;
/** Outcomes told loosely ("it was better afterwards", "she was more confident"): an outcome, but not a stated result. */
const LOOSE_OUTCOME = /\b(?:calmed down|(?:much|a lot|far|a bit) (?:better|faster|happier|safer|calmer|clearer|more (?:engaged|confident|settled|involved))|(?:much |a lot |far )?(?:more|less) confident|(?:were|was|got|did|felt) (?:much |a lot |far |a bit )?(?:better|faster|happier|safer)|fewer|so we kept)\b/i;
/**
 * A plan timed in the calendar people work by rather than in units: school terms and months
 * ("before September", "in my first half term", "over a term", "by Easter").
 */
export const CALENDAR_TIMEFRAME =
  /\b(?:in|within|over|during|after|by|before|until|across)\s+(?:(?:my|the|a|an|this|next|first|second|following|coming|whole|autumn|spring|summer)\s+){0,3}(?:half[- ]terms?|terms?(?!\s+of\b)|semesters?|school year|academic year|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter|summer|holidays)\b/i;
// "A few years" is how long someone has done a job, not when something happened or how fast.
const TIMEFRAME = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+(?:minutes?|hours?|days?|weeks?|months?|quarters?|years?|sprints?|shifts?)\b|\b(?:a few|several)[\s-]+(?:minutes?|hours?|days?|weeks?|months?|quarters?|sprints?|shifts?)\b|\b(?:by|before|within|over|during) (?:the )?(?:end of|next|first|following|deadline)|\bdeadline\b|\bQ[1-4]\b|\blast (?:year|month|quarter|winter|summer)\b/i;
// "kind of" hedges in "it kind of worked", not in "the kind of work I enjoy".
export const HEDGE = /\b(I guess|I think|maybe|probably|(?<!\b(?:the|that|this|what|a|any|which|same|every) )(?:kind|sort) of|basically|to be honest|I suppose|not sure|I believe|hopefully)\b|\b(?:um+|uh+|erm)\b/i;
const HYPOTHETICAL = /\b(I would|I'd|I will|I'll|I'm going to|I could|I might|would probably|you would|you'd)\b/i;
const PASSIVE = /\b(?:was|were|been|being|got)\s+(?:\w+ly\s+)?(?:[a-z]{3,}ed|built|done|made|written|run|taken|given|set up)\b(?!\s+to\b)/i;
const INJECTION = [
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,40}?\b(?:instructions?|prompts?|rules?|rubric|guidelines|criteria|directions|grading)\b/i,
  /\b(?:give|award|grant|assign|score|rate|mark)\s+(?:me|this(?: answer)?|my answer|it)\s+(?:a\s+|an\s+|the\s+)?(?:10|ten|full marks|perfect|maximum|max|top|highest|\d+\s*\/\s*10|\d+ out of 10)\b[^.!?\n]*/i,
  /\b(?:you are now|act as (?:a|an|the) (?:grader|evaluator|interviewer)|pretend (?:to be|you are)|as an ai|system prompt|developer mode|jailbreak)\b/i,
  /\bscore\s*[:=]\s*10\b/i,
  // Claiming the mark rather than asking for it: "this answer deserves a 10/10", "should
  // receive the maximum score".
  /\b(?:deserves?|merits?|is worth|should (?:get|receive|be given|be awarded))\s+(?:a\s+|an\s+|the\s+)?(?:10\s*\/\s*10|ten out of ten|10 out of 10|full marks|top marks|(?:a )?perfect (?:score|mark|10)|(?:highest|maximum|max|top|full) (?:possible )?(?:score|mark|marks|rating|grade))\b[^.!?\n]*/i,
  // Words addressed to whoever marks the answer rather than to the interviewer's question:
  // "Note to the assessor: …", "Message for the grader -". Only as a heading (followed by a
  // colon or dash), so "I left a note for the marker on the script" is not one.
  /\b(?:note|message|instructions?|memo|p\.?s\.?)\s+(?:to|for)\s+(?:the\s+)?(?:assessor|grader|marker|examiner|evaluator|scorer|scoring (?:system|model)|ai|model|llm)\s*[:,\u2013\u2014-][^\n]*/i,
];
const EVASIVE = new Set(
  ('fine|ok|okay|good|great|yes|no|yeah|yep|nope|sure|pass|skip|next|idk|na|n a|none|nothing|whatever|dunno|maybe|not really|' +
    'no idea|no comment|fine thanks|its fine|it was fine|all good|same|nah|meh|ok thanks|no thanks|not applicable|test|asdf').split('|'),
);
const EVASIVE_START = /^(?:i (?:don ?t|do not|dont) know|idk|no idea|not sure|i m not sure|pass|skip|next question|no comment|i d rather not|can we (?:skip|move on)|nothing to say|i can t (?:remember|think))/;

const PAST_VERB_WORD = new RegExp(`\\b${PAST_VERB}\\b`, 'gi');
const first = (sentences: Sentence[], re: RegExp) => sentences.find((s) => re.test(s.text)) ?? null;
const last = (sentences: Sentence[], re: RegExp) => [...sentences].reverse().find((s) => re.test(s.text)) ?? null;
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * How many runs of at least `min` letters a-z `text` holds: what `text.match(/[a-z]{min,}/g).length`
 * counts, without building the array of every word of a long answer.
 */
export function countLetterRuns(text: string, min: number): number {
  let runs = 0;
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 97 && c <= 122) run++;
    else {
      if (run >= min) runs++;
      run = 0;
    }
  }
  return runs;
}

const MODAL = new Set(['would', 'will', "'d", "'ll", 'could', 'might', 'should', 'can', 'may', 'must', 'to']);

// Tested per token: compiled once (a literal in a function body is a new object at every call).
const NEGATION_WORD = /^(?:n't|not|never|no)$/;
const AUXILIARY_BEFORE = /^(?:have|'ve|has|'s|had|'d|be|been|being|was|were|is|are|to|would|will|could|should|might|must|can|may)$/;
const OTHER_SUBJECT = /^(?:he|she|they|it|you|everyone|nobody)$/;

/**
 * "I sat him up, gave him oxygen": "I" followed closely by a past tense (its form differs from
 * its lemma), not after a modal nor a perfect's "have" — the model's lemmas catch irregular
 * verbs that a word list misses.
 */
function saysIDid(doc: TextDoc, s: { from: number; to: number }): boolean {
  for (let i = s.from; i < s.to; i++) {
    if (doc.tokens[i]!.text !== 'I') continue;
    for (let j = i + 1; j < Math.min(s.to, i + 4); j++) {
      const t = doc.tokens[j]!;
      if (MODAL.has(t.lower) || t.negated || NEGATION_WORD.test(t.lower)) break;
      // "I've closed lots of deals" is a claim about a career, not something done on one occasion.
      if (isPastVerb(doc, j)) return true;
      // The first other verb is the candidate's ("If I see something broken"): no past action here.
      if (t.pos === 'VERB') break;
    }
  }
  return false;
}

/** A past-tense verb form ("took", "rang", "explained"), not a participle after "have" ("I've closed"). */
function isPastVerb(doc: TextDoc, i: number): boolean {
  const t = doc.tokens[i]!;
  if (t.pos !== 'VERB' || t.lower === t.lemma || t.lower.endsWith('ing') || t.lower.endsWith('s')) return false;
  const before = doc.tokens[i - 1]?.lower ?? '';
  return !AUXILIARY_BEFORE.test(before);
}

const PLAN_MODAL = new Set(["'d", 'would', 'will', "'ll"]);
/** Verbs that name no step of a plan ("I'd try to make it engaging", "I'd make sure"). */
const LIGHT_VERBS = new Set(['be', 'have', 'do', 'make', 'try', 'get', 'go', 'want', 'like', 'need', 'think', 'say', 'see', 'look', 'ensure', 'guess', 'hope', 'probably', 'also']);

/**
 * The different verbs the candidate did (told with "I", or "we"), and those they would do: in
 * one pass over the first-person clauses. A verb belongs to the last "I"/"we" before it in its
 * sentence, so "I took him aside and we agreed a plan" is one own action and one team action.
 */
function actionsOf(doc: TextDoc): { done: number; own: number; planned: number } {
  const done = new Set<string>();
  const own = new Set<string>();
  const planned = new Set<string>();
  for (const s of doc.sentences) {
    let speaker: 'I' | 'we' | null = null;
    let modal = false;
    // "I let him read to me first, paired him with a friend and gave him the passage": a verb whose
    // past is its base form ("let", "put", "set") is past in a sentence told in the past.
    let pastSentence: boolean | undefined;
    for (let i = s.from; i < s.to; i++) {
      const t = doc.tokens[i]!;
      if (speaker && !modal && !t.negated && t.pos === 'VERB' && SAME_FORM_PAST.has(t.lower) && isSubjectVerb(doc, i)) {
        pastSentence ??= pastIn(doc, s.from, s.to);
        if (pastSentence) {
          done.add(t.lemma);
          if (speaker === 'I') own.add(t.lemma);
          continue;
        }
      }
      if (t.text === 'I' || t.lower === 'we') {
        speaker = t.text === 'I' ? 'I' : 'we';
        modal = false;
        continue;
      }
      // Another subject or a new clause ("…, because pupils learn better") ends the candidate's clause.
      if (t.pos === 'SCONJ' || (t.pos === 'PRON' && OTHER_SUBJECT.test(t.lower))) {
        speaker = null;
        continue;
      }
      if (!speaker || t.negated) continue;
      if (PLAN_MODAL.has(t.lower)) modal = true;
      else if (modal && t.pos === 'VERB' && t.lower === t.lemma && !LIGHT_VERBS.has(t.lemma)) planned.add(t.lemma);
      else if (isPastVerb(doc, i)) {
        done.add(t.lemma);
        if (speaker === 'I') own.add(t.lemma);
      }
    }
  }
  return { done: done.size, own: own.size, planned: planned.size };
}

/** Verbs whose past tense is their base form. */
const SAME_FORM_PAST = new Set(['let', 'put', 'set', 'cut', 'read', 'hit', 'shut', 'spread', 'split', 'quit']);

/** The verb comes straight after its subject "I"/"we" (an adverb between allowed): "I let him…", "we quickly split…". */
function isSubjectVerb(doc: TextDoc, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && doc.tokens[j]!.pos === 'ADV') j--;
  const subject = doc.tokens[j];
  return subject !== undefined && (subject.text === 'I' || subject.lower === 'we');
}

/** Whether a span has a verb in the past tense. */
function pastIn(doc: TextDoc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isPastVerb(doc, i)) return true;
  return false;
}

/**
 * The opening of a story: a first sentence told in the past tense ("A son arrived at visiting
 * time angry that nobody had told him…"), when more sentences follow it.
 */
function narrativeOpening(doc: TextDoc): Sentence | null {
  const s = doc.sentences[0];
  if (!s || doc.sentences.length < 3) return null;
  for (let i = s.from; i < s.to; i++) if (isPastVerb(doc, i) && !doc.tokens[i]!.negated) return { text: s.text, start: s.start };
  return null;
}

/** The first or second sentence when it is anchored in a time ("Last term…", "In May…"): the situation. */
function datedOpening(doc: TextDoc): Sentence | null {
  for (const s of doc.sentences.slice(0, 2)) {
    if (doc.entities.some((e) => e.type === 'DATE' && e.start >= s.start && e.end <= s.end)) return { text: s.text, start: s.start };
  }
  return null;
}

/** The last sentence after `from` that states a measure, as a result. */
function measuredAfter(doc: TextDoc, measured: ReadonlySet<number>, from: number): Sentence | null {
  for (let i = doc.sentences.length - 1; i >= 0; i--) {
    const s = doc.sentences[i]!;
    if (s.start > from && measured.has(i)) return { text: s.text, start: s.start };
  }
  return null;
}

/** What sentences are compared by to find one said twice: their words in lower case, a-z and 0-9 only. */
const sentenceKey = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * FNV-1a hash of sentenceKey(text). For plain ASCII text (nearly every sentence) it is computed
 * without building the key: building one per sentence was a twentieth of what scoring a long
 * answer allocated.
 */
function sentenceKeyHash(text: string): number {
  let h = 0x811c9dc5;
  let gap = false;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    // Lower-casing other characters can change the text's length or yield a-z ("İ", "K" the Kelvin sign).
    if (c > 127) return sentenceKeyHash(sentenceKey(text));
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && any) h = Math.imul(h ^ 32, 0x01000193);
      h = Math.imul(h ^ c, 0x01000193);
      any = true;
      gap = false;
    } else gap = true;
  }
  return h >>> 0;
}

/** Words that head a clause: with one of these and a verb, a line is a sentence, not a list of terms. */
const CLAUSE_POS = new Set(['PRON', 'DET', 'AUX', 'ADP', 'SCONJ', 'PART']);

function extract(text: string): AnswerFeatures {
  const trimmed = text.trim();
  const doc = readText(trimmed);
  const sentences: Sentence[] = doc.sentences.map((s) => ({ text: s.text, start: s.start }));
  const words = doc.words;
  const found = findSkills(trimmed);
  const negatedSkills = found.filter((m) => isNegatedSpan(doc, m.index, m.end));
  const skills = found.filter((m) => !negatedSkills.includes(m));
  // Only a short answer can be a non-answer ("idk", "no comment"): longer ones are not normalised for it.
  const normalized = words <= 12 ? trimmed.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() : '';
  const stems = contentKeys(trimmed);
  const contentWords = countLetterRuns(trimmed.toLowerCase(), 4);
  // Sentences by the hash of their key; a key is built only for a sentence whose hash came before.
  const seen = new Map<number, Sentence[]>();
  let repeatedSentence: Sentence | null = null;
  let repeats = 0;
  for (const s of sentences) {
    const hash = sentenceKeyHash(s.text);
    const same = seen.get(hash);
    if (!same) {
      seen.set(hash, [s]);
      continue;
    }
    const key = sentenceKey(s.text);
    if (same.some((e) => sentenceKey(e.text) === key) && key.split(' ').length >= 4) {
      repeatedSentence ??= s;
      repeats++;
    }
    same.push(s);
  }
  const measured = measuredSentences(doc);
  // The last sentence with a change or a measure after the first action, when no result phrase is found.
  const resultOf = (acts: Sentence[]) => last(sentences, RESULT) ?? measuredAfter(doc, measured, acts[0]?.start ?? 0);
  const actions = doc.sentences.filter((s) => I_ACTION.test(s.text) || saysIDid(doc, s)).map((s) => ({ text: s.text, start: s.start }));
  const result = resultOf(actions);
  const acted = actionsOf(doc);
  // A sentence is prose when it has a verb and a word that heads a clause ("I", "the", "was",
  // "to"); a run of terms ("NEWS2 ILS ALS mechanical ventilation CRRT") has neither.
  let proseWords = 0;
  for (const s of doc.sentences) {
    // Counted over the sentence's tokens in place, not in a copy and three filtered arrays per sentence.
    let verb = false;
    let clause = 0;
    let wordCount = 0;
    let separators = 0;
    for (let i = s.from; i < s.to; i++) {
      const t = doc.tokens[i]!;
      if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
      if (CLAUSE_POS.has(t.pos)) clause++;
      if (t.type === 'word' || t.type === 'number') wordCount++;
      if (t.text === ',' || t.text === '|' || t.text === ';' || t.text === '/') separators++;
    }
    const listy = separators >= Math.max(3, wordCount / 3);
    if (verb && clause >= 1 && !(listy && clause < 3)) proseWords += wordCount;
  }
  return {
    text: trimmed,
    words,
    sentences,
    skills,
    skillNames: [...new Set(skills.map((m) => m.skill.name))],
    negatedSkills,
    admissionSentences: sentences.filter((s) => isAdmission(s.text)),
    ownAdmissionSentences: sentences.filter((_, i) => isOwnAdmission(doc, i)),
    metricSentences: sentences.filter((_, i) => measured.has(i)),
    star: {
      situation: first(sentences, SITUATION) ?? first(sentences, SITUATION_PLACE) ?? first(sentences, SITUATION_TIME) ?? datedOpening(doc) ?? narrativeOpening(doc),
      task: first(sentences, TASK),
      action: first(sentences, I_ACTION) ?? first(sentences, ANY_PAST_ACTION) ?? actions[0] ?? null,
      result,
    },
    outcome: result ?? last(sentences, LOOSE_OUTCOME),
    firstPerson: count(trimmed, /\b(?:I|[Mm]e|[Mm]y|[Mm]yself)\b/g),
    plural: count(trimmed, /\b(?:[Ww]e|[Oo]ur|[Uu]s|[Oo]urselves)\b/g),
    actionSentences: actions,
    concreteActions: acted.done,
    ownActions: acted.own,
    plannedActions: acted.planned,
    passiveSentences: sentences.filter((s) => PASSIVE.test(s.text) && !/\bI\b/.test(s.text)),
    hedgeSentences: sentences.filter((s) => HEDGE.test(s.text)),
    hypotheticalSentences: sentences.filter((s) => HYPOTHETICAL.test(s.text)),
    // The model's past tenses count too ("I sat with her"), not only the verbs listed above.
    pastAction: ANY_PAST_ACTION.test(trimmed) || actions.length > 0,
    timeframe: TIMEFRAME.test(trimmed) || CALENDAR_TIMEFRAME.test(trimmed),
    properNouns: count(trimmed, /(?<=[a-z0-9,;:)]\s)(?!I\b)[A-Z][A-Za-z0-9&'’-]+/g),
    diversity: contentWords ? stems.size / contentWords : 1,
    repeatedSentence,
    repetition: sentences.length ? repeats / sentences.length : 0,
    skillWordShare: words ? found.reduce((n, m) => n + m.text.split(/\s+/).length, 0) / words : 0,
    storyVerbs: count(trimmed, PAST_VERB_WORD) + count(trimmed, /\bI\s+[a-z]+/g),
    stems,
    proseShare: words ? Math.min(1, proseWords / words) : 0,
    language: detectLanguage(trimmed),
    doc,
    injection: INJECTION.map((re) => re.exec(trimmed)?.[0]).find((m) => m !== undefined)?.trim() ?? null,
    evasive: EVASIVE.has(normalized) || (words <= 12 && EVASIVE_START.test(normalized)),
  };
}

/** The sentence of the answer that contains character `index`, if any. */
export function sentenceAt(f: AnswerFeatures, index: number): Sentence | null {
  return f.sentences.find((s) => index >= s.start && index < s.start + s.text.length) ?? null;
}

const cache = new TextCache<AnswerFeatures>(32, 16_000);

/** Extracts (or recalls) the features of an answer. */
export function answerFeatures(answer: string): AnswerFeatures {
  return cache.get(answer, () => extract(answer));
}
