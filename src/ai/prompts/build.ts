/**
 * Renders the prompt for one intent: the shared system prompt plus the intent's template,
 * filled with the interview context. Every piece of user-supplied text is neutralised and
 * placed between data tags; the CV and job description are trimmed to their budgets by
 * relevance to the job (and, when evaluating, to the question's focus).
 */
import type { IntentInputs, IntentName } from '../intents.js';
import { type AnsweredQuestion, type EvaluateAnswerInput, type NextTurnInput, type PlanQuestionInput, type SummarizeInput } from '../types.js';
import type { AskedQuestion, InterviewContext } from '../../interview/definitions.js';
import { MAIN_QUESTION_COUNT, competencyLabel, type CompetencyId, type Level } from '../../interview/definitions.js';
import { requirementCoverage } from '../../intelligence/requirements.js';
import type { RequirementCoverage } from '../../intelligence/types.js';
import { examplesFor, personalise, type BankEntry, type BankKind } from '../../question-bank/index.js';
import { neutralise } from './delimit.js';
import { describeShape, slotFor } from './interview-shape.js';
import { jobTerms, trimByRelevance, withTerms, type TermWeights } from './relevance.js';
import { renderPrompt } from './templates.js';

export interface PromptLimits {
  /** Most CV characters a prompt carries. */
  cvChars: number;
  /** Most job-description characters a prompt carries. */
  jobChars: number;
}

export const DEFAULT_PROMPT_LIMITS: PromptLimits = { cvChars: 12_000, jobChars: 8_000 };

export interface BuiltPrompt {
  system: string;
  user: string;
}

/** Longest answer excerpt shown when planning (the planner needs the gist, not every word). */
const PREVIOUS_ANSWER_CHARS = 240;
/** Longest answer carried into the summary transcript. */
const TRANSCRIPT_ANSWER_CHARS = 2_500;

