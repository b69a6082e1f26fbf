/**
 * The interview itself: start, take answers, let the interviewer take its next step.
 *
 * Rule one: an answer is written to the database before any AI call that depends on it, so
 * a slow or failing provider (or a crash) never loses what the candidate wrote. The
 * interviewer's next step is then derived from the stored messages (see interview/state.ts), which
 * makes it resumable: whoever loads the interview next finishes a step that was cut short.
 *
 * Rule two: the candidate waits for at most one model call per answer. After an answer the
 * interviewer takes one turn — it decides and asks its follow-up or the next question in a
 * single call, streamed — while the answer's full evaluation runs beside it
 * (answer-evaluations.ts). Steps run in the background of the request that started them: the
 * request waits a moment (`waitMs`) and then answers with whatever state there is, and the page
 * follows the rest (`follow`, streamed to the browser by routes/interview-events.ts).
 *
 * Rule three: one step at a time per interview, and only one taker. In this process, the
 * `running` map makes every request that finds the interview waiting for the interviewer share
 * one step. Across several app instances on one Postgres database (issue 16), an instance takes
 * the database's claim on the interview's step first (`stepLock`, a lease it renews while the
 * step runs); another instance that finds the step claimed does not ask the model too: it
 * waits, re-reading the interview, until the step is done — or until the claim has expired
 * (its holder died) and it can take the step over.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { CallOptions, CallProgress } from '../ai/ai-client.js';
import type { AiClient } from '../ai/ai-client.js';
import { MAIN_QUESTION_COUNT } from '../interview/definitions.js';
import { LEXICAL_SCORER, type CoverageScorer } from '../coverage/index.js';
import { Errors, isAppError, type AppError, messageOf } from '../errors.js';
import { mayFollowUp } from '../interview/adaptive.js';
import { requirementCoverage, uncoveredRequirements } from '../intelligence/requirements.js';
import type { AdaptiveDecision } from '../intelligence/types.js';
import type { RecordingStore } from '../speech/index.js';
import type { InterviewStepClaimsRepository } from '../repositories/interview-step-claims-repository.js';
import type { MessageRow, MessagesRepository, NewMessage } from '../repositories/messages-repository.js';
import type { SessionRow, SessionsRepository } from '../repositories/sessions-repository.js';
import { createAnswerEvaluations, type AnswerEvaluations } from './answer-evaluations.js';
import { askedQuestions, contextOf, questionOf } from '../interview/context.js';
import type { QuestionText } from '../interview/definitions.js';
import { deriveInterviewState, levelOf, type Exchange, type InterviewState } from '../interview/state.js';
import { questionDetails } from '../interview/enrichment.js';
import { cleanAnswer } from '../interview/answer-text.js';

export interface InterviewServiceDeps {
  sessions: SessionsRepository;
  messages: MessagesRepository;
  ai: AiClient;
  clock: () => Date;
  answerMaxChars: number;
  /** Finished voice recordings, whose delivery metrics a spoken answer carries. */
  recordings?: Pick<RecordingStore, 'claim' | 'delete'>;
  /** Compares answers with their question's key points (default: the lexical method alone). */
  coverage?: Pick<CoverageScorer, 'score'>;
  /** Background evaluations (shared with the feedback service); built here when not given. */
  evaluations?: AnswerEvaluations;
  log?: { warn(obj: object, msg: string): void };
  /**
   * Several instances on one database (Postgres): the claims that let one instance at a time
   * take an interview's next step. Not given on SQLite (see `kick`).
   */
  stepLock?: StepLock;
}

export interface StepLock {
  claims: InterviewStepClaimsRepository;
  /** This app instance, as the claims name it (random at every start). */
  holder: string;
  /** How long a claim lasts unless renewed (INTERVIEW_STEP_LEASE_SECONDS); renewed every third of it. */
  leaseMs: number;
}

/** How often an instance waiting for another's step reads the interview again. */
const POLL_MS = 400;

/** Resolves after `ms`, or at once when `signal` aborts (shutdown): the abort is not an error here. */
const pause = (ms: number, signal: AbortSignal): Promise<void> => delay(ms, undefined, { signal }).catch(() => {});

