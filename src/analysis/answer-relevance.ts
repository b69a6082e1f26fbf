/**
 * Does the answer talk about what was asked? Compares it with the question's focus (a skill,
 * a competency or plain words), the question text, the job description's vocabulary and
 * everyday work language. Deliberately conservative about "off-topic" (essentially no shared
 * vocabulary at all), because that verdict also caps scores that other providers give.
 */
import type { EvaluateAnswerInput } from '../ai/types.js';
import { sentenceAt, type AnswerFeatures } from './answer-features.js';
import { answerPatternOf, competencyByName } from './competencies.js';
import type { ContextAnalysis } from './context-analysis.js';
import { skillByName } from './skill-matcher.js';
import type { Sentence, TextDoc } from '../text/index.js';
import { contentKeys, keyOf, overlapCount, sentenceKeys, synonymsOf, TextCache, wordKey } from '../text/index.js';
import { RELATED_EVIDENCE, SKILL_DOMAIN } from './skill-definition.js';

/** How an answer relates to its question, the job and the CV. */
export interface Relevance {
  focusHit: boolean;
  /** The first sentence that addresses the focus, for quoting. */
  focusSentence: Sentence | null;
  /** Words of the question the answer uses, directly or through a synonym. */
  questionHits: number;
  /** Of those, the question's own words (a synonym alone is weaker evidence that the answer is on the question). */
  exactQuestionHits: number;
  jobHits: number;
  /** Of those, words that are not everyday work language ("team", "coach", "customer"): what is particular to this job. */
  specificJobHits: number;
  /** Skills named in the answer that the job or the CV also names. */
  knownSkills: string[];
  offTopic: boolean;
  /**
   * Things the answer names (nouns) that belong neither to the question, its key points, the job
   * nor everyday work: "the pricing page", "my marathon". An answer off the question that names
   * several is about something else; one that names none just says nothing specific.
   */
  otherSubjects: number;
  /**
   * The answer tells what the candidate did (two or more things, with "I") among the things of
   * this interview's own setting — nouns of the job ad, the CV or the question, by lemma ("my
   * Year 9 class" to a teacher whose CV names her Year 9 group) — and comes near the question.
   * Such an answer is about the candidate's work on this question even when the skill lexicon has
   * no word for its subject ("a girl with ADHD" for SEND): not "about something else".
   */
  inSetting: boolean;
}

/**
 * Words that signal someone is talking about work at all. Used only to avoid calling a
 * genuine but jargon-free answer "off-topic"; never as positive evidence of quality.
 */
const WORK_WORD_LIST =
  'team project customer client patient user manager colleague stakeholder deadline deliver delivery release launch role ' +
  'job work company business product service system process problem issue result goal target plan data code feature ward ' +
  'shift care sales revenue budget report meeting decision lead mentor build improve reduce increase migrate migration ' +
  'incident support train review design experience skill learn career office hospital school store account deal campaign ' +
  'quarter sprint roadmap interview responsibility responsible task organisation department error bug fix outage failure ' +
  'fail deploy deployment rollback server database api pipeline test testing quality cost metric latency performance traffic ' +
  'load staff nurse doctor handover medication clinical order invoice contract boss supervisor email call complaint escalate ' +
  'escalation priority monitor monitoring alert check audit handle solve analysis analyse measure change presentation present ' +
  'explain agree training coach hire onboarding schedule rota staffing safety risk compliance policy procedure pupil student ' +
  'lesson class teacher teaching curriculum learner course buyer quota pipeline prospect forecast';
let workWords: ReadonlySet<string> | undefined;
const WORK_WORDS = () => (workWords ??= contentKeys(WORK_WORD_LIST));
/** Whether a comparison key is a word of everyday work ("class", "team", "shift"): the work itself, not its perks. */
export const isWorkWord = (key: string): boolean => WORK_WORDS().has(key);