const TYPE_LABELS = { behavioral: 'behavioural', technical: 'technical', mixed: 'mixed (behavioural and technical)' } as const;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max).trimEnd()} […]`);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function contextValues(context: InterviewContext, limits: PromptLimits, weights: TermWeights) {
  return {
    job_title: neutralise(oneLine(context.jobTitle)),
    company_name: neutralise(oneLine(context.companyName)),
    interview_type: TYPE_LABELS[context.interviewType],
    job_description: neutralise(trimByRelevance(context.jobDescription, limits.jobChars, weights)) || '(none given)',
    cv: neutralise(trimByRelevance(context.cvText, limits.cvChars, weights)) || '(none given)',
  };
}

function previousQuestions(previous: readonly AskedQuestion[]): string {
  if (previous.length === 0) return '(none yet: this is the first question)';
  return previous
    .map((q) => {
      const head = `Q${q.questionNumber} (${q.kind}; focus: ${oneLine(q.focus) || 'general'}): ${oneLine(q.text)}`;
      if (q.answer === undefined) return head;
      const score = q.score === undefined ? '' : ` (scored ${q.score}/10)`;
      return `${head}\n   Answer${score}: ${clip(oneLine(q.answer), PREVIOUS_ANSWER_CHARS)}`;
    })
    .map(neutralise)
    .join('\n');
}

const LEVEL_GUIDANCE: Record<Level, string> = {
  junior:
    'the candidate is early in their career. Ask about fundamentals and their own tasks, and accept examples from study, internships or first jobs.',
  mid: 'the candidate works independently. Ask about their own decisions, the trade-offs they weighed and the results, in real work.',
  senior:
    'the candidate is expected to lead. Ask about scope beyond their own work: ambiguity, influencing others, long-term consequences and system-level trade-offs.',
};

/** How many bank examples a planning prompt shows. */
const PLAN_EXAMPLES = 3;
const NO_REQUIREMENTS = '(the job description lists no requirements that could be read)';

function requirementLabel(r: RequirementCoverage): string {
  const where =
    r.status === 'demonstrated'
      ? `demonstrated in answer ${r.questionNumber ?? '?'}${r.cvEvidence ? ', and shown in the CV' : ''}`
      : r.status === 'cv_only'
        ? 'shown in the CV'
        : 'not in the CV';
  return r.importance === 'nice' ? `nice to have; ${where}` : where;
}

/**
 * The job's requirements, each labelled with where the candidate has shown it, so a model
 * never probes a "gap" the CV already covers: [shown in the CV], [not in the CV],
 * [demonstrated in answer 3], with nice-to-haves marked.
 */
function labelledRequirements(context: InterviewContext, previous: readonly AskedQuestion[]): string {
  const answers = previous.flatMap((q) => (q.answer ? [{ questionNumber: q.questionNumber, text: q.answer, score: q.score }] : []));
  const map = requirementCoverage({ jobDescription: context.jobDescription, cvText: context.cvText, answers });
  if (map.length === 0) return NO_REQUIREMENTS;
  return map.map((r) => neutralise(`- [${requirementLabel(r)}] ${oneLine(r.requirement)}`)).join('\n');
}

/** Competencies a focused interview steers this slot toward (behavioural and technical slots only). */
function focusFor(kind: string, focus: readonly CompetencyId[]): CompetencyId | undefined {
  return kind === 'behavioral' || kind === 'technical' ? focus[0] : undefined;
}

/** 2–3 bank entries for this job, slot and level, with their key points. */
function bankExamples(input: PlanQuestionInput, level: Level, n = PLAN_EXAMPLES): BankEntry[] {
  const { context } = input;
  const kind = slotFor(context.interviewType, input.questionNumber).kind as BankKind;
  const competency = focusFor(kind, input.focusCompetencies ?? []);
  const query = { jobTitle: context.jobTitle, jobDescription: context.jobDescription, level, ...(competency ? { competency } : {}) };
  const found = examplesFor({ ...query, kinds: [kind] }, n);
  return found.length >= 2 ? found : examplesFor(query, n);
}

function examplesText(entries: readonly BankEntry[], context: InterviewContext): string {
  if (entries.length === 0) return '(no examples for this slot)';
  return entries
    .map((e) => {
      const text = personalise(e, { company: oneLine(context.companyName), role: oneLine(context.jobTitle) });
      const head = `[${e.id}] (${competencyLabel(e.competency)}, ${e.kind}, ${e.level}) ${text}`;
      return neutralise(`${head}\n   Key points: ${e.keyPoints.join('; ')}`);
    })
    .join('\n');
}

function planQuestion(input: PlanQuestionInput, limits: PromptLimits): string {
  const { context, questionNumber, previous } = input;
  const slot = slotFor(context.interviewType, questionNumber);
  const weights = jobTerms(context.jobTitle, context.jobDescription);
  const level = input.level ?? 'mid';
  const focus = input.focusCompetencies ?? [];
  return renderPrompt('plan-question', {
    ...contextValues(context, limits, weights),
    question_number: questionNumber,
    total: MAIN_QUESTION_COUNT,
    shape: describeShape(context.interviewType),
    slot_kind: slot.kind,
    slot_guidance: slot.guidance,
    level,
    level_guidance: LEVEL_GUIDANCE[level],
    focus_rule:
      focus.length > 0
        ? `This is a focused practice interview on ${focus.map(competencyLabel).join(', ')}: behavioural and technical questions probe these competencies first.`
        : '',
    examples: examplesText(bankExamples(input, level), context),
    requirements: labelledRequirements(context, previous),
    previous: previousQuestions(previous),
  });
}

function evaluateAnswer(input: EvaluateAnswerInput, limits: PromptLimits): string {
  const { context, question } = input;
  const focus = oneLine(question.focus);
  const weights = withTerms(withTerms(jobTerms(context.jobTitle, context.jobDescription), question.text, 3), focus, 5);
  return renderPrompt('evaluate-answer', {
    ...contextValues(context, limits, weights),
    question_number: input.questionNumber,
    total: MAIN_QUESTION_COUNT,
    question_kind: question.kind,
    question_focus: neutralise(focus.replace(/"/g, "'")),
    question: neutralise(question.text),
    key_points: input.keyPoints?.length ? input.keyPoints.map((p) => `- ${neutralise(oneLine(p))}`).join('\n') : '(none given)',
    answer: neutralise(input.answer),
  });
}

function transcriptOf(answers: readonly AnsweredQuestion[]): string {
  return answers
    .map((a) => {
      const lines = [
        `Question ${a.questionNumber} (${a.kind}; focus: ${oneLine(a.focus) || 'general'})`,
        `Q: ${oneLine(a.question)}`,
        `A: ${clip(a.answer.trim(), TRANSCRIPT_ANSWER_CHARS)}`,
        `Scored ${a.evaluation.score}/10: ${oneLine(a.evaluation.summary)}`,
      ];
      if (a.followUp) {
        lines.push(
          `Follow-up Q: ${oneLine(a.followUp.question)}`,
          `Follow-up A: ${clip(a.followUp.answer.trim(), TRANSCRIPT_ANSWER_CHARS)}`,
          `Follow-up scored ${a.followUp.evaluation.score}/10`,
        );
      }
      return neutralise(lines.join('\n'));
    })
    .join('\n\n');
}

function summarizeInterview(input: SummarizeInput, limits: PromptLimits): string {
  const weights = jobTerms(input.context.jobTitle, input.context.jobDescription);
  return renderPrompt('summarize-interview', {
    ...contextValues(input.context, limits, weights),
    transcript: transcriptOf(input.answers) || '(no answers)',
  });
}

const FOLLOW_UP_ALLOWED =
  '"follow_up" when the answer missed something that matters for this question — no concrete example, no personal action, ' +
  'no result, or a key point left out — and one more question would let the candidate show it. Never after a strong answer ' +
  'that covered the point, and never to ask for what the answer already said.';
const FOLLOW_UP_AFTER_FOLLOW_UP = 'This answered a follow-up already, so there is no second follow-up: move on.';
const FOLLOW_UP_AFTER_CLOSING = 'This was the closing question, which is not followed up: move on.';

function nextRule(input: NextTurnInput, nextLevels: { up: Level; down: Level }): string {
  const { next, context } = input;
  if (!next) {
    return 'This was the last main question: when there is no follow-up, the decision is "move_on" and "question" is null (the interview ends).';
  }
  const slot = slotFor(context.interviewType, next.questionNumber);
  return (
    `Otherwise move on to question ${next.questionNumber} of ${MAIN_QUESTION_COUNT}, the "${slot.kind}" question: ${slot.guidance} ` +
    `Decide its level: "raise" (ask it at the ${nextLevels.up} level) after a strong answer — specific, in the candidate's own actions, with a result; ` +
    `"lower" (the ${nextLevels.down} level) after a weak one; "move_on" (the same level) otherwise. ` +
    `At the ${input.answered.level} level: ${LEVEL_GUIDANCE[input.answered.level]} ` +
    '"technical" means the craft of this profession, never a field the job does not involve. ' +
    'A gap question probes only a requirement marked [not in the CV], as an invitation, not an accusation.'
  );
}

