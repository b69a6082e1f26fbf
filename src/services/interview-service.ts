/**
 * The interview itself: start, take answers, let the interviewer take its next step.
 *
 * Rule one: an answer is written to the database before any AI call that depends on it, so
 * a slow or failing provider (or a crash) never loses what the candidate wrote. The
 * interviewer's next step is then derived from the stored messages (see interview-state), which
 * makes it resumable: whoever loads the interview next finishes a step that was cut short.
 */
import type { AiClient } from '../ai/ai-client.js';
import { LEXICAL_SCORER, type CoverageScorer } from '../coverage/index.js';
import { Errors } from '../errors.js';
import { decideAfterAnswer } from '../intelligence/adaptive.js';
import { startingLevel } from '../intelligence/difficulty.js';
import { requirementCoverage, uncoveredRequirements } from '../intelligence/requirements.js';
import type { Level } from '../intelligence/types.js';
import type { RecordingStore } from '../speech/index.js';
import type { MessagesRepository } from '../repositories/messages-repository.js';
import type { SessionRow, SessionsRepository } from '../repositories/sessions-repository.js';
import { askedQuestions, contextOf, questionOf } from './interview-context.js';
import { deriveInterviewState, nextLevelOf, type Exchange, type InterviewState } from './interview-state.js';
import { questionDetails } from './question-enrichment.js';
import { requireOwnedSession } from './owned-session.js';

export interface InterviewServiceDeps {
  sessions: SessionsRepository;
  messages: MessagesRepository;
  ai: AiClient;
  clock: () => Date;
  answerMaxChars: number;
  /** Finished voice recordings, whose delivery metrics a spoken answer carries. */
  recordings?: Pick<RecordingStore, 'summaryFor' | 'delete'>;
  /** Compares answers with their question's key points (default: the lexical method alone). */
  coverage?: Pick<CoverageScorer, 'score'>;
}

/** The level the next question is asked at: where the adaptive decisions left it, else where the interview starts. */
export function levelForNext(session: SessionRow, exchanges: readonly Exchange[]): Level {
  return nextLevelOf(exchanges) ?? startingLevel(session.difficulty, session.cvText, session).level;
}

/** Job requirements no answer (main or follow-up) has demonstrated yet. */
function uncoveredSoFar(session: SessionRow, exchanges: readonly Exchange[]): string[] {
  const answers = exchanges.flatMap((e) => (e.answer ? [{ questionNumber: e.question.questionNumber, text: e.answer.content }] : []));
  return uncoveredRequirements(requirementCoverage({ jobDescription: session.jobDescription, cvText: session.cvText ?? '', answers }));
}

export interface AnswerInput {
  answer: string;
  /** The id of the question the form was showing; lets a double submit be recognised. */
  questionId?: string | undefined;
  /** The voice recording this answer was spoken in, if it was (see src/speech/recordings.ts). */
  recordingId?: string | null | undefined;
}

export type InterviewService = ReturnType<typeof createInterviewService>;