/** Units of time: "for years", "three times a week" name no setting, even when a CV has them ("Year 3 class" has, capitalised). */
let timeNouns: ReadonlySet<string> | undefined;
const TIME_NOUNS = () => (timeNouns ??= new Set('year month week day time hour minute night morning evening weekend'.split(' ').map(keyOf)));

/** Nouns that name no subject matter of their own ("a great next step", "a people person"). */
let noSubject: ReadonlySet<string> | undefined;
const NO_SUBJECT = () => (noSubject ??= new Set('person people thing way lot step time day bit kind sort part stuff end'.split(' ').map(keyOf)));

/**
 * Words any work story shares whatever it is about: its people and places (WORK_WORDS), words
 * that name nothing, and the language of outcomes ("fell", "rose", "saved": the synonyms of
 * "outcome"). Alone they never show that an answer is about this question: a shop-floor rota
 * story "meets" a key point about "the people involved" and "the outcome" as any story would.
 */
let outcomeWords: ReadonlySet<string> | undefined;
const isGeneric = (k: string) =>
  WORK_WORDS().has(k) || NO_SUBJECT().has(k) || (outcomeWords ??= new Set([wordKey('outcome'), ...synonymsOf(wordKey('outcome'))])).has(k);

const NARRATIVE_KINDS = new Set(['opener', 'motivation', 'closing']);

/**
 * Ways answers show a competency that its answer pattern misses because people describe it in
 * plain words: a disagreement is often told as "he wanted X; I thought that was too risky",
 * never using the word "disagree".
 */
const PLAIN_CUES: Readonly<Record<string, RegExp>> = {
  // A patient deteriorating is told through the signs and the call for help, not the word "incident".
  'incident response': /\b(?:(?:sats|saturations|oxygen|blood pressure|heart rate|temperature|NEWS2?(?: score)?)\b[^.]{0,20}\b(?:dropp\w*|fell|fall\w*|went (?:up|down)|rose|ris\w*|spik\w*)|became (?:short of breath|breathless|confused|unresponsive|clammy|drowsy|unwell|agitated)|(?:called|bleeped|rang|paged) (?:the )?(?:doctor|registrar|outreach|crash team|medical team|on-?call)|went down|stopped working)\b/i,
  // Helping a newer colleague is mentoring, even when nobody calls it that.
  mentoring: /\b(?:new(?:er)? (?:colleague|starter|joiner|hire|grad|graduate|member of (?:staff|the team))|show(?:ed)? (?:him|her|them) how|sat (?:down )?with (?:him|her|them)|walked (?:him|her|them) through|(?:his|her|their) confidence)\b/i,
  // Saying no, or choosing what comes first, is told through its cost and the alternative offered.
  // "It would take six weeks and push back the payments fix": the cost of a yes, told plainly.
  prioritisation: /\b(?:(?:would|will|would have) (?:take|taken|delay|delayed|mean|meant|cost|push|pushed)|push(?:ed|ing|es)? (?:(?:the|our|their|it|that|this|[\w-]+) ){0,3}back|delay(?:ed|ing)?|said no|turned (?:it|them|him|her) down|(?:offered|proposed|suggested) (?:a |an |them |him |her )?(?:simpler|smaller|quicker|cheaper|alternative|workaround|later)|more important|biggest (?:cause|problem|risk|priority)|roadmap|backlog)\b/i,
  // A deal is won through the people around it: the buyer's teams, the sign-off, the back and forth.
  'stakeholder management': /\b(?:(?:their|the|its) (?:finance|IT|legal|procurement|buying|leadership|security) (?:team|department|director|people)|back and forth|sign(?:ed)?[- ]off|decision[- ]makers?|buyers?|champions?|board)\b/i,
  // Taking something on is told through whose job it was not and what nobody was doing about it.
  ownership:
    /\b(?:(?:was|is)n'?t (?:really |strictly )?my (?:job|area|responsibility|team|problem)|not (?:really |strictly )?my (?:job|area|responsibility|problem)|(?:I )?offered to|picked it up|(?:nobody|no one) (?:was|had|owned|wanted|looked)|each time (?:somebody|someone)|kept (?:happening|failing|breaking))\b/i,
  // Leading without authority is told through bringing people along.
  leadership: /\b(?:got (?:everyone|the (?:whole )?team|them all|people) (?:to|on board|behind)|brought (?:everyone|the (?:whole )?team|people) (?:together|along|with me|round)|(?:I )?organised (?:a|the) (?:meeting|session|group|rota))\b/i,
  'conflict resolution':
    /\b(?:I (?:thought|felt|believed|was worried) (?:that |this |it )?(?:was|would be) (?:too|a bad|the wrong|wrong|risky|a mistake)|didn'?t agree|did not agree|could see (?:why|where (?:he|she|they) (?:was|were) coming from)|(?:his|her|their) (?:side|point of view|reasoning)|different (?:views?|opinions?)|middle ground|meet (?:them |him |her )?(?:halfway|in the middle))/i,
};

/**
 * Words that show a competency only in one of their roles: "first" and "instead" order the
 * candidate's own work ("I dealt with the safety bugs first", "we shipped the fix instead"), but
 * in "the new page put the monthly price first" they place a thing, not a piece of work.
 */
const ORDERING_WORDS = new Set(['first', 'instead']);
const globalPatterns = new WeakMap<RegExp, RegExp>();

/**
 * Whether sentence `i` shows the competency: a word of its answer pattern, in the role that
 * shows it. An ordering word counts only in a sentence where the candidate (I, we) is the one
 * acting — read from the tokens of the one parse, so "The winning one put the price first" is not
 * prioritising.
 */
function showsCompetency(pattern: RegExp, doc: TextDoc, i: number): boolean {
  const sentence = doc.sentences[i];
  if (!sentence) return false;
  let re = globalPatterns.get(pattern);
  if (!re) globalPatterns.set(pattern, (re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)));
  re.lastIndex = 0;
  let actor: boolean | undefined;
  for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
    if (!ORDERING_WORDS.has(m[0].toLowerCase())) return true;
    actor ??= candidateActs(doc, sentence.from, sentence.to);
    if (actor) return true;
  }
  return false;
}

