/**
 * The contract between the interview domain and whoever plays the interviewer: the offline
 * interviewer, Gemini or an OpenAI-compatible model. Calls are intent-level (plan a question,
 * evaluate an answer, summarise the interview); every result type comes from `schemas.ts`.
 */
import type { AdaptiveDecision, AnswerCoverage } from '../intelligence/types.js';
import type { CompetencyId, Level } from '../interview/definitions.js';
import type { AskedQuestion, InterviewContext } from '../interview/definitions.js';
import type { AnswerEvaluation, InterviewSummary, PlannedQuestion } from './schemas.js';

export type { AnswerEvaluation, InterviewSummary, PlannedQuestion } from './schemas.js';


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

/** The answer the interviewer reacts to in its next turn. */
interface AnsweredTurn {
  /** The main question number (1..8) the answer belongs to. */
  questionNumber: number;
  question: Pick<PlannedQuestion, 'text' | 'kind' | 'focus'>;
  /** What a strong answer covers (may be empty). */
  keyPoints: string[];
  /** The level the question was asked at. */
  level: Level;
  answer: string;
  isFollowUp: boolean;
  /** False after a follow-up's answer and after the closing question: then the interview moves on. */
  canFollowUp: boolean;
  /** The answers given before (to other questions), so one pasted again is recognised. */
  earlierAnswers?: { questionNumber: number; text: string }[];
}

/**
 * What the interviewer needs for its next turn: the answer just given, the interview so far,
 * and the next main question's slot (null when the answer was to the last main question, so
 * the turn is a follow-up or the end).
 */
export interface NextTurnInput {
  context: InterviewContext;
  answered: AnsweredTurn;
  /** Main questions asked so far (the answered one included), so nothing is asked twice. */
  previous: AskedQuestion[];
  next: { questionNumber: number } | null;
  uncoveredRequirements?: string[];
  focusCompetencies?: CompetencyId[];
}

/**
 * The interviewer's next turn: what it decided (follow up, move on, raise or lower the level)
 * and why, and the next main question when it moves on. A follow-up's text is
 * `decision.followUp`. A provider that judged the answer on the way (the offline interviewer)
 * also returns that evaluation, so it is stored at once.
 */
export interface InterviewTurn {
  decision: AdaptiveDecision;
  question: PlannedQuestion | null;
  evaluation?: AnswerEvaluation;
  coverage?: AnswerCoverage | null;
}

/** Something that can play the interviewer. Implementations must honour `signal`. */
export interface AiProvider {
  /** Stable name recorded on every message it produces, e.g. "offline", "gemini". */
  readonly name: string;
  planQuestion(input: PlanQuestionInput, signal?: AbortSignal): Promise<PlannedQuestion>;
  evaluateAnswer(input: EvaluateAnswerInput, signal?: AbortSignal): Promise<AnswerEvaluation>;
  summarizeInterview(input: SummarizeInput, signal?: AbortSignal): Promise<InterviewSummary>;
  nextTurn(input: NextTurnInput, signal?: AbortSignal): Promise<InterviewTurn>;
}

/** A result together with the provider that produced it. */
export interface Attributed<T> {
  value: T;
  provider: string;
}