export function createInterviewService({ sessions, messages, ai, clock, answerMaxChars, recordings, coverage = LEXICAL_SCORER }: InterviewServiceDeps) {
  /** One advance per session at a time in this process; the database's unique rules cover the rest. */
  const advancing = new Map<string, Promise<InterviewState>>();

  const stateOf = (session: SessionRow) => deriveInterviewState(session.status, messages.listBySession(session.id, session.ownerId));

  const owned = (sessionId: string, ownerId: string): SessionRow => requireOwnedSession(sessions, sessionId, ownerId);

  /** Performs one pending step of the interviewer (plan, evaluate, follow up). */
  async function takeStep(session: SessionRow, state: InterviewState): Promise<void> {
    const step = state.nextStep!;
    const context = contextOf(session);
    switch (step.type) {
      case 'ask_first':
      case 'ask_next': {
        const questionNumber = step.type === 'ask_first' ? 1 : step.questionNumber;
        const level = levelForNext(session, state.exchanges);
        const { value, provider } = await ai.planQuestion({
          context,
          questionNumber,
          previous: askedQuestions(state.exchanges),
          level,
          uncoveredRequirements: uncoveredSoFar(session, state.exchanges),
          focusCompetencies: session.focusCompetencies ?? [],
        });
        messages.append({
          sessionId: session.id,
          ownerId: session.ownerId,
          kind: 'question',
          questionNumber,
          content: value.text,
          questionKind: value.kind,
          focus: value.focus,
          provider,
          ...questionDetails(value, level),
        });
        return;
      }
      case 'evaluate': {
        const { question, answer } = step;
        const keyPoints = question.keyPoints ?? [];
        const isFollowUp = question.kind === 'follow_up';
        const [{ value, provider }, covered] = await Promise.all([
          ai.evaluateAnswer({
            context,
            questionNumber: question.questionNumber,
            question: questionOf(question),
            answer: answer.content,
            isFollowUp,
            ...(keyPoints.length > 0 ? { keyPoints } : {}),
            // So an answer pasted again for another question is recognised (issue 12).
            earlierAnswers: state.exchanges.flatMap((e) =>
              e.question.id !== question.id && e.answer ? [{ questionNumber: e.question.questionNumber, text: e.answer.content }] : [],
            ),
          }),
          keyPoints.length > 0 ? coverage.score(answer.content, keyPoints) : Promise.resolve(null),
        ]);
        const earlier = state.exchanges.filter((e) => e.question.id !== question.id);
        const decision = decideAfterAnswer({
          score: value.score,
          coverage: covered,
          level: question.difficulty ?? levelForNext(session, earlier),
          isFollowUp,
          questionKind: question.questionKind,
          providerFollowUp: value.followUp,
        });
        // One write: the evaluation never exists without its coverage and decision.
        messages.setEvaluation(answer.id, session.ownerId, value, provider, { coverage: covered, decision });
        return;
      }
      case 'ask_follow_up': {
        const { question, answer } = step;
        // The follow-up is judged on what the first answer missed.
        const missed = answer.decision?.missedPoints ?? [];
        messages.append({
          sessionId: session.id,
          ownerId: session.ownerId,
          kind: 'follow_up',
          questionNumber: question.questionNumber,
          content: step.text,
          questionKind: 'follow_up',
          focus: question.focus,
          provider: answer.provider,
          difficulty: question.difficulty,
          competency: question.competency,
          keyPoints: missed.length > 0 ? missed : question.keyPoints,
        });
      }
    }
  }

  /** Runs pending steps until the interview waits for the candidate (or is ready to finish). */
  function advance(session: SessionRow): Promise<InterviewState> {
    const running = advancing.get(session.id);
    if (running) return running;
    const run = (async () => {
      let state = stateOf(session);
      // Each step moves the conversation forward by one message or one evaluation, so the
      // loop ends; the bound only guards against a bug turning into a spin.
      for (let i = 0; state.phase === 'preparing' && i < 4; i++) {
        await takeStep(session, state);
        state = stateOf(session);
      }
      return state;
    })().finally(() => advancing.delete(session.id));
    advancing.set(session.id, run);
    return run;
  }

  return {
    /** Current state as stored, without taking any step (used to show an error in context). */
    peek(sessionId: string, ownerId: string): { session: SessionRow; state: InterviewState } {
      const session = owned(sessionId, ownerId);
      return { session, state: stateOf(session) };
    },

    /** Current state; finishes any step left undone (e.g. by a crash) before answering. */
    async resume(sessionId: string, ownerId: string): Promise<{ session: SessionRow; state: InterviewState }> {
      const session = owned(sessionId, ownerId);
      const state = stateOf(session);
      return { session, state: state.phase === 'preparing' ? await advance(session) : state };
    },

    /** Asks the first question. Needs a CV and a job description; refuses a second start. */
    async start(sessionId: string, ownerId: string): Promise<{ session: SessionRow; state: InterviewState }> {
      const session = owned(sessionId, ownerId);
      if (session.status !== 'draft') throw Errors.alreadyStarted();
      const missing = [!session.cvText && 'your CV', !session.jobDescription.trim() && 'the job description'].filter(Boolean);
      if (missing.length > 0) throw Errors.notReadyToStart(missing.join(' and '));
      if (!sessions.markStarted(session.id, ownerId, clock())) throw Errors.alreadyStarted();
      const started = owned(sessionId, ownerId);
      return { session: started, state: await advance(started) };
    },

    /** Stores the answer first, then lets the interviewer evaluate it and take its next step. */
    async answer(sessionId: string, ownerId: string, input: AnswerInput): Promise<{ session: SessionRow; state: InterviewState }> {
      const session = owned(sessionId, ownerId);
      if (session.status === 'draft') throw Errors.notStarted();
      if (session.status === 'completed') throw Errors.interviewFinished();
      const text = input.answer.replace(/\r\n?/g, '\n').trim();
      if (!text) throw Errors.emptyAnswer();
      if (text.length > answerMaxChars) throw Errors.answerTooLong(answerMaxChars);

      const state = stateOf(session);
      const answeredBefore = (id: string) => state.exchanges.some((e) => e.question.id === id && e.answer);
      if (input.questionId && answeredBefore(input.questionId)) throw Errors.alreadyAnswered();
      if (state.phase === 'ready_to_finish') throw Errors.allAnswered();
      if (state.phase !== 'awaiting_answer' || !state.current) throw Errors.questionPending();
      if (input.questionId && input.questionId !== state.current.id) throw Errors.alreadyAnswered();

      // Only a recording of this visitor, made for this interview, counts; any other id is ignored.
      const speechMetrics = input.recordingId ? (recordings?.summaryFor(input.recordingId, sessionId, ownerId) ?? null) : null;
      const stored = messages.append({
        sessionId: session.id,
        ownerId: session.ownerId,
        kind: 'answer',
        questionNumber: state.current.questionNumber,
        replyTo: state.current.id,
        content: text,
        speechMetrics,
      });
      if (!stored) throw Errors.alreadyAnswered();
      // Its metrics now live with the answer; forgetting it means it can't be attached twice.
      if (speechMetrics) recordings?.delete(input.recordingId!);
      return { session, state: await advance(session) };
    },
  };
}
