/**
 * What the interview page and its fragments are rendered from, shared by the interview routes
 * and the event stream that follows the interviewer's work (interview-events.ts), plus the
 * sentences the page shows while the interviewer works.
 */
import type { FastifyInstance } from 'fastify';
import type { CallProgress } from '../ai/ai-client.js';
import type { AppError } from '../errors.js';
import type { AdaptiveDecision } from '../intelligence/types.js';
import type { SessionRow } from '../repositories/sessions-repository.js';
import { levelOf, type InterviewState } from '../interview/state.js';
import { providerLabel } from './labels.js';
import { sessionView, TOTAL_QUESTIONS } from './session-view.js';
import { voiceView } from './voice-view.js';

/**
 * How long a request waits for the interviewer before it answers with the page as it stands.
 * The offline interviewer is done long before; a model is not, and the page then shows its
 * progress and the question as it is written (the event stream) instead of a blank wait.
 */
export const STEP_GRACE_MS = 300;

/** The decision taken after the latest answer, shown above the question it led to. */
function latestDecision(state: InterviewState) {
  return state.exchanges.filter((e) => e.answer).at(-1)?.answer?.decision ?? null;
}

/** A reason that gives the candidate's score away ("You scored 4/10…", "covered 0 of 5 key points"). */
const MENTIONS_SCORE = /\b\d+\s*\/\s*10\b|\bscor(?:e|ed|es|ing)\b|\bkey points?\b|\bcovered \d/i;

/**
 * The line shown above the question a decision led to (#decision), or null when there is
 * nothing to say (moving on at the same level). Interviews do not score you out loud: unless
 * the candidate asked to see scores, the line is one short sentence in the interviewer's voice
 * — the model's own reason when it gives nothing away, otherwise a plain one for the action.
 */
export function decisionNote(decision: AdaptiveDecision | null, showScores: boolean): string | null {
  if (!decision || decision.action === 'move_on') return null;
  if (showScores) return decision.reason;
  const own = decision.reason.trim().match(/^.*?[.!?](?=\s|$)/)?.[0] ?? decision.reason.trim();
  const usable = own.length > 0 && own.length <= 160 && !MENTIONS_SCORE.test(own);
  switch (decision.action) {
    case 'follow_up':
      return usable ? own : 'Before we move on, I’d like to hear a little more about that.';
    case 'raise':
      return `Next, a harder question (${decision.nextLevel} level).`;
    case 'lower':
      return `Next, a question at the ${decision.nextLevel} level.`;
  }
}

/**
 * Where the interview stands, as both the page and the API's interview state show it: how many
 * main questions there are, the decision after the latest answer, and whether the offline
 * interviewer took over from a configured model for the question on screen.
 */
export function interviewStateFacts(state: InterviewState, remoteAi: boolean) {
  return {
    total: TOTAL_QUESTIONS,
    decision: latestDecision(state),
    tookOver: remoteAi && state.current?.provider === 'offline',
  };
}

/** The main question a follow-up belongs to (shown above it, so the thread is not lost). */
function mainQuestionOf(state: InterviewState): string | null {
  const current = state.current;
  if (!current || current.kind !== 'follow_up') return null;
  return state.exchanges.find((e) => e.question.kind === 'question' && e.question.questionNumber === current.questionNumber)?.question.content ?? null;
}

/** The latest answer's score, when the candidate asked to see scores during the interview (null until it is evaluated). */
function lastScoreOf(state: InterviewState): number | null {
  return state.exchanges.filter((e) => e.answer).at(-1)?.answer?.evaluation?.score ?? null;
}

export interface InterviewExtras {
  error?: AppError;
  answerDraft?: string;
  /** The AI queue is full: the page waits for room (and says so) instead of showing an error. */
  busy?: boolean;
  /** A notice for the page's message area, swapped in out of band by htmx (e.g. a recording that expired). */
  flash?: string;
  /** The candidate asked to see each answer's score during the interview (a preference; off by default). */
  showScores?: boolean;
}

export function interviewData(app: FastifyInstance, session: SessionRow, state: InterviewState, extra: InterviewExtras = {}) {
  const remoteAi = app.services.aiStatus().some((p) => p.remote);
  const last = state.exchanges.at(-1) ?? null;
  const showScores = extra.showScores ?? false;
  const { total, decision, tookOver } = interviewStateFacts(state, remoteAi);
  return {
    title: `${session.jobTitle} — interview`,
    session: sessionView(session),
    state,
    // The level the waiting (or next) question is asked at, and the decision that set it.
    level: levelOf(state, session),
    decision,
    // What the page says about it, and the main question above a follow-up.
    decisionText: decisionNote(decision, showScores),
    mainQuestion: mainQuestionOf(state),
    showScores,
    lastScore: showScores ? lastScoreOf(state) : null,
    total,
    answerMaxChars: app.config.answerMaxChars,
    // The recorder says once when captions are off (views/partials/_recorder.eta).
    transcriber: app.services.transcriber.status(),
    // Voice answers: consent, where audio goes, what is kept (views/partials/_recorder.eta).
    voice: voiceView(app, session),
    // The offline interviewer took over from a configured model for the question on screen.
    tookOver,
    // While the interviewer works: the exchange it is working on, and whether to follow it live
    // (not after a failure: the page then offers "Try again" instead of retrying by itself).
    lastExchange: state.phase === 'preparing' && last?.answer ? last : null,
    // The first line the page shows while it waits (the event stream updates it).
    waitingStatus: extra.busy
      ? stepStatus({ type: 'busy' }, !last?.answer)
      : last?.answer
        ? 'The interviewer is reading your answer…'
        : 'The interviewer is preparing your first question…',
    follow: state.phase === 'preparing' && !extra.error,
    // Without JavaScript the page reloads itself while the interviewer works.
    refreshSeconds: state.phase === 'preparing' && !extra.error ? 3 : null,
    ...extra,
  };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What the page says while the interviewer works, from what it is doing. */
export function stepStatus(event: CallProgress | { type: 'queued'; position: number } | { type: 'slow' } | { type: 'busy' }, firstQuestion: boolean): string | null {
  const reading = firstQuestion ? 'The interviewer is preparing your first question…' : 'The interviewer is reading your answer…';
  switch (event.type) {
    case 'provider':
      return event.remote ? reading : 'Rehearse’s built-in interviewer is writing the question…';
    case 'provider_failed':
      return event.outcome === 'skipped'
        ? null
        : `${capitalised(providerLabel(event.provider))} did not answer in time${event.outcome === 'timeout' || event.outcome === 'budget' ? '' : ` (${event.outcome.replace(/_/g, ' ')})`}, so the next interviewer is taking over…`;
    case 'queued':
      return `Many people are practising right now: you are number ${event.position} in the queue for the AI model. ${firstQuestion ? '' : 'Your answer is saved. '}`.trim();
    case 'slow':
      return 'The AI model is taking longer than usual. If it does not answer soon, Rehearse’s built-in interviewer takes over.';
    case 'busy':
      return `The AI model is busy with other candidates. ${firstQuestion ? '' : 'Your answer is saved; '}the interviewer will read it as soon as there is room…`;
    case 'text':
      return null;
  }
}