/** The answers given before (to other questions than `questionId`), oldest first. */
function earlierAnswersOf(exchanges: readonly Exchange[], questionId: string): { questionNumber: number; text: string }[] {
  return exchanges.flatMap((e) => (e.question.id !== questionId && e.answer ? [{ questionNumber: e.question.questionNumber, text: e.answer.content }] : []));
}

/** Job requirements no answer (main or follow-up) has demonstrated yet. */
function uncoveredSoFar(session: SessionRow, exchanges: readonly Exchange[]): string[] {
  const answers = exchanges.flatMap((e) => (e.answer ? [{ questionNumber: e.question.questionNumber, text: e.answer.content }] : []));
  return uncoveredRequirements(requirementCoverage({ jobDescription: session.jobDescription, cvText: session.cvText ?? '', answers }));
}

export interface AnswerInput {
  answer: string;
  /**
   * The id of the question the form was showing. Required: an answer applies to the question
   * the candidate saw, never to whatever is current when it arrives (fifty copies of one form
   * must not answer a whole interview), and it lets a double submit be recognised.
   */
  questionId: string | undefined;
  /** The voice recording this answer was spoken in, if it was (see src/speech/recordings.ts). */
  recordingId?: string | null | undefined;
}

/** How long a request waits for the interviewer before answering with the state as it is. */
export interface WaitOptions {
  /** Default: until the step is done. */
  waitMs?: number;
}

/** What someone following a step in progress hears. */
export type StepEvent = CallProgress | { type: 'done'; state: InterviewState } | { type: 'failed'; error: AppError };

interface StepProgress {
  listeners: Set<(event: StepEvent) => void>;
  /** The latest events, replayed to someone who starts following late. */
  latestProvider: CallProgress | null;
  latestText: string;
  /** Called once the model call is asked for (or there is none to ask for here): see `underway`. */
  begun: () => void;
}

interface RunningStep extends StepProgress {
  /**
   * Settles once the step has asked for its model call, or knows it will not (another instance
   * holds it, or it ended). The answer's evaluation starts after it, so the turn the candidate
   * waits for is asked for first — on Postgres the claim takes a round trip before that.
   */
  underway: Promise<void>;
  /** Settles with the state once the interviewer waits for the candidate again. */
  done: Promise<InterviewState>;
}

const toAppError = (error: unknown): AppError => (isAppError(error) ? error : Errors.aiUnavailable());

export type InterviewService = ReturnType<typeof createInterviewService>;

