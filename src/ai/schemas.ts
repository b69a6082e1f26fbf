/**
 * The output of every AI intent, declared once as JSON Schema (TypeBox). The same object is
 * sent to remote models as their response schema and used to validate what comes back, so
 * the two can never drift apart. TypeScript types are derived from it.
 */
import { Type, type Static } from '@sinclair/typebox';
import { QUESTION_KINDS } from '../interview/definitions.js';

export const RUBRIC_CRITERIA = ['relevance', 'structure', 'specificity', 'ownership', 'concision'] as const;
export type RubricCriterion = (typeof RUBRIC_CRITERIA)[number];


export const PlannedQuestionSchema = Type.Object(
  {
    text: Type.String({ minLength: 10, maxLength: 600, description: 'The question, as the interviewer says it.' }),
    kind: Type.Union(
      QUESTION_KINDS.map((k) => Type.Literal(k)),
      { description: 'What sort of question this is.' },
    ),
    focus: Type.String({
      minLength: 1,
      maxLength: 120,
      description: 'The competency, skill or requirement the question probes, e.g. "Kubernetes" or "conflict".',
    }),
    // Optional, and nullable so the OpenAI strict dialect (where every property is required)
    // can say "none": older replies and models that leave them out stay valid.
    keyPoints: Type.Optional(
      Type.Union([Type.Array(Type.String({ minLength: 3, maxLength: 200 }), { minItems: 2, maxItems: 5 }), Type.Null()], {
        description: '2-5 short phrases: what a strong answer to this question covers.',
      }),
    ),
    bankId: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 60 }), Type.Null()], {
        description: 'The id of the example question this one adapts, if any; otherwise null.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PlannedQuestion = Static<typeof PlannedQuestionSchema>;

const CriterionScoreSchema = Type.Object(
  {
    criterion: Type.Union(RUBRIC_CRITERIA.map((c) => Type.Literal(c))),
    score: Type.Integer({ minimum: 0, maximum: 5, description: '0 = absent, 5 = excellent.' }),
    note: Type.String({ maxLength: 300, description: 'One sentence explaining the score.' }),
  },
  { additionalProperties: false },
);
export type CriterionScore = Static<typeof CriterionScoreSchema>;

/** Whether an answer covered one key point of its question, with the words that show it. */
function KeyPointJudgementSchema() {
  return Type.Object(
    {
      point: Type.String({ minLength: 1, maxLength: 200, description: 'The key point, copied from the list given.' }),
      covered: Type.Boolean({ description: 'True when the answer covers it, in any words.' }),
      quote: Type.String({ maxLength: 300, description: 'Words copied exactly from the answer that cover it; empty if not covered.' }),
    },
    { additionalProperties: false },
  );
}

const QuotedPointSchema = Type.Object(
  {
    point: Type.String({ minLength: 1, maxLength: 300, description: 'The observation, in plain words.' }),
    quote: Type.String({
      maxLength: 300,
      description: "Words copied exactly from the candidate's answer that support the point; empty if none apply.",
    }),
  },
  { additionalProperties: false },
);
export type QuotedPoint = Static<typeof QuotedPointSchema>;

export const AnswerEvaluationSchema = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 10, description: 'Overall score for this answer, 1-10.' }),
    criteria: Type.Array(CriterionScoreSchema, { minItems: 5, maxItems: 5 }),
    strengths: Type.Array(QuotedPointSchema, { maxItems: 4 }),
    weaknesses: Type.Array(QuotedPointSchema, { maxItems: 4 }),
    followUp: Type.Union([Type.String({ minLength: 10, maxLength: 400 }), Type.Null()], {
      description: 'A follow-up question if the answer was vague or incomplete, otherwise null.',
    }),
    summary: Type.String({ maxLength: 500, description: 'Two sentences of feedback addressed to the candidate.' }),
    // A remote model's own judgement of the question's key points (absent from the offline
    // interviewer, whose coverage is measured by src/coverage instead).
    coveredKeyPoints: Type.Optional(Type.Array(KeyPointJudgementSchema(), { maxItems: 5 })),
  },
  { additionalProperties: false },
);
export type AnswerEvaluation = Static<typeof AnswerEvaluationSchema>;

const SummaryPointSchema = Type.Object(
  {
    point: Type.String({ minLength: 1, maxLength: 300 }),
    quote: Type.String({ maxLength: 300, description: "Exact words from the candidate's answer." }),
    questionNumber: Type.Integer({ minimum: 1, maximum: 8 }),
  },
  { additionalProperties: false },
);
export type SummaryPoint = Static<typeof SummaryPointSchema>;

const CvTipSchema = Type.Object(
  {
    tip: Type.String({ minLength: 1, maxLength: 400, description: 'What to change in the CV.' }),
    evidence: Type.String({
      maxLength: 400,
      description: 'Why: the job-description requirement or CV line this tip is grounded in.',
    }),
  },
  { additionalProperties: false },
);
export type CvTip = Static<typeof CvTipSchema>;

