/**
 * Ending an interview and producing its feedback. Feedback is regenerated in place (one per
 * session) and the session is marked completed in the same transaction.
 */
import type { AiClient } from '../ai/ai-client.js';
import type { CvTip } from '../ai/schemas.js';
import { type AnsweredQuestion } from '../ai/types.js';
import { MAIN_QUESTION_COUNT } from '../interview/definitions.js';
import { Errors } from '../errors.js';
import { requirementCoverage, requirementForTip } from '../intelligence/requirements.js';
import type { RequirementCoverage } from '../intelligence/types.js';
import type { FeedbackRepository, FeedbackRow } from '../repositories/feedback-repository.js';
import type { MessagesRepository } from '../repositories/messages-repository.js';
import type { RetriesRepository, RetrySummary } from '../repositories/retries-repository.js';
import type { SessionRow, SessionsRepository } from '../repositories/sessions-repository.js';
import { isSpeechSummary, type SpeechSummary } from '../speech/types.js';
import type { AnswerEvaluations } from './answer-evaluations.js';
import { contextOf } from '../interview/context.js';
import { deriveInterviewState, type Exchange } from '../interview/state.js';

export interface FeedbackServiceDeps {
  sessions: SessionsRepository;
  messages: MessagesRepository;
  feedback: FeedbackRepository;
  ai: AiClient;
  clock: () => Date;
  /** Retries made from the feedback page (their latest score is linked per question). */
  retries?: Pick<RetriesRepository, 'summaries'>;
  /** Answers are evaluated in the background; feedback waits for every one (answer-evaluations.ts). */
  evaluations: Pick<AnswerEvaluations, 'settle'>;
}

/** A CV tip with the job requirement it is about, when it is about one (linked on the page). */
export interface LinkedCvTip extends CvTip {
  requirement: RequirementCoverage | null;
}

export interface FeedbackView {
  session: SessionRow;
  feedback: FeedbackRow;
  answers: AnsweredQuestion[];
  /** Answers that were spoken, with their delivery metrics (voice answers). */
  spoken: SpokenAnswer[];
  /** The job-requirement coverage map (stored with the feedback; computed for older feedback). */
  requirements: RequirementCoverage[];
  cvTips: LinkedCvTip[];
  /** The conversation, question by question (levels, coverage and decisions; src/views explains them). */
  exchanges: Exchange[];
  retries: RetrySummary[];
}

export interface SpokenAnswer {
  questionNumber: number;
  followUp: boolean;
  question: string;
  metrics: SpeechSummary;
}

/** The answers that carry speech metrics, in conversation order. */
function spokenAnswers(exchanges: readonly Exchange[]): SpokenAnswer[] {
  return exchanges.flatMap(({ question, answer }) => {
    const metrics = answer?.speechMetrics;
    if (!isSpeechSummary(metrics)) return [];
    return [{ questionNumber: question.questionNumber, followUp: question.kind === 'follow_up', question: question.content, metrics }];
  });
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;

/** Pairs each main question with its answer and its follow-up, when there was one. */
function answeredQuestions(exchanges: readonly Exchange[]): AnsweredQuestion[] {
  const result: AnsweredQuestion[] = [];
  for (const { question, answer } of exchanges) {
    if (!answer?.evaluation) continue;
    if (question.kind === 'question') {
      result.push({
        questionNumber: question.questionNumber,
        question: question.content,
        kind: question.questionKind ?? 'behavioral',
        focus: question.focus ?? '',
        answer: answer.content,
        evaluation: answer.evaluation,
      });
    } else {
      const main = result.find((r) => r.questionNumber === question.questionNumber);
      if (main) main.followUp = { question: question.content, answer: answer.content, evaluation: answer.evaluation };
    }
  }
  return result;
}

/** Every answer, main and follow-up, with its main question's number. */
function answerTexts(exchanges: readonly Exchange[]): { questionNumber: number; text: string; score?: number }[] {
  return exchanges.flatMap(({ question, answer }) =>
    answer ? [{ questionNumber: question.questionNumber, text: answer.content, ...(answer.evaluation ? { score: answer.evaluation.score } : {}) }] : [],
  );
}

/** The requirement map of a session from its job description, CV and answers. */
function requirementsOf(session: SessionRow, exchanges: readonly Exchange[]): RequirementCoverage[] {
  return requirementCoverage({ jobDescription: session.jobDescription, cvText: session.cvText ?? '', answers: answerTexts(exchanges) });
}

export function createFeedbackService({ sessions, messages, feedback, ai, clock, retries, evaluations }: FeedbackServiceDeps) {
  const owned = (sessionId: string, ownerId: string): Promise<SessionRow> => sessions.requireOwned(sessionId, ownerId);
  /** Feedback being written, per interview: a second "Finish" (another tab, a double click) waits for the first. */
  const completing = new Map<string, Promise<void>>();

  async function writeFeedback(session: SessionRow): Promise<void> {
    const before = deriveInterviewState(session.status, await messages.listBySession(session.id, session.ownerId));
    // Every answer's evaluation first: most ran while the interview went on.
    await evaluations.settle(session, before.unevaluated, before.exchanges);
    const state = deriveInterviewState(session.status, await messages.listBySession(session.id, session.ownerId));
    const answers = answeredQuestions(state.exchanges);
    const { value, provider } = await ai.summarizeInterview({ context: contextOf(session), answers });
    await feedback.saveAndComplete(session.id, session.ownerId, value, provider, clock(), requirementsOf(session, state.exchanges));
  }

  return {
    /** Produces (or regenerates) the feedback once every main question is answered. */
    async complete(sessionId: string, ownerId: string): Promise<void> {
      const session = await owned(sessionId, ownerId);
      if (session.status === 'draft') throw Errors.notStarted();
      const state = deriveInterviewState(session.status, await messages.listBySession(session.id, session.ownerId));
      if (session.status === 'in_progress' && state.phase !== 'ready_to_finish') {
        if (state.phase === 'preparing') throw Errors.questionPending();
        if (state.current?.kind === 'follow_up') throw Errors.followUpPending();
        throw Errors.notAllAnswered(state.answeredCount, MAIN_QUESTION_COUNT);
      }
      const inFlight = completing.get(session.id);
      if (inFlight) return inFlight;
      const run = writeFeedback(session).finally(() => completing.delete(session.id));
      completing.set(session.id, run);
      return run;
    },

    /** True while this interview's feedback is being written (a Finish is in flight). */
    async isWriting(sessionId: string, ownerId: string): Promise<boolean> {
      return completing.has((await owned(sessionId, ownerId)).id);
    },

    async get(sessionId: string, ownerId: string): Promise<FeedbackView> {
      const session = await owned(sessionId, ownerId);
      const row = await feedback.findBySession(session.id, session.ownerId);
      if (!row) throw Errors.feedbackNotReady();
      const state = deriveInterviewState(session.status, await messages.listBySession(session.id, session.ownerId));
      // Feedback written before the map existed gets it computed on read (not stored: reading changes nothing).
      const requirements = Array.isArray(row.requirements) ? row.requirements : requirementsOf(session, state.exchanges);
      const summaryTips = Array.isArray(row.summary.cvTips) ? row.summary.cvTips : [];
      return {
        session,
        feedback: row,
        answers: answeredQuestions(state.exchanges),
        spoken: spokenAnswers(state.exchanges),
        requirements,
        cvTips: summaryTips.map((tip) => ({ ...tip, requirement: requirementForTip(tip, requirements) ?? null })),
        exchanges: state.exchanges,
        retries: (await retries?.summaries(session.id, session.ownerId)) ?? [],
      };
    },
  };
}