const CAUSATIVE = new Set(['let', 'have', 'get']);
const THIRD_PERSON_OBJECT = new Set(['him', 'her', 'them']);
const THIRD_PERSON_SELF = new Set(['himself', 'herself', 'themselves']);
const THIRD_PERSON_POSSESSIVE = new Set(['his', 'her', 'their']);

/**
 * Helping someone grow told without the word "mentoring": the candidate hands the work over
 * ("I had her drive while I sat next to her", "I let him run the next one", "got them to
 * present it") or the other person ends up doing it themselves ("she handled it on her own",
 * "wrote the review herself"). Read from the parse: a causative verb, a third-person object and
 * a verb; or a third person's "own"/"-self".
 */
function handsOver(doc: TextDoc, i: number): boolean {
  const s = doc.sentences[i];
  if (!s) return false;
  for (let t = s.from; t < s.to; t++) {
    const token = doc.tokens[t]!;
    if (THIRD_PERSON_SELF.has(token.lower)) return true;
    if (token.lower === 'own' && doc.tokens[t - 2]?.lower === 'on' && THIRD_PERSON_POSSESSIVE.has(doc.tokens[t - 1]?.lower ?? '')) return true;
    if (token.pos !== 'VERB' || !CAUSATIVE.has(token.lemma) || !THIRD_PERSON_OBJECT.has(doc.tokens[t + 1]?.lower ?? '')) continue;
    const next = doc.tokens[t + 2]?.lower === 'to' ? doc.tokens[t + 3] : doc.tokens[t + 2];
    if (next && (next.pos === 'VERB' || next.lower === next.lemma) && next.type === 'word' && next.pos !== 'ADP' && next.pos !== 'DET' && next.pos !== 'PRON') return true;
  }
  return false;
}

