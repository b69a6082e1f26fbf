/**
 * The offline interviewer's judgement of depth, on top of the substance caps every provider
 * gets (answer-substance.ts). These caps exist because a feature-based rubric is easy to
 * impress: a tidy 50-word answer with one number ticks most boxes, a long friendly ramble
 * names the right tools, and a well-told story about something else has perfect STAR shape.
 * Remote models judge depth themselves, so these are deliberately not guards.
 *
 * Caps, first match wins (main questions only; follow-up answers are short by design):
 * - neither the question's focus nor any key point (or, without key points, a single word of
 *   the question) appears → at most 4; sharing no word with the question either → at most 2,
 *   unless it is a substantial story from work (60+ words and an action, with a number or, in
 *   the job's own field, the candidate's actions in two sentences);
 * - an answer of 60+ words that hedges in three or more sentences with at most one number, and
 *   either never says what the candidate did or hedges in most of its sentences (waffle) → at most 4;
 * - a story of 100+ words with at most one sentence of the candidate's own action, no measure and
 *   no result of their own (talk around the question) → at most 4;
 * - an opener or motivation answer that hardly mentions anything this job is about → at most 4;
 * - a story question answered with present-tense habits, no particular occasion and no number → at most 4;
 * - a scenario answer under 60 words with no steps, reason, check or number that covers fewer
 *   than two key points ("I'd look at the numbers and explain it") → at most 4;
 * - a scenario answered with an achievement from elsewhere (no plan, nothing hypothetical but a
 *   pledge to bring it, none of the key points) → at most 4; a same-job story counts as on a
 *   scenario only when it touches one of its key points; a scenario answered at any length with
 *   views and one step at most, nothing done or measured, none of the key points → at most 4;
 * - a story question whose premise the answer turns down ("I don't miss deadlines…", no "but"),
 *   meeting none of its key points → at most 4;
 * - a gap answer whose plan has no timeframe and no number ("I'd pick it up") → at most 6;
 * - shorter than the question kind needs → at most 6 (room for an example, not its detail), and
 *   shorter than a complete answer of that kind → at most 8 (the top band needs the whole
 *   story). A story or scenario needs ~80 / ~120 words (30 s / under a minute spoken); a gap,
 *   opener or motivation answer is a summary and can be complete in ~50 / ~90; a closing
 *   answer is often a question or two back, so it is never "too short".
 */
import type { AnswerCoverage } from '../../intelligence/types.js';
import { contentKeys, isAdmission, languageName, overlapCount, sentenceKeys, spaceSeparatedCount } from '../../text/index.js';
import type { EvaluateAnswerInput } from '../types.js';
import { keyPointsTouched } from './answer-coverage.js';
import { CALENDAR_TIMEFRAME, HEDGE, type AnswerFeatures } from '../../analysis/answer-features.js';
import { declinesToAsk, isWorkWord, meetsSubjectOf, type Relevance } from '../../analysis/answer-relevance.js';
import { modeOf } from './answer-rubric.js';
import { NOTHING_ASKED, type Substance } from '../../analysis/answer-substance.js';
import { isTermsOfEmployment } from '../../analysis/job-analysis.js';

type Kind = EvaluateAnswerInput['question']['kind'];

/** Per question kind: below the first word count an answer is adequate at best, below the second strong at best. */
const DEPTH_WORDS: Readonly<Record<Kind, readonly [short: number, full: number]>> = {
  behavioral: [65, 110],
  skill: [65, 110],
  technical: [65, 110],
  gap: [50, 90],
  opener: [50, 90],
  motivation: [50, 90],
  closing: [0, 90],
  follow_up: [0, 0],
};

const STORY_KINDS = new Set(['behavioral', 'skill']);
/** Under this many words, an answer with no detail at all is generic rather than brief. */
const THIN_WORDS = 40;
const ROLE_KINDS = new Set(['opener', 'motivation']);

/** A timeframe for a plan ("in my first two months", "within six weeks", "by the end of the quarter"), not a past date. */
const PLAN_TIMEFRAME =
  /\b(?:in|within|over|during|after|by)\s+(?:my\s+|the\s+|a\s+)?(?:first\s+|next\s+|following\s+|coming\s+)?(?:\d+|one|two|three|four|five|six|eight|ten|twelve|few|couple of)?\s*(?:days?|weeks?|months?|quarters?|sprints?|year)\b|\bby the end of\b|\b(?:first|next)\s+(?:\d+|one|two|three|four|six|few)\s+(?:days?|weeks?|months?)\b|\b(?:30|60|90)[- ]days?\b/i;

