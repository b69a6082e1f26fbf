/**
 * Retrying one question from the feedback page: answer a main question again and compare the
 * new evaluation with the original, side by side. A retry is practice: it is stored in
 * question_retries and never changes the interview's messages, score, feedback or mastery.
 *
 * The new answer goes through the same AI client (and work queue) as the interview, plus the
 * same key-point coverage scorer. It is stored only once it has been scored (a retry row always
 * has an evaluation). If scoring fails, nothing is stored and the error says so: the route
 * shows the form again with the text still in it, so nothing typed is lost.
 */
import type { AiClient } from '../ai/ai-client.js';
import { type AnswerEvaluation, type EvaluateAnswerInput } from '../ai/types.js';
import { MAIN_QUESTION_COUNT, type Level } from '../interview/definitions.js';
import { LEXICAL_SCORER, type CoverageScorer } from '../coverage/index.js';
import { Errors, isAppError } from '../errors.js';
import { cleanAnswer } from '../interview/answer-text.js';
import type { AnswerCoverage } from '../intelligence/types.js';
import type { MessagesRepository } from '../repositories/messages-repository.js';
import type { RetriesRepository, RetryRow } from '../repositories/retries-repository.js';
import type { SessionRow, SessionsRepository } from '../repositories/sessions-repository.js';
import { contextOf, questionOf } from '../interview/context.js';
import { deriveInterviewState } from '../interview/state.js';
import { createInFlight, scoreAnswer, type ScoredAnswer } from './answer-scoring.js';

export interface RetryServiceDeps {
  sessions: SessionsRepository;
  messages: MessagesRepository;
  retries: RetriesRepository;
  ai: AiClient;
  clock: () => Date;
  answerMaxChars: number;
  /** Compares answers with their question's key points (default: the lexical method alone). */
  coverage?: Pick<CoverageScorer, 'score'>;
}

/** The original attempt: the main question as asked during the interview and its answer. */
export interface OriginalAttempt {
  questionNumber: number;
  question: string;
  level: Level | null;
  keyPoints: string[];
  answer: string;
  evaluation: AnswerEvaluation;
  coverage: AnswerCoverage | null;
}

/** What changed between the original answer and the latest retry. */
export interface RetryChange {
  scoreBefore: number;
  scoreAfter: number;
  delta: number;
  /** Key points the retry covered that the original missed. */
  newlyCovered: string[];
  /** Key points the original covered that the retry missed. */
  noLongerCovered: string[];
  /** One sentence for the page: "Your score went from 5/10 to 8/10 (+3); newly covered: …". */
  text: string;
}

export interface RetryView {
  session: SessionRow;
  original: OriginalAttempt;
  latest: RetryRow | null;
  attempts: number;
  change: RetryChange | null;
}

/** Compares two attempts at the same question. Pure. */
export function compareAttempts(
  before: { evaluation: AnswerEvaluation; coverage: AnswerCoverage | null },
  after: { evaluation: AnswerEvaluation; coverage: AnswerCoverage | null },
): RetryChange {
  const scoreBefore = before.evaluation.score;
  const scoreAfter = after.evaluation.score;
  const delta = scoreAfter - scoreBefore;
  const wasCovered = new Set((before.coverage?.points ?? []).filter((p) => p.covered).map((p) => p.point));
  // Without coverage of the original (older interviews), nothing can be "newly" covered.
  const newlyCovered = before.coverage ? (after.coverage?.points ?? []).filter((p) => p.covered && !wasCovered.has(p.point)).map((p) => p.point) : [];
  const nowCovered = new Set((after.coverage?.points ?? []).filter((p) => p.covered).map((p) => p.point));
  const noLongerCovered = after.coverage ? [...wasCovered].filter((p) => !nowCovered.has(p)) : [];
  const score =
    delta === 0
      ? `Your score stayed at ${scoreAfter}/10`
      : `Your score went ${delta > 0 ? 'up' : 'down'} from ${scoreBefore}/10 to ${scoreAfter}/10 (${delta > 0 ? '+' : '−'}${Math.abs(delta)})`;
  const parts = [
    score,
    newlyCovered.length > 0 ? `newly covered: ${newlyCovered.join('; ')}` : '',
    noLongerCovered.length > 0 ? `no longer covered: ${noLongerCovered.join('; ')}` : '',
  ].filter(Boolean);
  return { scoreBefore, scoreAfter, delta, newlyCovered, noLongerCovered, text: `${parts.join('; ')}.` };
}

/**
 * Retries kept per question. Practice, not a log: enough to see progress, and a bound on what
 * one visitor can store (with the interview quota and the retry rate limit — issue 17, disk fill).
 */
export const RETRIES_PER_QUESTION = 20;

