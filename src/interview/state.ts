/**
 * Where an interview stands, derived from its stored messages alone. Nothing about progress
 * is kept anywhere else, so a reload, a second tab or a restart after a crash all see the
 * same state, and the next step can always be worked out again.
 */
import { followUpOf } from './adaptive.js';
import { MAIN_QUESTION_COUNT, type DifficultyChoice, type Level } from './definitions.js';
import { startingLevel, type TargetJob } from './difficulty.js';
import type { SessionStatus } from '../db/schema.js';
import type { MessageRow } from '../repositories/messages-repository.js';

type InterviewPhase =
  | 'not_started' // a draft: CV and job description may still change
  | 'awaiting_answer' // a question or follow-up is waiting for the candidate
  | 'preparing' // an answer is stored and the interviewer's next step is not yet
  | 'ready_to_finish' // all main questions (and any follow-up) answered
  | 'completed'; // feedback exists

/**
 * What `preparing` still has to do. After an answer it is one `turn`: the interviewer decides
 * and asks its follow-up or the next question in one step (one model call). The other two
 * finish a turn whose decision is stored without its question — rows written before turns
 * existed, when the decision came with the evaluation.
 */
type NextStep =
  | { type: 'ask_first' }
  | { type: 'turn'; answer: MessageRow; question: MessageRow }
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
  /**
   * Answers whose evaluation (score, rubric, quotes) is not stored yet. Evaluations run beside
   * the interview, not in its way: the candidate never waits for one; feedback waits for all.
   */
  unevaluated: Exchange[];
}

export function deriveInterviewState(status: SessionStatus, messages: readonly MessageRow[]): InterviewState {
  const answers = new Map(messages.filter((m) => m.kind === 'answer' && m.replyTo).map((m) => [m.replyTo!, m]));
  const exchanges: Exchange[] = messages
    .filter((m) => m.kind !== 'answer')
    .map((question) => ({ question, answer: answers.get(question.id) ?? null }));
  const answeredCount = exchanges.filter((e) => e.question.kind === 'question' && e.answer).length;
  const last = exchanges.at(-1) ?? null;
  const unevaluated = exchanges.filter((e) => e.answer && !e.answer.evaluation);
  const base = { current: null, questionNumber: last?.question.questionNumber ?? 0, answeredCount, exchanges, nextStep: null, unevaluated };

  if (status === 'draft') return { ...base, phase: 'not_started' };
  if (status === 'completed') return { ...base, phase: 'completed' };
  if (!last) return { ...base, phase: 'preparing', nextStep: { type: 'ask_first' } };
  if (!last.answer) return { ...base, phase: 'awaiting_answer', current: last.question };

  const { question, answer } = last;
  // The turn is taken once its decision is stored. (An answer evaluated before decisions
  // existed gets its turn now; its evaluation is kept.)
  if (!answer.decision) return { ...base, phase: 'preparing', nextStep: { type: 'turn', answer, question } };
  const followUp = followUpOf(asAsked(question), answer.decision, answer.evaluation);
  if (followUp) return { ...base, phase: 'preparing', nextStep: { type: 'ask_follow_up', answer, question, text: followUp } };
  if (question.questionNumber < MAIN_QUESTION_COUNT) {
    return { ...base, phase: 'preparing', nextStep: { type: 'ask_next', questionNumber: question.questionNumber + 1 } };
  }
  return { ...base, phase: 'ready_to_finish' };
}

/** A stored question as the follow-up rule sees it (adaptive.ts). */
const asAsked = (question: MessageRow) => ({ isFollowUp: question.kind !== 'question', kind: question.questionKind });

/** The level the latest decision left the interview at, else the latest question's; null when neither is stored. */
function storedLevelOf(exchanges: readonly Exchange[]): Level | null {
  for (let i = exchanges.length - 1; i >= 0; i--) {
    const { question, answer } = exchanges[i]!;
    if (answer?.decision) return answer.decision.nextLevel;
    if (question.difficulty) return question.difficulty;
  }
  return null;
}

/**
 * THE level rule (issue 15: it used to be worked out in four places). The level of `current` —
 * the question waiting for an answer, or being answered — else the level the next question is
 * asked at: the latest decision's `nextLevel`, else the level the latest question was asked
 * at, else (no question yet, or rows written before levels existed) where the interview
 * starts, worked out from `session`. Without `session`, null in that last case.
 */
export function levelOf(state: LevelState, session: StartingPoint): Level;
export function levelOf(state: LevelState): Level | null;
export function levelOf(state: LevelState, session?: StartingPoint): Level | null {
  return state.current?.difficulty ?? storedLevelOf(state.exchanges) ?? (session ? startingLevel(session.difficulty, session.cvText, session).level : null);
}

/** What `levelOf` reads of the interview: the question in hand (if any) and the exchanges before it. */
export interface LevelState {
  current?: MessageRow | null;
  exchanges: readonly Exchange[];
}

/** What the starting level is worked out from: the interview's difficulty choice, the CV and the job. */
export type StartingPoint = { difficulty: DifficultyChoice; cvText: string | null } & TargetJob;