export const InterviewSummarySchema = Type.Object(
  {
    overallScore: Type.Integer({ minimum: 1, maximum: 10 }),
    headline: Type.String({ minLength: 1, maxLength: 400, description: 'One or two sentences: the honest verdict.' }),
    strengths: Type.Array(SummaryPointSchema, { maxItems: 5 }),
    weaknesses: Type.Array(SummaryPointSchema, { maxItems: 5 }),
    cvTips: Type.Array(CvTipSchema, { maxItems: 8 }),
  },
  { additionalProperties: false },
);
export type InterviewSummary = Static<typeof InterviewSummarySchema>;

// --- what remote models are asked to write -------------------------------------------------
//
// Each intent's reply schema is what a model is sent as its response schema (and, in prompt
// mode, in its instructions). Properties are in the order a careful grader would work:
// reasoning and notes before the scores they justify, so a model writing token by token
// commits to its reasons first. Fields the app decides itself (a question's kind comes from
// its slot in the interview; the follow-up is decided by the interview turn) are not asked.

export const PlannedQuestionReplySchema = Type.Object(
  {
    text: Type.String({ minLength: 10, maxLength: 600, description: 'The question, as the interviewer says it.' }),
    focus: Type.String({
      minLength: 1,
      maxLength: 120,
      description: 'The competency, skill or requirement the question probes, e.g. "Kubernetes" or "conflict".',
    }),
    keyPoints: Type.Union([Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 5 }), Type.Null()], {
      description: '2-5 short phrases: what a strong answer to this question covers.',
    }),
    bankId: Type.Union([Type.String({ maxLength: 80 }), Type.Null()], {
      description: 'The id of the example question this one adapts, if any; otherwise null.',
    }),
  },
  { additionalProperties: false },
);
export type PlannedQuestionReply = Static<typeof PlannedQuestionReplySchema>;

const CriterionReplySchema = Type.Object(
  {
    criterion: Type.Union(RUBRIC_CRITERIA.map((c) => Type.Literal(c))),
    note: Type.String({ maxLength: 300, description: 'One sentence explaining the score.' }),
    score: Type.Integer({ minimum: 0, maximum: 5, description: '0 = absent, 5 = excellent.' }),
  },
  { additionalProperties: false },
);

export const AnswerEvaluationReplySchema = Type.Object(
  {
    criteria: Type.Array(CriterionReplySchema, { minItems: 5, maxItems: 5 }),
    keyPoints: Type.Array(KeyPointJudgementSchema(), {
      maxItems: 5,
      description: 'One entry per key point listed, in order; an empty list when none were given.',
    }),
    strengths: Type.Array(QuotedPointSchema, { maxItems: 4 }),
    weaknesses: Type.Array(QuotedPointSchema, { maxItems: 4 }),
    summary: Type.String({ maxLength: 500, description: 'Two sentences of feedback addressed to the candidate.' }),
    score: Type.Integer({ minimum: 1, maximum: 10, description: 'Overall score for this answer, 1-10.' }),
  },
  { additionalProperties: false },
);
export type AnswerEvaluationReply = Static<typeof AnswerEvaluationReplySchema>;

export const InterviewSummaryReplySchema = Type.Object(
  {
    strengths: Type.Array(SummaryPointSchema, { maxItems: 5 }),
    weaknesses: Type.Array(SummaryPointSchema, { maxItems: 5 }),
    cvTips: Type.Array(CvTipSchema, { maxItems: 8 }),
    headline: Type.String({ minLength: 1, maxLength: 400, description: 'One or two sentences: the honest verdict.' }),
    overallScore: Type.Integer({ minimum: 1, maximum: 10 }),
  },
  { additionalProperties: false },
);

const TURN_DECISIONS = ['follow_up', 'move_on', 'raise', 'lower'] as const;
export type TurnDecision = (typeof TURN_DECISIONS)[number];

/** The interviewer's next turn after an answer: a follow-up, or the next main question. */
export const InterviewTurnReplySchema = Type.Object(
  {
    assessment: Type.String({
      maxLength: 400,
      description: 'For yourself, one or two sentences: what the answer showed and what it left out.',
    }),
    missedKeyPoints: Type.Array(Type.String({ maxLength: 200 }), {
      maxItems: 5,
      description: 'The key points (copied from the list) the answer did not cover.',
    }),
    decision: Type.Union(
      TURN_DECISIONS.map((d) => Type.Literal(d)),
      { description: 'follow_up, or move on to the next question at the same level (move_on), a harder one (raise) or an easier one (lower).' },
    ),
    question: Type.Union([Type.String({ minLength: 1, maxLength: 600 }), Type.Null()], {
      description: 'The follow-up or the next question, as the interviewer says it; null only when the interview ends here.',
    }),
    reason: Type.String({
      maxLength: 200,
      description: 'One short sentence to the candidate, in the interviewer\'s voice, on why this comes next.',
    }),
    focus: Type.String({ maxLength: 120, description: 'What the question probes, in a few words.' }),
    keyPoints: Type.Union([Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 5 }), Type.Null()], {
      description: '2-5 short phrases: what a strong answer to the question covers.',
    }),
    bankId: Type.Union([Type.String({ maxLength: 80 }), Type.Null()], {
      description: 'The id of the example question adapted, if any; otherwise null.',
    }),
  },
  { additionalProperties: false },
);
export type InterviewTurnReply = Static<typeof InterviewTurnReplySchema>;