/** What a plan will not do: "I wouldn't…", "I'd never…", "I won't…", "I can't promise…". */
const PLAN_DECISION = /\bI(?: would(?:n't| not)|'d never|'d not| won't| will not| can(?:'t|not) promise)\b/i;

/**
 * A promise to bring what worked before, not a step of a plan: "I'd bring that same discipline to
 * Harbour Foods" — not "I'd bring it to my manager".
 */
const PLEDGE =
  /\bI(?:'d| would| will|'ll) (?:bring|apply|carry)(?: over)? (?:that|the|those|these|my|all)(?: same)? (?:[\w-]+ )?(?:approach|discipline|mindset|skills?|experience|energy|attitude|attention|drive|focus|rigou?r|standards?)\b/i;

/** What the candidate is told when their answer is not in English. */
function notEnglishReason(code: string): string {
  return `This answer appears to be in ${languageName(code)}. The offline interviewer reads English only, so it could not assess it: answer in English, or ask for a model (Gemini or an OpenAI-compatible one) to be configured, which can.`;
}

/** How deep the answer goes: a ceiling (1–10) and, when it explains a low one, why. */
export function depthOf(input: EvaluateAnswerInput, f: AnswerFeatures, r: Relevance, coverage: AnswerCoverage | null): Substance {
  const none: Substance = { ceiling: 10, reason: null, issue: null };
  const kind = input.question.kind;
  if (input.isFollowUp || kind === 'follow_up' || f.words === 0) return none;
  const cap = (ceiling: number, issue: Substance['issue'], reason: string): Substance => ({ ceiling, reason, issue });
  const focus = input.question.focus.trim() || 'the question';

  if (!f.language.english && f.language.reliable) {
    return cap(1, 'not_english', notEnglishReason(f.language.code));
  }
  // Weak, not off the question: at least the floor of a thin answer (substance caps it at 4).
  if (declinesToAsk(input, f)) return cap(4, 'thin', NOTHING_ASKED);
  // Relevance gates the score: without the question's focus or any of its key points (or, without
  // key points, a single word of the question), structure and detail cannot lift it above 4.
  const touched = keyPointsTouched(coverage) ?? r.questionHits >= 1;
  // A point covered only through words any story has ("says the outcome" by "fell by half") does not count.
  const covered = coverage ? coverage.points.some((p) => p.covered && meetsSubjectOf(p.point, f)) : r.questionHits >= 2;
  // One word of the question, or two that share a synonym with its words, is a hint it is on the question.
  const nearQuestion = r.exactQuestionHits + (r.questionHits - r.exactQuestionHits) / 2 >= 1;
  // An answer that tells what the candidate did in this job's own setting is on the question even
  // when no word of it is in the skill lexicon (r.inSetting).
  // A scenario asks about one situation: a story from the job's own setting that touches none of
  // its key points (leading the budget, told to a question about a margin jump in this close) is
  // about something else however much it sounds like the job. A story question's own story may
  // answer it in words the key points do not use, so there the setting still counts.
  const inSetting = r.inSetting && (touched || modeOf(kind) !== 'approach');
  if (!r.focusHit && !inSetting && (!touched || (!covered && !nearQuestion)) && (modeOf(kind) !== 'narrative' || r.jobHits === 0)) {
    // Confident and specific about something else, sharing not one word with the question: a
    // non-answer — unless it is a substantial, measured story from work, which shows some ability
    // even though it answers another question (weak, not hopeless).
    // A story in the job's own field told through what was done ("I had her drive while I sat
    // next to her") is substantial too, even without a number: it may answer this question in
    // words the scorer does not know, so it is weak at worst, never "about something else".
    const substantialStory =
      f.words >= 60 && f.actionSentences.length >= 1 && (f.metricSentences.length >= 1 || (f.actionSentences.length >= 2 && r.jobHits >= 3));
    // A short answer in the candidate's own words that names nothing else ("I'd explain the value
    // again and offer a discount") is thin but on the question: weak, not a non-answer.
    if (saysNothingSpecific(f, r)) return cap(4, 'thin', THIN_REASON);
    if (!nearQuestion && !covered && !substantialStory) return cap(2, 'unfocused', `It is about something else: it never addresses ${focus}, or anything the question asked about.`);
    return cap(4, 'unfocused', `It never addresses ${focus}, or anything else the question asked about.`);
  }
  // "Tell me about a deal you lost" — "Honestly, I don't really lose deals…", then a success: the
  // answer turns the question's premise down and tells something else.
  const refused = STORY_KINDS.has(kind) && (coverage?.coveredCount ?? 0) === 0 ? refusesPremise(input, f) : null;
  if (refused) return cap(4, 'unfocused', `It turns the question down ("${refused}") and tells something else: the question asked about ${focus}.`);
  // Waffle: hedging throughout ("I guess…", "probably…") with no fact, or hedging in most sentences.
  // Counted by hedge, not by sentence: a long run-on sentence can hedge three times.
  const hedges = f.hedgeSentences.length >= 2 ? (f.text.match(HEDGES) ?? []).length : f.hedgeSentences.length;
  const hedged = (f.hedgeSentences.length >= 3 || hedges >= 4) && f.metricSentences.length <= 1;
  if (f.words >= 60 && hedged && (f.actionSentences.length === 0 || f.hedgeSentences.length >= 0.6 * f.sentences.length)) {
    return cap(4, 'waffle', 'The answer goes on at length and hedges, but never says what you did or gives a concrete fact.');
  }
  // Talk around the question: a story of 100+ words in which the candidate does something in at
  // most one sentence and nothing is measured is mostly views, background and feelings ("End of
  // life is one of the hardest parts… my nan was in a hospice… every situation is different"),
  // unless that one sentence says what came of it. Every such calibration answer is weak.
  const result = f.star.result;
  const ownResult = result !== null && f.actionSentences.some((s) => s.start === result.start);
  if (STORY_KINDS.has(kind) && f.words >= 100 && f.actionSentences.length <= 1 && f.metricSentences.length === 0 && !ownResult) {
    return cap(4, 'waffle', 'The answer goes on at length, but says what you did in one sentence at most and measures nothing: tell one occasion, your steps and what came of them.');
  }
  // "I haven't…, I've never…": gaps named honestly, but nothing done or planned to show.
  const hypothetical = new Set(f.hypotheticalSentences.map((s) => s.start));
  // "I haven't used X, but I build reports in Y every week" admits a gap and then shows something.
  // Not when what follows the "but" is another gap ("I wrote a few, but I'm not sure how the numbers were worked out").
  // In a scenario, "I wouldn't contact home myself" or "I can't promise to keep it secret" is a
  // decision in the plan, not a gap admitted.
  const decision = (text: string) => kind === 'technical' && PLAN_DECISION.test(text);
  const admitted = new Set(f.ownAdmissionSentences.filter((s) => !recovers(s.text) && !decision(s.text)).map((s) => s.start));
  // Only sentences with some substance (eight words or more) count as showing something.
  // "I just wrote the articles" beside "I didn't really measure it myself" plays the work down: not evidence.
  const downplayed = (text: string) => admitted.size > 0 && /\bI (?:just|only|simply|mostly just)\b/i.test(text);
  // For a scenario or a gap, the plan is what there is to show ("I'd make the consumer idempotent…").
  const plans = modeOf(kind) === 'approach';
  const positive = f.sentences.filter((s) => !admitted.has(s.start) && (plans || !hypothetical.has(s.start)) && !downplayed(s.text) && spaceSeparatedCount(s.text) >= 8).length;
  if (admitted.size >= 1 && positive <= (admitted.size >= 2 ? 1 : 0) && f.metricSentences.length === 0) {
    return cap(4, 'no_example', "The answer says what you haven't done, but not what you have done that comes close, or how you would close the gap.");
  }
  // "Tell me about yourself" answered with hobbies: not one thing this job is about. Words any
  // job ad shares with a hobby ("team", "coach") are not this job when the answer is specific
  // (names, numbers) about something else.
  const elsewhere = r.specificJobHits <= 1 && (f.properNouns >= 2 || f.metricSentences.length > 0);
  if (kind === 'opener' && !r.focusHit && (r.jobHits <= 1 || elsewhere) && f.words >= 25) {
    if (saysNothingSpecific(f, r)) return cap(4, 'thin', 'It stays general: it never says what you do now, with what, or why this role.');
    return cap(2, 'off_role', 'It is about something else: nothing in it links your experience to what this role needs.');
  }
  if (ROLE_KINDS.has(kind) && f.words >= 60 && (r.jobHits * 100) / f.words < 5) {
    return cap(4, 'off_role', 'Most of the answer is about things other than this job: link your experience to what the role needs.');
  }
  // A story told in the present tense ("so I'm on call and the pager goes off at 2am") has a time or a number in it.
  if (STORY_KINDS.has(kind) && !f.pastAction && !f.star.situation && !f.timeframe && f.metricSentences.length === 0 && f.hypotheticalSentences.length === 0 && !toldExample(f)) {
    return cap(4, 'no_example', 'The answer describes what you usually do, not a particular time you did it.');
  }
  // A story question answered without one thing the candidate did themselves — unless it still
  // tells a particular occasion (toldExample).
  // Things done with "I" later in a sentence count ("I let him read first, paired him… and gave him…").
  if (STORY_KINDS.has(kind) && f.actionSentences.length === 0 && f.ownActions < 2 && f.words < 80 && f.metricSentences.length === 0 && !toldExample(f)) {
    return cap(4, 'no_example', 'The answer never says what you did yourself in a particular situation.');
  }
  // A scenario answered with an aim and no approach ("I'd look at the numbers and explain it"):
  // no order, no reason, no check.
  // A plan can also be laid out as a list of what to do or measure ("I'd look at how many switch
  // it on, how many bookings happen each week, and what patients say"): that is an approach too.
  // Under ~40 words, one step word ("Then I'd ask whoever wrote it to fix it") does not make an
  // approach of two generic moves; two steps, or a step with a condition ("if there's time left"), do.
  const stepWords = f.text.match(ALL_STEPS)?.length ?? 0;
  const steps = stepWords >= 2 || (stepWords === 1 && (f.words >= THIN_WORDS || CONDITION.test(f.text)));
  if (kind === 'technical' && f.words < 60 && !steps && !REASON_OR_CHECK.test(f.text) && !listsAPlan(f) && f.metricSentences.length === 0 && (coverage?.coveredCount ?? 0) < 2) {
    return cap(4, 'no_example', 'The answer says what you would aim for, not how: give the steps, your reasons and how you would check.');
  }
  // A short answer that names nothing: no number, no name, at most one thing done or planned
  // ("I'd make sure there are good tests and that everything passes"). Generic, whatever its words.
  // A time or a duration ("for five years", "last term") is a detail; so is an outcome of something done.
  const occasion = f.actionSentences.length > 0 && f.outcome !== null && !guessedOutcome(f);
  if (kind !== 'closing' && f.words < THIN_WORDS && f.metricSentences.length === 0 && f.concreteActions + f.plannedActions <= 1 && f.properNouns <= 1 && !f.timeframe && !occasion) {
    return cap(4, 'short', 'The answer stays general: it never says what you did or would do, with what, or what came of it.');
  }
  // A short scenario answer that comes near none of what a strong answer covers, with nothing
  // measured of its own ("I'd update the spreadsheet and roll the budget forward"): generic,
  // however many verbs it strings together.
  if (kind === 'technical' && f.words < THIN_WORDS && keyPointsTouched(coverage) === false && f.metricSentences.length === 0) {
    return cap(4, 'short', 'The answer stays general: it never says what you would look at, why, or how you would check it.');
  }
  // "How would you get the team ready?" answered with an achievement from elsewhere: no plan,
  // nothing hypothetical but a pledge ("I'd bring that same discipline to you"), none of the
  // question's key points — it shares some words with the question but does not address it.
  const pledges = f.hypotheticalSentences.filter((s) => PLEDGE.test(s.text)).length;
  if (kind === 'technical' && f.hypotheticalSentences.length === pledges && f.plannedActions <= pledges && coverage && coverage.points.length > 0 && coverage.coveredCount === 0) {
    return cap(4, 'unfocused', `It tells what you have done elsewhere, not how you would handle this: it never says what you would do about ${focus}.`);
  }
  // A scenario answered at any length with views and at most one step ("I'd definitely want to
  // keep an eye on it"), nothing done, nothing measured and none of the key points: an aim, not an
  // approach.
  if (kind === 'technical' && f.plannedActions <= 1 && f.actionSentences.length === 0 && f.metricSentences.length === 0 && coverage && coverage.points.length > 0 && coverage.coveredCount === 0) {
    return cap(4, 'no_example', 'The answer says what you would aim for, not how: give the steps, your reasons and how you would check.');
  }
  if (kind === 'gap' && !PLAN_TIMEFRAME.test(f.text) && !CALENDAR_TIMEFRAME.test(f.text)) {
    return cap(6, 'no_plan', 'Your plan for closing the gap has no timeframe or measure, so it is hard to believe.');
  }
  const [short, full] = DEPTH_WORDS[kind];
  if (f.words < short) return cap(6, 'short', 'The answer is short: it leaves out the detail that would make it convincing.');
  if (f.words < full) return { ceiling: 8, reason: null, issue: null };
  // A summary answer (an opener, a motivation, a gap) makes its case by what the candidate has
  // shown: clear, relevant and complete is strong; the top band also proves it, with at least two
  // measured facts of their own (a result, a scale: "118% of quota", "450,000 users").
  return SUMMARY_KINDS.has(kind) && f.metricSentences.length < 2 ? { ceiling: 8, reason: null, issue: null } : none;
}

/**
 * A particular occasion told without "I did": a team's story with two or more things done and
 * what came of it ("We moved our onboarding work back and built the integration… it went live
 * on time"), or the candidate's own way of working shown on a dated occasion ("I usually do
 * whatever is due first… Last month that meant the board pack went first"). Two sentences at
 * least, so a vague one-liner is not lifted by it.
 */
function toldExample(f: AnswerFeatures): boolean {
  if (f.sentences.length < 2 || f.words < 25) return false;
  // Several things the team did ("we split the shift, unloaded the lorry and counted the aisle"):
  // "we discussed it and went with theirs" is two moves, and vague.
  const teamStory = f.concreteActions >= 3 && !guessedOutcome(f) && f.plural > 0;
  const occasion = f.doc.sentences.some((s) => PARTICULAR_OCCASION.test(s.text) && hasPastVerb(f, s.from, s.to));
  return teamStory || (occasion && f.doc.sentences.some((s) => ownWayOfWorking(f, s.from, s.to)));
}

/** Verbs that say what the candidate thinks, not what they do ("I think it's important…"). */
const MENTAL_VERBS = new Set(['think', 'guess', 'suppose', 'believe', 'feel', 'hope', 'know', 'like', 'love', 'want']);

/**
 * A sentence in which the candidate does something, in any tense ("I usually do whatever is due
 * first and let people know"): "I" and, after it, a verb that is not negated and not a thought.
 */
function ownWayOfWorking(f: AnswerFeatures, from: number, to: number): boolean {
  let i = from;
  while (i < to && f.doc.tokens[i]!.text !== 'I') i++;
  for (let j = i + 1; j < to; j++) {
    const t = f.doc.tokens[j]!;
    if (t.pos === 'VERB' && !t.negated && !MENTAL_VERBS.has(t.lemma)) return true;
  }
  return false;
}

/** A past-tense verb between two tokens ("went", "waited"): read from the one parse. */
function hasPastVerb(f: AnswerFeatures, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = f.doc.tokens[i]!;
    if (t.pos === 'VERB' && !t.negated && t.lower !== t.lemma && !t.lower.endsWith('ing') && !t.lower.endsWith('s')) return true;
  }
  return false;
}

/** "I don't give up on deals", "I never miss a deadline": a denial in the first person, with no "but" after it. */
const DENIAL = /^(?:(?:honestly|to be honest|well|actually|truthfully),?\s+)?I (?:(?:really |just |honestly )?(?:don't|do not|never|rarely)|have never|'ve never)\b/i;
const CONTRAST = /\b(?:but|although|though|except|until|apart from|other than)\b/i;

/** The opening sentence that denies what the question asks about (sharing its words), if any. */
function refusesPremise(input: EvaluateAnswerInput, f: AnswerFeatures): string | null {
  const asked = contentKeys(input.question.text);
  for (let i = 0; i < Math.min(2, f.doc.sentences.length); i++) {
    const text = f.doc.sentences[i]!.text.trim();
    if (DENIAL.test(text) && !CONTRAST.test(text) && overlapCount(sentenceKeys(f.doc, i), asked) > 0) return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  }
  return null;
}

/** An outcome the candidate only guesses at ("I think they fixed it eventually"): not one they can speak for. */
function guessedOutcome(f: AnswerFeatures): boolean {
  const outcome = f.outcome;
  return outcome !== null && f.hedgeSentences.some((h) => h.start === outcome.start);
}

/** "Last month that meant…", "In March…", "Two weeks ago…": one occasion, not a habit. */
const PARTICULAR_OCCASION = /\b(?:last (?:week|month|term|quarter|year|spring|summer|autumn|winter|Monday|Tuesday|Wednesday|Thursday|Friday)|(?:a|one|two|three|four|few) (?:days?|weeks?|months?) ago|(?:in|back in) (?:January|February|March|April|May|June|July|August|September|October|November|December)|once,? when|one time)\b/i;

/** Question kinds answered with a summary of the candidate's case rather than one story or one plan. */
const SUMMARY_KINDS: ReadonlySet<Kind> = new Set<Kind>(['opener', 'motivation', 'gap']);


const THIN_REASON = 'It stays general: it never says what you did or would do about this in particular, with what, or what came of it.';

/**
 * A short answer that names no other subject matter: no number, no name, no tool, and at most
 * two things that are neither the question's, the job's nor everyday work's. Off the question
 * only in that it says nothing specific — unlike an answer about something else, which names it.
 */
function saysNothingSpecific(f: AnswerFeatures, r: Relevance): boolean {
  return f.words >= 20 && f.words < 60 && f.metricSentences.length === 0 && f.properNouns <= 1 && f.skillNames.length === 0 && r.otherSubjects <= 2 && !r.offTopic;
}

/** Thin but on topic is weak: the least such an answer earns (caps still win). */
export const THIN_FLOOR = 3;

/** "I haven't used X, but I build reports in Y every week": a gap, then something shown. */
function recovers(sentence: string): boolean {
  const m = /\b(?:but|however|though|although)\b,?\s+((?:[\w'’-]+\s+){0,3}?(?:I|we)\b.*)$/i.exec(sentence);
  return m !== null && !isAdmission(m[1]!);
}

/** A plan sentence ("I'd…") that lists three or more things: "a, b, and c". */
function listsAPlan(f: AnswerFeatures): boolean {
  return f.hypotheticalSentences.some((s) => (s.text.match(/,/g)?.length ?? 0) >= 2 && /,\s*(?:and|or)\b/i.test(s.text));
}

const HEDGES = new RegExp(HEDGE.source, 'gi');

/** A reason or a check in a scenario answer. */
const REASON_OR_CHECK = /\b(?:because|so that|which means|the risk|instead of|rather than|if\b[^.]{0,60}\b(?:then|that)|check\w*|verif\w*|confirm\w*|compar\w*|measur\w*|monitor\w*|test\w*|baseline|before and after)\b/i;

/** "first…, then…, step by step": an approach laid out in order. */
const STEPS = /\b(?:first|then|next|after that|finally|step by step|start (?:by|with)|begin (?:by|with))\b/i;
const ALL_STEPS = new RegExp(STEPS.source, 'gi');
/** A plan that depends on what is found: "if there's time left", "unless", "depending on". */
const CONDITION = /\b(?:if|unless|depending on|in case)\b/i;

/**
 * The least an on-topic answer earns for its substance, however briefly it is told: a real
 * example in which the candidate did something and says what came of it ("I sat with her for
 * an afternoon… she was much more confident afterwards"; a team's action counts with a measured
 * result: "we tested a shorter form… around 10% more sign-ups"), or, for a scenario, an
 * approach laid out in steps, or a closing question back about the work itself, is adequate
 * (5) — brevity and missing detail are what keep it from strong, not what push it to weak.
 * Caps still win over this floor.
 */
export function exampleFloor(
  input: EvaluateAnswerInput,
  f: AnswerFeatures,
  r: Relevance,
  coverage: AnswerCoverage | null,
  jobVocabulary: ReadonlySet<string> = new Set(),
): number {
  const kind = input.question.kind;
  if (input.isFollowUp || kind === 'follow_up') return 1;
  // A closing answer that asks about the work itself ("What does a typical week look like for the team lead?").
  // A closing answer is judged on the candidate's questions, not on story features: one real
  // question about the work is adequate; two or more, from someone who also ties them to their
  // own background ("As I'm coming from a respiratory ward, what does the induction look like…"),
  // is a strong close.
  if (kind === 'closing') {
    const questions = workQuestions(input, f, jobVocabulary);
    if (questions === 0) return 1;
    const aboutThemselves = f.sentences.some((s) => SELF.test(s.text) && !CLOSING_BOILERPLATE.test(s.text));
    return questions >= 2 && aboutThemselves ? 7 : 5;
  }
  if (f.words < 25) return 1;
  const onTopic = r.focusHit || (keyPointsTouched(coverage) ?? false);
  if (!onTopic || r.offTopic) return 1;
  const { action } = f.star;
  const outcome = f.outcome;
  // The candidate's own action, or the team's with a measured result ("we tested…: 10% more sign-ups").
  const acted = f.actionSentences.length > 0 || (f.pastAction && f.metricSentences.some((m) => m.start === outcome?.start));
  if (STORY_KINDS.has(kind) && acted && action && outcome && outcome.start >= action.start && !guessedOutcome(f)) return 5;
  // Steps means at least two things to do ("…, and then explain it to sales" is one).
  if (kind === 'technical' && STEPS.test(f.text) && f.plannedActions + f.concreteActions >= 2 && f.sentences.length + (f.text.match(/,/g)?.length ?? 0) >= 3) return 5;
  return 1;
}

/** The openings of questions inside one sentence ("what does the induction look like, and is there a preceptorship…" asks two). */
const QUESTION_OPENERS = /\b(?:how|what|which|who|when|where|why|is there|are there|do you|does (?:the|your)|could you|can you|would you)\b/gi;
/** The candidate saying something about themselves ("I'm a sepsis link nurse", "As I'm coming from…", "I covered as team lead"). */
const SELF = /\b(?:I'm|I am|I've|I have|I was|I'd be keen|my)\b/i;
/** "I think we've covered everything", "I'd like to ask…": polite framing, nothing about the candidate. */
const CLOSING_BOILERPLATE = /\b(?:covered|that's everything|nothing (?:else|to add)|anything else)\b/i;

/** How many questions a closing answer asks about the work itself (the job, the team, what the question raised). */
export function workQuestions(input: EvaluateAnswerInput, f: AnswerFeatures, jobVocabulary: ReadonlySet<string>): number {
  let questions = 0;
  f.doc.sentences.forEach((sentence, i) => {
    if (sentence.text.includes('?') && asksAboutWork(sentence.text, sentenceKeys(f.doc, i), input, jobVocabulary)) questions += Math.max(1, sentence.text.match(QUESTION_OPENERS)?.length ?? 0);
  });
  return questions;
}

/**
 * A question about what the employer offers the candidate rather than about the work: "do you
 * offer a four-day week?", "is there a budget for conferences?", "can I work from home on Fridays?",
 * "is there much overtime?", "when would I get my first pay review?".
 */
const PERK_QUESTION =
  /\b(?:do|does|would|will) (?:you|the company|the (?:school|trust|practice|hospital|firm)|they) (?:offer|provide|give|pay for|fund|cover|allow)\b|\b(?:is|are) there (?:a |any )?(?:budget|allowance|funding|stipend|money)s? for (?:training|conferences?|courses?|learning|development|books|equipment|travel|me)\b|\b(?:training|learning|conference|development) (?:budget|allowance)s?\b|\b(?:four|4|compressed)[- ]day (?:week|working week)\b|\b(?:work|working) from home\b|\b(?:much|any|paid|unpaid) overtime\b|\bpay ?(?:review|rise|increase)s?\b/i;

/**
 * A question back that names something of the job, of the question asked or of the work itself
 * ("how many Year 11 classes would I have?" to a teacher) — not "Do you offer a four-day week?".
 */
function asksAboutWork(text: string, keys: ReadonlySet<string>, input: EvaluateAnswerInput, jobVocabulary: ReadonlySet<string>): boolean {
  // Everyday work words count unless the question is about pay or logistics ("…days a week in the
  // office?") or about what the employer gives the candidate ("is there a budget for conferences?").
  if (isTermsOfEmployment(text) || PERK_QUESTION.test(text)) return false;
  for (const k of keys) if (isWorkWord(k)) return true;
  return overlapCount(keys, jobVocabulary) > 0 || overlapCount(keys, contentKeys(input.question.text)) > 0;
}

