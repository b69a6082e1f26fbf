/**
 * The interviewer's reaction to one answer: a follow-up question aimed at what was missing
 * (the example, the result and its number, the candidate's own part, the tool), and a
 * two-sentence summary addressed to the candidate.
 */
import type { QuotedPoint } from '../schemas.js';
import type { EvaluateAnswerInput } from '../types.js';
import type { AnswerFeatures } from '../../analysis/answer-features.js';
import { modeOf } from './answer-rubric.js';
import { mayFollowUp } from '../../interview/adaptive.js';
import type { Substance } from '../../analysis/answer-substance.js';
import type { ContextAnalysis } from '../../analysis/context-analysis.js';
import { skillByName } from '../../analysis/skill-matcher.js';
import { lowerFirst, naturalPhrase, pick, type Sentence } from '../../text/index.js';

/** The follow-up to an opener or a motivation question that did not say enough. */
function narrativeFollowUp(input: EvaluateAnswerInput, a: ContextAnalysis): string {
  return input.question.kind === 'motivation'
    ? `What specifically about ${a.company || 'this company'} and this role appeals to you, beyond the job title?`
    : `Which part of your experience is most relevant to ${a.role ? `the ${a.role} role` : 'this role'}? Give me one concrete example.`;
}

/** "using Kafka" for a skill focus, the competency or words otherwise. */
function topic(input: EvaluateAnswerInput): string {
  const focus = input.question.focus.trim();
  if (!focus) return 'what I asked about';
  return skillByName(focus) ? `your work with ${focus}` : focus;
}

/**
 * A follow-up aimed at the most important thing the answer lacks, or null when nothing
 * important is missing. Always null for closing questions and for answers to a follow-up
 * (a follow-up never gets another one).
 */
export function followUpFor(input: EvaluateAnswerInput, f: AnswerFeatures, score: number, substance: Substance, a: ContextAnalysis): string | null {
  if (!mayFollowUp({ isFollowUp: input.isFollowUp, kind: input.question.kind })) return null;
  const about = topic(input);
  const issue = substance.issue;
  const mode = modeOf(input.question.kind);
  if (issue === 'injection' || issue === 'off_topic' || issue === 'echo' || issue === 'unfocused') {
    // An opener's or motivation question's focus ("fit for Nurse") is no topic for an example.
    if (mode === 'narrative') return `Let's stay with the question. ${narrativeFollowUp(input, a)}`;
    return `Let's stay with the question. Can you give me a real example of ${about}: what happened, what you did, and how it turned out?`;
  }
  if (issue === 'duplicate') {
    return `That is the answer you gave to question ${substance.duplicateOf ?? 'an earlier question'}. For this one, can you give me a different example, about ${about}?`;
  }
  if (issue === 'keyword_list' && f.skillNames[0]) {
    return `You listed several skills. Pick one, say ${f.skillNames[0]}, and tell me about a specific time you used it: the problem, what you did, and the result.`;
  }
  if (mode === 'narrative') return score > 4 ? null : narrativeFollowUp(input, a);
  if (issue === 'empty' || issue === 'evasive' || issue === 'too_short' || issue === 'brief' || issue === 'repetitive' || issue === 'waffle' || issue === 'no_example' || issue === 'thin') {
    return `Could you walk me through one specific example of ${about}: the situation, what you did yourself, and what happened as a result?`;
  }
  if (issue === 'no_plan') return 'What would your first months look like, concretely: what would you learn or do, by when, and how would you know it was working?';
  if (issue === 'hypothetical') return 'That is what you would do. Can you tell me about a time you actually faced this: where were you, and what did you do?';
  // A strong answer is not interrogated: the interviewer moves on.
  if (score >= 7) return null;
  if (mode === 'star' && !f.pastAction && !f.star.situation) {
    return `Can you give me a real example of ${about}: when was it, what did you do yourself, and what was the outcome?`;
  }
  // From here on the interviewer picks up the candidate's own words, as a person would.
  const seed = f.words + input.questionNumber;
  const action = f.actionSentences[0] ?? f.star.action;
  if (mode === 'star' && !f.star.result) {
    return anchored(action, seed, [
      (q) => `You said ${q}. What happened as a result, and how did you know it had worked?`,
      (q) => `You said ${q}. How did that turn out in the end?`,
    ]) ?? 'What was the result? What changed because of what you did, and how did you measure it?';
  }
  if (f.plural > f.firstPerson && f.plural >= 2) {
    const we = f.sentences.find((s) => /\b[Ww]e\b/.test(s.text));
    return anchored(we, seed, [
      (q) => `You said ${q}. What was your own part in that, and which decisions were yours?`,
      (q) => `When you say ${q}, what did you do yourself?`,
    ]) ?? 'You said "we" a lot. What exactly was your part, and which decisions did you make yourself?';
  }
  if (f.metricSentences.length === 0) {
    const outcome = f.star.result ?? action;
    return anchored(outcome, seed, [
      (q) => `You said ${q}. How big a difference did that make: can you put a number or a timeframe on it?`,
      (q) => `You mentioned ${q}. How would you measure that change, and what did it come to?`,
    ]) ?? 'Can you put numbers on that: how much did things change, for how many people, and over what timeframe?';
  }
  if (f.skillNames.length === 0 && input.question.kind !== 'behavioral') {
    return anchored(action, seed, [(q) => `You said ${q}. How did you go about it: which methods or tools did you use, and why those?`]) ?? 'Which tools or methods did you use there, and why those?';
  }
  return `What was the hardest part of ${about} in that example, and what would you do differently next time?`;
}

/** A follow-up that quotes a short phrase of the candidate's own sentence, or null when none reads naturally. */
function anchored(sentence: Sentence | null | undefined, seed: number, variants: readonly [(quote: string) => string, ...((quote: string) => string)[]]): string | null {
  const phrase = sentence ? naturalPhrase(sentence.text, 12) : null;
  if (!phrase || phrase.split(/\s+/).length < 3) return null;
  return pick(variants, seed)(`"${lowerFirst(phrase)}"`);
}

const sentence = (text: string) => {
  const t = text.trim().replace(/[.\s]+$/, '');
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}.`;
};

/** Two plain sentences of feedback addressed to the candidate. */
export function summaryFor(score: number, substance: Substance, strengths: QuotedPoint[], weaknesses: QuotedPoint[]): string {
  const strength = strengths[0]?.point;
  const weakness = weaknesses.find((w) => w.point !== substance.reason)?.point;
  const reason = substance.reason;
  let first: string;
  let second: string;
  if (substance.ceiling <= 2 && reason) {
    first = reason;
    second = 'Answer with one real example: the situation, what you did, and the result, ideally with a number';
  } else if (score >= 8) {
    first = `Strong answer: ${lowerFirst(strength ?? 'clear, specific and relevant')}`;
    second = weakness ? `To make it even better: ${lowerFirst(weakness)}` : 'Keep answering this way for the rest of the interview';
  } else if (score >= 5) {
    first = `A reasonable answer${strength ? `: ${lowerFirst(strength)}` : ''}`;
    second = `The main gap: ${lowerFirst(weakness ?? reason ?? 'it needs more concrete detail')}`;
  } else {
    first = `This answer is too thin to convince an interviewer${reason ? `: ${lowerFirst(reason)}` : ''}`;
    second = weakness ? `Start with this: ${lowerFirst(weakness)}` : 'Give one real example with what you did and what changed';
  }
  return `${sentence(first)} ${sentence(second)}`.slice(0, 500);
}