/**
 * Whether sentence `i` uses a word of the same family as a word of the focus, which the stemmer
 * keeps apart when the suffix is a derivation ("automatically", key "automat", for "automation",
 * key "autom"): the focus key, five letters or more, begins a word's key a few letters longer.
 */
function sharesRoot(doc: TextDoc, i: number, focusKeys: ReadonlySet<string>): boolean {
  const s = doc.sentences[i];
  if (!s) return false;
  for (let t = s.from; t < s.to; t++) {
    const key = doc.tokens[t]!.key;
    for (const root of focusKeys) if (root.length >= 5 && key.length > root.length && key.length <= root.length + 3 && key.startsWith(root)) return true;
  }
  return false;
}

/** Competencies people show in how their story goes rather than in any word of it. */
const STRUCTURAL_CUES: Readonly<Record<string, (doc: TextDoc, i: number) => boolean>> = { mentoring: handsOver };

/** A sentence whose subject is the candidate or their team: "I", "we" as a pronoun, before a verb or an auxiliary. */
function candidateActs(doc: TextDoc, from: number, to: number): boolean {
  for (let t = from; t < to - 1; t++) {
    const token = doc.tokens[t]!;
    if (token.pos !== 'PRON' || (token.lower !== 'i' && token.lower !== 'we')) continue;
    const next = doc.tokens[t + 1]!;
    if (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV') return true;
  }
  return false;
}

/** Comparison keys together with the keys that share a synonym group with them. */
function withSynonyms(keys: ReadonlySet<string>): ReadonlySet<string> {
  const out = new Set(keys);
  for (const k of keys) for (const s of synonymsOf(k)) if (!s.startsWith('#')) out.add(s);
  return out;
}

/**
 * The content keys of a question's text (or of its key points) together with their synonyms.
 * Memoised by the text: every answer to a question expands the same words, and an interview
 * has a few dozen questions, so the bound is never reached in practice.
 */
const expanded = new TextCache<ReadonlySet<string>>(256, 256_000);
export function keysWithSynonyms(text: string): ReadonlySet<string> {
  return expanded.get(text, () => withSynonyms(contentKeys(text)));
}

/** The skills the job or the CV names (memoised per analysis: the same for every answer of an interview). */
const knownSkillNames = new WeakMap<ContextAnalysis, ReadonlySet<string>>();
function jobAndCvSkillNames(a: ContextAnalysis): ReadonlySet<string> {
  let names = knownSkillNames.get(a);
  if (!names) knownSkillNames.set(a, (names = new Set([...a.job.skills.map((s) => s.name), ...a.cv.skills.map((s) => s.name)])));
  return names;
}
const APOSTROPHE = /['’]/;

/**
 * A question about something the candidate found out ("something you found out in discovery",
 * "what did you learn") is answered by telling the finding, in whatever words: "it turned out
 * what they really struggled with was…", "that's when I realised…".
 */
const ASKS_FOR_A_FINDING = /\b(?:f(?:ind|ound) out|discover\w*|uncover\w*|learn(?:ed|t)?|realis\w*|realiz\w*)\b/i;
const TELLS_A_FINDING = /\b(?:(?:it|this|that) turned out|turned out (?:that|to be)|(?:I|we) (?:found out|realised|realized|discovered|uncovered|learned that|learnt that)|it emerged|that's when (?:I|we) (?:realised|realized|saw))\b/i;

/** "No, I think you've covered everything", "Not really, nothing else from me": no question back, said politely. */
const NOTHING_TO_ASK = /^(?:no|nope|not really|nothing|I think (?:that's|you've|we've)|I don't think)\b|\b(?:(?:you've|we've|you have|we have) covered|that's everything|nothing (?:else|more)|no (?:more )?questions)\b/i;

/**
 * A closing answer that politely declines to ask anything. It answers the question, weakly (a
 * missed chance to show interest), so it is thin, not off the question.
 */
export function declinesToAsk(input: EvaluateAnswerInput, f: AnswerFeatures): boolean {
  return input.question.kind === 'closing' && f.words >= 8 && !f.text.includes('?') && NOTHING_TO_ASK.test(f.text);
}

/**
 * Whether the answer meets a key point through a word of its subject ("a nullable column", "the
 * lock"), directly or through a synonym, not only through words any story has ("the people
 * involved", "the outcome").
 */
export function meetsSubjectOf(point: string, f: AnswerFeatures): boolean {
  for (const k of keysWithSynonyms(point)) if (!isGeneric(k) && f.stems.has(k)) return true;
  return false;
}

/** Measures how closely an answer addresses its question and the job. */
export function relevanceOf(input: EvaluateAnswerInput, f: AnswerFeatures, a: ContextAnalysis): Relevance {
  const focus = input.question.focus.trim();
  const skill = focus ? skillByName(focus) : undefined;
  const competency = focus ? competencyByName(focus) : undefined;
  const focusStems = contentKeys(focus);

  let focusSentence: Sentence | null = null;
  if (skill) {
    // A gap question is answered by saying what you have not done with the skill, too.
    const mention = [...f.skills, ...f.negatedSkills].find((m) => m.skill.name === skill.name);
    // Or the skill's own vocabulary ("query plan", "CTE" for SQL), or evidence that shows it without naming it.
    const domain = SKILL_DOMAIN[skill.name] ?? RELATED_EVIDENCE[skill.name];
    focusSentence = mention ? sentenceAt(f, mention.index) : domain ? (f.sentences.find((s) => domain.test(s.text)) ?? null) : null;
  } else if (competency) {
    const cue = PLAIN_CUES[competency.name];
    const shown = STRUCTURAL_CUES[competency.name];
    focusSentence =
      f.sentences.find((s, i) => showsCompetency(answerPatternOf(competency), f.doc, i) || (cue?.test(s.text) ?? false) || (shown?.(f.doc, i) ?? false)) ?? null;
  } else if (focusStems.size) {
    focusSentence = f.sentences.find((_, i) => overlapCount(sentenceKeys(f.doc, i), focusStems) > 0 || sharesRoot(f.doc, i, focusStems)) ?? null;
  }
  if (!focusSentence && ASKS_FOR_A_FINDING.test(input.question.text)) focusSentence = f.sentences.find((s) => TELLS_A_FINDING.test(s.text)) ?? null;

  const jobSkillNames = jobAndCvSkillNames(a);
  const knownSkills = f.skillNames.filter((n) => jobSkillNames.has(n));
  const mentionsEmployer =
    (a.company !== '' && f.text.toLowerCase().includes(a.company.toLowerCase())) || /\b(this|the) (role|job|position|team|company)\b/i.test(f.text);
  const questionStems = contentKeys(`${input.question.text} ${focus}`);
  // People answer in their own words: "the number was wrong" answers a question about a
  // mistake, "a boy in Year 8" one about a pupil. A word of the answer that shares a synonym
  // group with a word of the question (coverage/synonyms.ts) counts as a hit too.
  const questionWords = keysWithSynonyms(`${input.question.text} ${focus}`);
  const questionHits = overlapCount(f.stems, questionWords);
  const exactQuestionHits = overlapCount(f.stems, questionStems);
  // Words of what a strong answer covers (the key points) also show the answer is on the question.
  const pointWords = keysWithSynonyms((input.keyPoints ?? []).join(' '));
  // Key points are written in the abstract ("the people involved", "says the outcome"): their
  // generic words (the people, places and outcome verbs every work story has) can back up other
  // evidence that the answer is on the question, but never establish it alone.
  let pointHits = 0;
  let specificPointHits = 0;
  for (const k of f.stems) {
    if (!pointWords.has(k) || questionWords.has(k)) continue;
    pointHits++;
    if (!isGeneric(k)) specificPointHits++;
  }
  // Asking the interviewer questions is exactly what a closing answer should do.
  const askingBack = input.question.kind === 'closing' && f.text.includes('?');
  // Sharing several of the question's own words also counts as addressing it; an opener,
  // motivation or closing answer addresses its focus by talking about this employer or job.
  const focusHit =
    focusSentence !== null ||
    (questionHits + pointHits >= 3 && questionHits + specificPointHits > 0) ||
    askingBack ||
    (NARRATIVE_KINDS.has(input.question.kind) && (mentionsEmployer || knownSkills.length > 0));

  const jobHits = overlapCount(f.stems, a.jobVocabulary);
  let topical = 0;
  let specificJobHits = 0;
  for (const s of f.stems) {
    // The CV's nouns are the candidate's own setting ("my Year 3 class", "the reading corner").
    if (questionStems.has(s) || a.jobVocabulary.has(s) || WORK_WORDS().has(s) || (a.cvVocabulary.has(s) && !isGeneric(s) && !TIME_NOUNS().has(s))) topical++;
    if (a.jobVocabulary.has(s) && !isGeneric(s)) specificJobHits++;
  }

  const other = new Set<string>();
  // Things the answer names that belong to this interview (the job ad, the CV, the question): of
  // them, those that are not everyday work words say where the candidate's story happens.
  const setting = new Set<string>();
  let specificSetting = 0;
  // The story is about what the question is about: one of the things it names is the question's
  // own (or a synonym: "a girl in my class" for "a pupil"), not only a verb they share.
  let questionNoun = false;
  for (const t of f.doc.tokens) {
    // "I'm" is sometimes tagged a proper noun; it names nothing.
    if ((t.pos !== 'NOUN' && t.pos !== 'PROPN') || t.stop || t.type !== 'word' || APOSTROPHE.test(t.text)) continue;
    if (NO_SUBJECT().has(t.key)) continue;
    if (questionWords.has(t.key)) questionNoun = true;
    const fromCv = a.cvVocabulary.has(t.key) && !(TIME_NOUNS().has(t.key) && t.text === t.lower);
    const ours = questionWords.has(t.key) || a.jobVocabulary.has(t.key) || fromCv;
    if (ours && !setting.has(t.key)) {
      setting.add(t.key);
      if (!isGeneric(t.key)) specificSetting++;
    }
    if (ours || pointWords.has(t.key) || WORK_WORDS().has(t.key)) continue;
    other.add(t.key);
  }

  const offTopic =
    f.words >= 8 &&
    !focusHit &&
    !askingBack &&
    !declinesToAsk(input, f) &&
    f.skillNames.length === 0 &&
    // No shared vocabulary at all, or (for a longer answer) only a stray word or two.
    (topical === 0 || (topical <= 2 && topical / Math.max(1, f.stems.size) < 0.1)) &&
    // …and it names something else: "you just keep at it and things sort themselves out" says
    // nothing specific, which is thin, not off the question.
    (other.size >= 2 || f.metricSentences.length > 0 || f.properNouns > 0);

  // The tools the candidate did the work with are evidence for the story, not a change of subject:
  // a story is about something else only when what it is about lies outside the question and the
  // job. So a skill the answer names stands aside only when neither the job nor the CV names it,
  // and a story told through the job's own tools ("rebuilt it as a SQL Server query", to an
  // analyst whose job asks for SQL Server) is in this interview's setting even when it never uses
  // the question's nouns — when the question's focus is plain words the lexicon cannot check
  // ("automation"). A skill or competency focus says what the story must show (a disagreement
  // told through a performance fix is still not one).
  const foreignSkill = f.skillNames.some((n) => !jobSkillNames.has(n));
  const toldThroughTools = knownSkills.length > 0 && !skill && !competency;
  const inSetting = !offTopic && !foreignSkill && (questionNoun || toldThroughTools) && f.ownActions >= 3 && (specificSetting >= 1 || setting.size >= 3);

  return { focusHit, focusSentence, questionHits, exactQuestionHits, jobHits, specificJobHits, knownSkills, offTopic, otherSubjects: other.size, inSetting };
}
