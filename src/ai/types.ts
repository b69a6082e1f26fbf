/**
 * The contract between the interview domain and whoever plays the interviewer: the offline
 * interviewer, Gemini or an OpenAI-compatible model. Calls are intent-level (plan a question,
 * evaluate an answer, summarise the interview); every result type comes from `schemas.ts`.
 */
import type { CompetencyId, Level } from '../intelligence/types.js';
import type { AnswerEvaluation, InterviewSummary, PlannedQuestion } from './schemas.js';

export type { AnswerEvaluation, InterviewSummary, PlannedQuestion } from './schemas.js';

export const INTERVIEW_TYPES = ['behavioral', 'technical', 'mixed'] as const;
export type InterviewType = (typeof INTERVIEW_TYPES)[number];

/** Number of main questions in every interview. Follow-ups do not count toward it. */
export const MAIN_QUESTION_COUNT = 8;

/** What the interviewer knows about the candidate and the role. */
export interface InterviewContext {
  jobTitle: string;
  companyName: string;
  jobDescription: string;
  cvText: string;
  interviewType: InterviewType;
}

/** One main question already asked, with what happened to it (used to avoid repeats and to adapt). */
export interface AskedQuestion {
  questionNumber: number;
  text: string;
  kind: PlannedQuestion['kind'];
  focus: string;
  answer?: string;
  score?: number;
  /** The question-bank entry it came from, so the planner does not reuse it. */
  bankId?: string | null;
  /** The level it was asked at. */
  level?: Level;
}

export interface PlanQuestionInput {
  context: InterviewContext;
  /** 1-based number of the main question to plan (1..MAIN_QUESTION_COUNT). */
  questionNumber: number;
  previous: AskedQuestion[];
  /** The level to pitch the question at (the adaptive flow's current level); default mid. */
  level?: Level;
  /** Job requirements no answer has demonstrated yet: later questions steer toward them. */
  uncoveredRequirements?: string[];
  /** Competencies a focused practice interview concentrates on (from the study plan). */
  focusCompetencies?: CompetencyId[];
}

export interface EvaluateAnswerInput {
  context: InterviewContext;
  questionNumber: number;
  question: Pick<PlannedQuestion, 'text' | 'kind' | 'focus'>;
  answer: string;
  /** True when this answers a follow-up; a follow-up answer never gets another follow-up. */
  isFollowUp: boolean;
  /**
   * What a strong answer to this question covers (3–5 short phrases, from the question bank).
   * The offline interviewer scores relevance and substance against them when present.
   */
  keyPoints?: string[];
  /**
   * The candidate's earlier answers in this interview (main and follow-up answers, oldest
   * first), so an answer pasted again for another question is recognised as such.
   */
  earlierAnswers?: { questionNumber: number; text: string }[];
}

/** One main question and everything said about it, in order, for the final summary. */
export interface AnsweredQuestion {
  questionNumber: number;
  question: string;
  kind: PlannedQuestion['kind'];
  focus: string;
  answer: string;
  evaluation: AnswerEvaluation;
  followUp?: { question: string; answer: string; evaluation: AnswerEvaluation };
}

export interface SummarizeInput {
  context: InterviewContext;
  answers: AnsweredQuestion[];
}

/** Something that can play the interviewer. Implementations must honour `signal`. */
export interface AiProvider {
  /** Stable name recorded on every message it produces, e.g. "offline", "gemini". */
  readonly name: string;
  planQuestion(input: PlanQuestionInput, signal?: AbortSignal): Promise<PlannedQuestion>;
  evaluateAnswer(input: EvaluateAnswerInput, signal?: AbortSignal): Promise<AnswerEvaluation>;
  summarizeInterview(input: SummarizeInput, signal?: AbortSignal): Promise<InterviewSummary>;
}

/** A result together with the provider that produced it. */
export interface Attributed<T> {
  value: T;
  provider: string;
}
