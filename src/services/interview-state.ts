/**
 * Where an interview stands, derived from its stored messages alone. Nothing about progress
 * is kept anywhere else, so a reload, a second tab or a restart after a crash all see the
 * same state, and the next step can always be worked out again.
 */
import { MAIN_QUESTION_COUNT } from '../ai/types.js';
import type { SessionStatus } from '../db/schema.js';
import type { MessageRow } from '../repositories/messages-repository.js';

export type InterviewPhase =
  | 'not_started' // a draft: CV and job description may still change
  | 'awaiting_answer' // a question or follow-up is waiting for the candidate
  | 'preparing' // an answer is stored and the interviewer's next step is not yet
  | 'ready_to_finish' // all main questions (and any follow-up) answered
  | 'completed'; // feedback exists

/** What `preparing` still has to do, in the order the interview service does it. */
export type NextStep =
  | { type: 'ask_first' }
  | { type: 'evaluate'; answer: MessageRow; question: MessageRow }
  | { type: 'ask_follow_up'; answer: MessageRow; question: MessageRow; text: string }
  | { type: 'ask_next'; questionNumber: number };

export interface Exchange {
  question: MessageRow;
  answer: MessageRow | null;
}

export interface InterviewState {
  phase: InterviewPhase;
  /** The question or follow-up waiting for an answer (awaiting_answer only). */
  current: MessageRow | null;
  /** The main question number the candidate is on, 1..8 (0 before the first question). */
  questionNumber: number;
  /** How many main questions have an answer. */
  answeredCount: number;
  exchanges: Exchange[];
  nextStep: NextStep | null;
}

export function deriveInterviewState(status: SessionStatus, messages: readonly MessageRow[]): InterviewState {
  const answers = new Map(messages.filter((m) => m.kind === 'answer' && m.replyTo).map((m) => [m.replyTo!, m]));
  const exchanges: Exchange[] = messages
    .filter((m) => m.kind !== 'answer')
    .map((question) => ({ question, answer: answers.get(question.id) ?? null }));
  const answeredCount = exchanges.filter((e) => e.question.kind === 'question' && e.answer).length;
  const last = exchanges.at(-1) ?? null;
  const base = { current: null, questionNumber: last?.question.questionNumber ?? 0, answeredCount, exchanges, nextStep: null };

  if (status === 'draft') return { ...base, phase: 'not_started' };
  if (status === 'completed') return { ...base, phase: 'completed' };
  if (!last) return { ...base, phase: 'preparing', nextStep: { type: 'ask_first' } };
  if (!last.answer) return { ...base, phase: 'awaiting_answer', current: last.question };

  const { question, answer } = last;
  if (!answer.evaluation) return { ...base, phase: 'preparing', nextStep: { type: 'evaluate', answer, question } };
  if (question.kind === 'question' && answer.evaluation.followUp) {
    return {
      ...base,
      phase: 'preparing',
      nextStep: { type: 'ask_follow_up', answer, question, text: answer.evaluation.followUp },
    };
  }
  if (question.questionNumber < MAIN_QUESTION_COUNT) {
    return { ...base, phase: 'preparing', nextStep: { type: 'ask_next', questionNumber: question.questionNumber + 1 } };
  }
  return { ...base, phase: 'ready_to_finish' };
}