/** The next question's bank examples (none when the interview ends after this answer). */
function turnExamples(input: NextTurnInput): string {
  if (!input.next) return '(none: this was the last main question)';
  const planInput: PlanQuestionInput = {
    context: input.context,
    questionNumber: input.next.questionNumber,
    previous: input.previous,
    level: input.answered.level,
    focusCompetencies: input.focusCompetencies ?? [],
  };
  return examplesText(bankExamples(planInput, input.answered.level), input.context);
}

function nextTurn(input: NextTurnInput, limits: PromptLimits): string {
  const { context, answered } = input;
  const focus = oneLine(answered.question.focus);
  const weights = withTerms(withTerms(jobTerms(context.jobTitle, context.jobDescription), answered.question.text, 3), focus, 5);
  const level = answered.level;
  const followUpRule = answered.canFollowUp
    ? FOLLOW_UP_ALLOWED
    : answered.isFollowUp
      ? FOLLOW_UP_AFTER_FOLLOW_UP
      : FOLLOW_UP_AFTER_CLOSING;
  const up = level === 'junior' ? 'mid' : 'senior';
  const down = level === 'senior' ? 'mid' : 'junior';
  return renderPrompt('next-turn', {
    ...contextValues(context, limits, weights),
    requirements: labelledRequirements(context, input.previous),
    previous: previousQuestions(input.previous),
    question_number: answered.questionNumber,
    total: MAIN_QUESTION_COUNT,
    question_kind: answered.question.kind,
    question_focus: neutralise(focus.replace(/"/g, "'")),
    level,
    question: neutralise(answered.question.text),
    key_points: answered.keyPoints.length ? answered.keyPoints.map((p) => `- ${neutralise(oneLine(p))}`).join('\n') : '(none given)',
    answer: neutralise(answered.answer),
    follow_up_rule: followUpRule,
    next_rule: nextRule(input, { up, down }),
    examples: turnExamples(input),
  });
}

const BUILDERS: { [I in IntentName]: (input: IntentInputs[I], limits: PromptLimits) => string } = {
  planQuestion,
  evaluateAnswer,
  summarizeInterview,
  nextTurn,
};

export function buildPrompt<I extends IntentName>(intent: I, input: IntentInputs[I], limits: PromptLimits = DEFAULT_PROMPT_LIMITS): BuiltPrompt {
  return { system: renderPrompt('system'), user: BUILDERS[intent](input, limits) };
}
