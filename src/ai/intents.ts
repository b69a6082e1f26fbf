/**
 * The three things an interviewer is asked to do, each with the schema its reply must match
 * and the name that schema is given to remote APIs.
 */
import { AnswerEvaluationSchema, InterviewSummarySchema, PlannedQuestionSchema } from './schemas.js';
import type {
  AnswerEvaluation,
  EvaluateAnswerInput,
  InterviewSummary,
  PlanQuestionInput,
  PlannedQuestion,
  SummarizeInput,
} from './types.js';

export const INTENTS = {
  planQuestion: { schema: PlannedQuestionSchema, schemaName: 'planned_question' },
  evaluateAnswer: { schema: AnswerEvaluationSchema, schemaName: 'answer_evaluation' },
  summarizeInterview: { schema: InterviewSummarySchema, schemaName: 'interview_summary' },
} as const;

export type IntentName = keyof typeof INTENTS;

export interface IntentInputs {
  planQuestion: PlanQuestionInput;
  evaluateAnswer: EvaluateAnswerInput;
  summarizeInterview: SummarizeInput;
}

export interface IntentOutputs {
  planQuestion: PlannedQuestion;
  evaluateAnswer: AnswerEvaluation;
  summarizeInterview: InterviewSummary;
}