export type RetryService = ReturnType<typeof createRetryService>;

export function createRetryService({ sessions, messages, retries, ai, clock, answerMaxChars, coverage = LEXICAL_SCORER }: RetryServiceDeps) {
  /** The session and the original attempt at question `n`, or the error the page shows. */
  async function load(sessionId: string, ownerId: string, n: number): Promise<{ session: SessionRow; original: OriginalAttempt; question: Parameters<typeof questionOf>[0] }> {
    const session = await sessions.requireOwned(sessionId, ownerId);
    if (!Number.isInteger(n) || n < 1 || n > MAIN_QUESTION_COUNT) throw Errors.retryQuestionNotFound(MAIN_QUESTION_COUNT);
    if (session.status !== 'completed') throw Errors.retryNotAvailable();
    const state = deriveInterviewState(session.status, await messages.listBySession(session.id, session.ownerId));
    const exchange = state.exchanges.find((e) => e.question.kind === 'question' && e.question.questionNumber === n);
    if (!exchange?.answer?.evaluation) throw Errors.retryQuestionNotFound(MAIN_QUESTION_COUNT);
    const { question, answer } = exchange;
    return {
      session,
      question,
      original: {
        questionNumber: n,
        question: question.content,
        level: question.difficulty ?? null,
        keyPoints: Array.isArray(question.keyPoints) ? question.keyPoints : [],
        answer: answer.content,
        evaluation: answer.evaluation!,
        coverage: answer.coverage ?? null,
      },
    };
  }

  async function viewOf(session: SessionRow, original: OriginalAttempt): Promise<RetryView> {
    const latest = (await retries.latest(session.id, session.ownerId, original.questionNumber)) ?? null;
    return {
      session,
      original,
      latest,
      attempts: await retries.count(session.id, session.ownerId, original.questionNumber),
      change: latest ? compareAttempts(original, latest) : null,
    };
  }

  /** Retries being scored, so a double submit waits for the first instead of storing a twin. */
  const scoring = createInFlight<RetryView>();

  return {
    /** The retry page: the original attempt and, once there is one, the latest retry beside it. */
    async view(sessionId: string, ownerId: string, n: number): Promise<RetryView> {
      const { session, original } = await load(sessionId, ownerId, n);
      return viewOf(session, original);
    },

    /** Scores a new answer to question `n` and stores it as a retry. */
    async submit(sessionId: string, ownerId: string, n: number, answerText: string): Promise<RetryView> {
      const { session, original, question } = await load(sessionId, ownerId, n);
      const text = cleanAnswer(answerText, answerMaxChars);
      // The checks run inside the in-flight slot for this text: a double submit either shares
      // the attempt being scored or, once it is stored, finds it as the latest (no await can
      // let a twin in between a check and the slot).
      return scoring.run(`${session.id}\u0000${n}\u0000${text}`, async () => {
        // The same text again (a double submit, or the form re-sent from history) is the same
        // attempt: show it rather than score and store it twice.
        if ((await retries.latest(session.id, session.ownerId, n))?.answer === text) return viewOf(session, original);
        // Refused before the AI call it would waste (create checks again, atomically).
        if ((await retries.count(session.id, session.ownerId, n)) >= RETRIES_PER_QUESTION) throw Errors.retryLimit(RETRIES_PER_QUESTION);
        return score(session, original, question, n, text);
      });
    },
  };

  async function score(session: SessionRow, original: OriginalAttempt, question: Parameters<typeof questionOf>[0], n: number, text: string): Promise<RetryView> {
    const input: EvaluateAnswerInput = {
      context: contextOf(session),
      questionNumber: n,
      question: questionOf(question),
      answer: text,
      // Judged like the original main answer (a follow-up answer is allowed to be brief).
      isFollowUp: false,
      ...(original.keyPoints.length > 0 ? { keyPoints: original.keyPoints } : {}),
    };
    let scored: ScoredAnswer;
    try {
      scored = await scoreAnswer({ ai, coverage }, input);
    } catch (error) {
      // The interview's "your answer is saved" does not hold here: say what did happen.
      if (isAppError(error) && error.statusCode < 500) throw error;
      throw Errors.retryNotScored();
    }
    const stored = await retries.create(
      {
        sessionId: session.id,
        ownerId: session.ownerId,
        questionNumber: n,
        answer: text,
        // A retry is never followed up.
        evaluation: { ...scored.value, followUp: null },
        coverage: scored.coverage,
        provider: scored.provider,
        at: clock(),
      },
      RETRIES_PER_QUESTION,
    );
    if (!stored) throw Errors.retryLimit(RETRIES_PER_QUESTION);
    return viewOf(session, original);
  }
}