export function createInterviewService(deps: InterviewServiceDeps) {
  const { sessions, messages, ai, clock, answerMaxChars, recordings, log } = deps;
  const coverage = deps.coverage ?? LEXICAL_SCORER;
  const evaluations = deps.evaluations ?? createAnswerEvaluations({ messages, sessions, ai, coverage, ...(log ? { log } : {}) });
  /** One running step per interview in this process; across instances, `stepLock`'s claims. */
  const running = new Map<string, RunningStep>();
  /** Claims being released (Postgres), by interview. */
  const releasing = new Map<string, Promise<void>>();
  /**
   * Ends waits for another instance's step when the app shuts down (`drain`): nothing of ours
   * to finish there. Replaced at every drain, so waits that begin after one are not cut short.
   */
  let stopping = new AbortController();

  const stateOf = async (session: SessionRow) => deriveInterviewState(session.status, await messages.listBySession(session.id, session.ownerId));


  const owned = (sessionId: string, ownerId: string): Promise<SessionRow> => sessions.requireOwned(sessionId, ownerId);

  /**
   * The session as it is now, for work that outlives the request that authorised it: a guest
   * who signs in meanwhile takes the interview into their account (the work follows it); a
   * deleted interview ends the work with 404.
   */
  async function current(session: SessionRow): Promise<SessionRow> {
    // Two reads: a sign-in can move the interview to the account between them, so a miss is
    // looked up once more under the owner it has then.
    for (let attempt = 0; attempt < 2; attempt++) {
      const ownerId = await sessions.ownerOf(session.id);
      if (!ownerId) break;
      const now = await sessions.findOwned(session.id, ownerId);
      if (now) return now;
    }
    throw Errors.sessionNotFound();
  }

  function questionMessage(session: SessionRow, questionNumber: number, question: QuestionText, provider: string, details: ReturnType<typeof questionDetails>): NewMessage {
    return {
      sessionId: session.id,
      ownerId: session.ownerId,
      kind: 'question',
      questionNumber,
      content: question.text,
      questionKind: question.kind,
      focus: question.focus,
      provider,
      ...details,
    };
  }

  /** A follow-up to `question`; it is judged on the key points the first answer missed. */
  function followUpMessage(session: SessionRow, question: Exchange['question'], text: string, missed: readonly string[], provider: string): NewMessage {
    return {
      sessionId: session.id,
      ownerId: session.ownerId,
      kind: 'follow_up',
      questionNumber: question.questionNumber,
      content: text,
      questionKind: 'follow_up',
      focus: question.focus,
      provider,
      difficulty: question.difficulty,
      competency: question.competency,
      keyPoints: missed.length > 0 ? [...missed] : question.keyPoints,
    };
  }

  /** Performs one pending step of the interviewer. */
  async function takeStep(session: SessionRow, state: InterviewState, options: CallOptions): Promise<void> {
    const step = state.nextStep!;
    const context = contextOf(session);
    switch (step.type) {
      case 'ask_first':
      case 'ask_next': {
        // The first question, or one whose turn stored a decision without it (older rows).
        const questionNumber = step.type === 'ask_first' ? 1 : step.questionNumber;
        const level = levelOf({ exchanges: state.exchanges }, session);
        const { value, provider } = await ai.planQuestion(
          {
            context,
            questionNumber,
            previous: askedQuestions(state.exchanges),
            level,
            uncoveredRequirements: uncoveredSoFar(session, state.exchanges),
            focusCompetencies: session.focusCompetencies ?? [],
          },
          options,
        );
        await messages.append(questionMessage(await current(session), questionNumber, value, provider, questionDetails(value, level)));
        return;
      }
      case 'turn': {
        const { question, answer } = step;
        const isFollowUp = question.kind === 'follow_up';
        const earlier = state.exchanges.filter((e) => e.question.id !== question.id);
        const level = levelOf({ current: question, exchanges: earlier }, session);
        const canFollowUp = mayFollowUp({ isFollowUp, kind: question.questionKind });
        const next = question.questionNumber < MAIN_QUESTION_COUNT ? { questionNumber: question.questionNumber + 1 } : null;
        if (!canFollowUp && !next) {
          // The answer to the last question: nothing to decide, no one to wait for.
          const decision: AdaptiveDecision = { action: 'move_on', reason: 'That was the last question.', level, nextLevel: level };
          await messages.recordTurn({ answerId: answer.id, ownerId: (await current(session)).ownerId, decision });
          return;
        }
        const { value: turn, provider } = await ai.nextTurn(
          {
            context,
            answered: {
              questionNumber: question.questionNumber,
              question: questionOf(question),
              keyPoints: question.keyPoints ?? [],
              level,
              answer: answer.content,
              isFollowUp,
              canFollowUp,
              // So an answer pasted again for another question is recognised.
              earlierAnswers: earlierAnswersOf(state.exchanges, question.id),
            },
            previous: askedQuestions(state.exchanges),
            next,
            uncoveredRequirements: uncoveredSoFar(session, state.exchanges),
            focusCompetencies: session.focusCompetencies ?? [],
          },
          options,
        );
        const now = await current(session);
        const { decision } = turn;
        const nextMessage =
          decision.action === 'follow_up' && decision.followUp
            ? followUpMessage(now, question, decision.followUp, decision.missedPoints ?? [], provider)
            : turn.question && next
              ? questionMessage(now, next.questionNumber, turn.question, provider, questionDetails(turn.question, decision.nextLevel))
              : null;
        await messages.recordTurn({
          answerId: answer.id,
          ownerId: now.ownerId,
          decision,
          evaluation: turn.evaluation ? { evaluation: turn.evaluation, provider, coverage: turn.coverage ?? null } : null,
          next: nextMessage,
        });
        return;
      }
      case 'ask_follow_up': {
        const { question, answer } = step;
        await messages.append(followUpMessage(await current(session), question, step.text, answer.decision?.missedPoints ?? [], answer.provider ?? 'offline'));
      }
    }
  }

  /** Runs pending steps until the interview waits for the candidate (or is ready to finish). */
  async function runSteps(session: SessionRow, step: StepProgress, known?: InterviewState): Promise<InterviewState> {
    const emit = (event: StepEvent) => {
      if (event.type === 'provider') step.latestProvider = event;
      if (event.type === 'text') step.latestText = event.text;
      for (const listener of step.listeners) listener(event);
    };
    let live = session;
    let state = known ?? (await stateOf(live));
    // Each step moves the conversation forward by one message or one decision, so the loop
    // ends; the bound only guards against a bug turning into a spin.
    for (let i = 0; state.phase === 'preparing' && i < 4; i++) {
      const taking = takeStep(live, state, { onProgress: emit });
      step.begun();
      await taking;
      live = await current(live);
      state = await stateOf(live);
    }
    evaluations.start(live, state.unevaluated, state.exchanges);
    return state;
  }

  /**
   * Runs the pending steps under this instance's claim on them (Postgres, several instances), or
   * waits for the instance holding it: re-reads the interview every POLL_MS until its step is
   * done there (that state is returned; the model is not asked here) or the claim can be taken
   * (released by a step that failed there, or expired: its holder died). The claim is renewed
   * while the steps run and released after, failed or not. The lease is measured in real time,
   * like the timers renewing it, not by the app's clock (which tests may set).
   */
  async function claimedSteps(lock: StepLock, session: SessionRow, progress: StepProgress): Promise<InterviewState> {
    const { claims, holder, leaseMs } = lock;
    const { signal } = stopping;
    // The previous step's release, if it is still on its way: claiming before it lands would
    // let it delete this step's claim (both are this instance's).
    await releasing.get(session.id);
    for (;;) {
      if (await claims.claim(session.id, holder, new Date(), leaseMs)) {
        const renewal = setInterval(() => {
          claims.renew(session.id, holder, new Date(), leaseMs).then(
            (held) => {
              // Stalled past the lease and taken over: the unique indexes keep one result.
              if (!held) log?.warn({ sessionId: session.id }, 'interviewer step: another instance took over this step (the lease ran out)');
            },
            (error: unknown) => log?.warn({ sessionId: session.id, reason: messageOf(error) }, 'interviewer step: the claim could not be renewed'),
          );
        }, Math.max(1, Math.floor(leaseMs / 3)));
        renewal.unref();
        try {
          // The state is read afresh under the claim: another instance may have taken the step
          // since the caller read it (its `known` state), and that step must not be taken again.
          return await runSteps(session, progress);
        } finally {
          clearInterval(renewal);
          // Released after the step has answered (the candidate does not wait for it); the next
          // step of this interview here waits for it, `drain` too.
          const released: Promise<void> = claims.release(session.id, holder).then(
            () => {},
            (error: unknown) => {
              // It expires by itself: another instance waits at most one lease.
              log?.warn({ sessionId: session.id, reason: messageOf(error) }, 'interviewer step: the claim could not be released');
            },
          );
          releasing.set(session.id, released);
          void released.then(() => {
            if (releasing.get(session.id) === released) releasing.delete(session.id);
          });
        }
      }
      progress.begun();
      await pause(POLL_MS, signal);
      const state = await stateOf(await current(session));
      // Done on the other instance (its evaluations run there), or this one is shutting down.
      if (state.phase !== 'preparing' || signal.aborted) return state;
    }
  }

  /**
   * The step running for this interview, or a new one if it is waiting for the interviewer.
   * On SQLite there is no database claim: one process serves a SQLite file (several processes
   * on one file are not supported), so the `running` map already admits one step per
   * interview, and a claim would add two writes to every answer — the hot path — for nothing.
   */
  function kick(session: SessionRow, known?: InterviewState): RunningStep {
    const existing = running.get(session.id);
    if (existing) return existing;
    let begun!: () => void;
    const underway = new Promise<void>((resolve) => (begun = resolve));
    const progress: StepProgress = { listeners: new Set(), latestProvider: null, latestText: '', begun };
    const done = deps.stepLock ? claimedSteps(deps.stepLock, session, progress) : runSteps(session, progress, known);
    const step: RunningStep = Object.assign(progress, { done, underway });
    running.set(session.id, step);
    step.done.then(
      (state) => {
        begun();
        running.delete(session.id);
        for (const listener of step.listeners) listener({ type: 'done', state });
      },
      (error: unknown) => {
        begun();
        running.delete(session.id);
        const appError = toAppError(error);
        if (!isAppError(error)) log?.warn({ sessionId: session.id, reason: messageOf(error) }, 'interviewer step failed');
        for (const listener of step.listeners) listener({ type: 'failed', error: appError });
      },
    );
    return step;
  }

  /**
   * Waits up to `waitMs` for the interviewer, then answers with the state as it is. A failure
   * within the wait is thrown (the answer that led to it is stored); a later one reaches those
   * following the step. `known`: the state as the caller has it (read and folded in this request).
   */
  async function settle(session: SessionRow, { waitMs = Infinity }: WaitOptions, known?: InterviewState): Promise<{ session: SessionRow; state: InterviewState }> {
    const state = known ?? (await stateOf(session));
    if (state.phase !== 'preparing') {
      evaluations.start(session, state.unevaluated, state.exchanges);
      return { session, state };
    }
    // A state read here (not handed in) is passed on only when it was read without an await
    // since: otherwise a step that ended meanwhile would be taken again from the old state, so
    // the step reads it afresh once it holds the interview's slot.
    const step = kick(session, known);
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      step.done,
      ...(Number.isFinite(waitMs) ? [new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)))] : []),
    ]).finally(() => clearTimeout(timer));
    if (waited) return { session: await current(session), state: waited };
    // Still working: the state as it was, which the step changes only when it is done.
    return { session, state: known ?? (await stateOf(session)) };
  }

  return {
    /** Current state as stored, without taking any step (used to show an error in context). */
    async peek(sessionId: string, ownerId: string): Promise<{ session: SessionRow; state: InterviewState }> {
      const session = await owned(sessionId, ownerId);
      return { session, state: await stateOf(session) };
    },

    /** Current state; finishes any step left undone (e.g. by a crash), waiting up to `waitMs` for it. */
    async resume(sessionId: string, ownerId: string, options: WaitOptions = {}): Promise<{ session: SessionRow; state: InterviewState }> {
      return settle(await owned(sessionId, ownerId), options);
    },

    /** Asks the first question. Needs a CV and a job description; refuses a second start. */
    async start(sessionId: string, ownerId: string, options: WaitOptions = {}): Promise<{ session: SessionRow; state: InterviewState }> {
      const session = await owned(sessionId, ownerId);
      if (session.status !== 'draft') throw Errors.alreadyStarted();
      const missing = [!session.cvText && 'your CV', !session.jobDescription.trim() && 'the job description'].filter(Boolean);
      if (missing.length > 0) throw Errors.notReadyToStart(missing.join(' and '));
      if (!(await sessions.markStarted(session.id, ownerId, clock()))) throw Errors.alreadyStarted();
      return settle(await owned(sessionId, ownerId), options);
    },

    /**
     * Stores the answer first, then lets the interviewer take its turn (waiting up to `waitMs`).
     * `recordingExpired`: the answer named a recording that is no longer held (expired, or
     * pushed out by the visitor's own newer ones), so it was stored without delivery metrics.
     */
    async answer(
      sessionId: string,
      ownerId: string,
      input: AnswerInput,
      options: WaitOptions = {},
    ): Promise<{ session: SessionRow; state: InterviewState; recordingExpired: boolean }> {
      const session = await owned(sessionId, ownerId);
      if (session.status === 'draft') throw Errors.notStarted();
      if (session.status === 'completed') throw Errors.interviewFinished();
      const text = cleanAnswer(input.answer, answerMaxChars);

      const rows = await messages.listBySession(session.id, session.ownerId);
      const state = deriveInterviewState(session.status, rows);
      const answered = input.questionId ? state.exchanges.find((e) => e.question.id === input.questionId)?.answer : undefined;
      // The same text again is a double submit; other text for an answered question was typed
      // in another tab and is handed back, not lost.
      if (answered) throw answered.content === text ? Errors.alreadyAnswered() : Errors.answeredElsewhere();
      if (state.phase === 'ready_to_finish') throw Errors.allAnswered();
      if (state.phase !== 'awaiting_answer' || !state.current) throw Errors.questionPending();
      if (!input.questionId) throw Errors.questionIdMissing();
      if (input.questionId !== state.current.id) throw Errors.alreadyAnswered();

      // Only a recording of this visitor, made for this interview, counts; any other id is ignored.
      // Claimed from this instance's memory or, when it ended on another instance, taken from
      // the database; given back if this answer is not stored after all.
      const claimed = input.recordingId ? ((await recordings?.claim(input.recordingId, sessionId, ownerId)) ?? null) : null;
      const speechMetrics = claimed?.summary ?? null;
      let stored: MessageRow | null;
      try {
        stored = await messages.append({
          sessionId: session.id,
          ownerId: session.ownerId,
          kind: 'answer',
          questionNumber: state.current.questionNumber,
          replyTo: state.current.id,
          content: text,
          speechMetrics,
        });
      } catch (error) {
        await claimed?.release();
        throw error;
      }
      if (!stored) {
        await claimed?.release();
        // Another request stored an answer to this question first (two tabs, a double click).
        const winner = (await stateOf(session)).exchanges.find((e) => e.question.id === input.questionId)?.answer;
        throw winner && winner.content !== text ? Errors.answeredElsewhere() : Errors.alreadyAnswered();
      }
      // Its metrics now live with the answer; forgetting it means it can't be attached twice.
      if (speechMetrics) recordings?.delete(input.recordingId!);
      // The turn is asked for first (it takes the first free slot in the AI queue); the
      // evaluation starts beside it, and the candidate waits for the turn only.
      const recordingExpired = Boolean(input.recordingId) && !speechMetrics;
      // The interview is read once per answer: the stored answer is folded into that state.
      const turn = settle(session, options, deriveInterviewState(session.status, [...rows, stored]));
      // settle() has kicked the step before its first await: the evaluation waits until the
      // step's model call is asked for (at once on SQLite; after the claim on Postgres).
      const exchange = { question: state.current, answer: stored };
      const evaluate = () => evaluations.start(session, [exchange], state.exchanges);
      const step = running.get(session.id);
      if (step) void step.underway.then(evaluate);
      else evaluate();
      return { ...(await turn), recordingExpired };
    },

    /**
     * Follows the interviewer's work on this interview: `listener` hears which provider is
     * asked, the question as it is written, and finally `done` (the new state) or `failed`.
     * A step left undone is started. Returns the function that stops following.
     */
    async follow(sessionId: string, ownerId: string, listener: (event: StepEvent) => void): Promise<() => void> {
      const session = await owned(sessionId, ownerId);
      const state = await stateOf(session);
      if (state.phase !== 'preparing') {
        listener({ type: 'done', state });
        return () => {};
      }
      const step = kick(session);
      if (step.latestProvider) listener(step.latestProvider);
      if (step.latestText) listener({ type: 'text', text: step.latestText });
      step.listeners.add(listener);
      return () => step.listeners.delete(listener);
    },

    /** Evaluates every answer still without an evaluation and waits for them (feedback needs them all). */
    async settleEvaluations(session: SessionRow): Promise<void> {
      const state = await stateOf(session);
      return evaluations.settle(session, state.unevaluated, state.exchanges);
    },

    /** Work still running in the background (shutdown waits for it, within its grace period). */
    async drain(): Promise<void> {
      const stop = stopping;
      stopping = new AbortController();
      stop.abort();
      await Promise.allSettled([...[...running.values()].map((s) => s.done), ...evaluations.inFlight()]);
      await Promise.allSettled(releasing.values());
    },
  };
}
