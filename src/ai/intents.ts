/**
 * The things an interviewer is asked to do. For each: the schema a provider's result must
 * match, what a remote model is asked to write instead (its reply schema, sent as the response
 * schema), how that reply becomes the result, which rules beyond the schema a reply must keep
 * (a repeated question goes back to the model as a repair), and how the model is run (a low
 * temperature for judging, a cap on the reply's length, which text field streams to the page).
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { alignQuote } from './quotes.js';
import {
  AnswerEvaluationReplySchema,
  AnswerEvaluationSchema,
  InterviewSummaryReplySchema,
  InterviewSummarySchema,
  InterviewTurnReplySchema,
  PlannedQuestionReplySchema,
  PlannedQuestionSchema,
  type AnswerEvaluationReply,
} from './schemas.js';
import { plannedQuestionFromReply, plannedQuestionProblems, turnFromReply, turnReplyProblems } from './turn.js';
import type {
  AnswerEvaluation,
  EvaluateAnswerInput,
  InterviewSummary,
  InterviewTurn,
  NextTurnInput,
  PlanQuestionInput,
  PlannedQuestion,
  SummarizeInput,
} from './types.js';

export interface IntentInputs {
  planQuestion: PlanQuestionInput;
  evaluateAnswer: EvaluateAnswerInput;
  summarizeInterview: SummarizeInput;
  nextTurn: NextTurnInput;
}

export interface IntentOutputs {
  planQuestion: PlannedQuestion;
  evaluateAnswer: AnswerEvaluation;
  summarizeInterview: InterviewSummary;
  nextTurn: InterviewTurn;
}

export type IntentName = keyof IntentInputs;

interface Intent<I extends IntentName, R extends TSchema> {
  /** What a local provider's result must match (null: checked by the client's guards instead). */
  schema: TSchema | null;
  /** The response schema a remote model is sent, and its name. */
  replySchema: R;
  schemaName: string;
  fromReply(input: IntentInputs[I], reply: Static<R>): IntentOutputs[I];
  /** Rules beyond the schema; each problem goes back to the model in the repair request. */
  problems?(input: IntentInputs[I], reply: Static<R>): string[];
  /** Sampling temperature: low where the model judges, higher where it writes a question. */
  temperature: number;
  /** Longest reply, in tokens. */
  maxOutputTokens: number;
  /** The reply's field that streams to the page as the model writes it. */
  streamField?: string;
}

/** The model's key-point judgements, with quotes kept only when they are the candidate's words. */
function judgedKeyPoints(input: EvaluateAnswerInput, reply: AnswerEvaluationReply): AnswerEvaluation['coveredKeyPoints'] {
  if (!input.keyPoints?.length || reply.keyPoints.length === 0) return undefined;
  return reply.keyPoints.map((k) => ({ point: k.point, covered: k.covered, quote: (k.quote && alignQuote(k.quote, input.answer)) ?? '' }));
}

function evaluationFromReply(input: EvaluateAnswerInput, reply: AnswerEvaluationReply): AnswerEvaluation {
  const coveredKeyPoints = judgedKeyPoints(input, reply);
  return {
    score: reply.score,
    criteria: reply.criteria.map(({ criterion, score, note }) => ({ criterion, score, note })),
    strengths: reply.strengths,
    weaknesses: reply.weaknesses,
    // The interview turn decides on follow-ups (nextTurn); an evaluation only judges.
    followUp: null,
    summary: reply.summary,
    ...(coveredKeyPoints ? { coveredKeyPoints } : {}),
  };
}

function evaluationProblems(input: EvaluateAnswerInput, reply: AnswerEvaluationReply): string[] {
  const seen = new Set(reply.criteria.map((c) => c.criterion));
  return seen.size === 5 ? [] : ['/criteria: give each of relevance, structure, specificity, ownership and concision exactly once'];
}

const INTENTS = {
  planQuestion: {
    schema: PlannedQuestionSchema,
    replySchema: PlannedQuestionReplySchema,
    schemaName: 'planned_question',
    fromReply: plannedQuestionFromReply,
    problems: plannedQuestionProblems,
    temperature: 0.7,
    maxOutputTokens: 700,
    streamField: 'text',
  } satisfies Intent<'planQuestion', typeof PlannedQuestionReplySchema>,
  evaluateAnswer: {
    schema: AnswerEvaluationSchema,
    replySchema: AnswerEvaluationReplySchema,
    schemaName: 'answer_evaluation',
    fromReply: evaluationFromReply,
    problems: evaluationProblems,
    temperature: 0.2,
    maxOutputTokens: 1800,
  } satisfies Intent<'evaluateAnswer', typeof AnswerEvaluationReplySchema>,
  summarizeInterview: {
    schema: InterviewSummarySchema,
    replySchema: InterviewSummaryReplySchema,
    schemaName: 'interview_summary',
    fromReply: (_input, reply) => ({ ...reply }),
    temperature: 0.2,
    maxOutputTokens: 2500,
  } satisfies Intent<'summarizeInterview', typeof InterviewSummaryReplySchema>,
  nextTurn: {
    schema: null,
    replySchema: InterviewTurnReplySchema,
    schemaName: 'interview_turn',
    fromReply: turnFromReply,
    problems: turnReplyProblems,
    temperature: 0.5,
    maxOutputTokens: 900,
    streamField: 'question',
  } satisfies Intent<'nextTurn', typeof InterviewTurnReplySchema>,
} as const;

/** The intent's definition, typed loosely enough to be used for any intent name. */
export function intentOf<I extends IntentName>(intent: I): Intent<I, TSchema> {
  return INTENTS[intent] as unknown as Intent<I, TSchema>;
}
