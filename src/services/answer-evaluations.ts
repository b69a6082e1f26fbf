/**
 * Evaluating answers beside the interview, not in its way. The candidate waits for one model
 * call per answer — the interviewer's turn (interview-service.ts) — while the full evaluation
 * (rubric, quotes, summary, key points) runs in the background. Feedback waits for every
 * evaluation (`settle`), and anything cut short by a crash is simply evaluated then: an answer
 * without an evaluation is the only record needed.
 */
import type { AiClient } from '../ai/ai-client.js';
import type { AnswerEvaluation } from '../ai/types.js';
import { alignQuote } from '../ai/quotes.js';
import type { CoverageScorer } from '../coverage/index.js';
import type { AnswerCoverage } from '../intelligence/types.js';
import type { MessagesRepository } from '../repositories/messages-repository.js';
import type { SessionRow, SessionsRepository } from '../repositories/sessions-repository.js';
import { contextOf, questionOf } from './interview-context.js';
import type { Exchange } from './interview-state.js';

export interface AnswerEvaluationsDeps {
  messages: Pick<MessagesRepository, 'setFirstEvaluation'>;
  /** Who owns a session now (a guest who signs in meanwhile takes the interview into the account). */
  sessions: Pick<SessionsRepository, 'ownerOf'>;
  ai: Pick<AiClient, 'evaluateAnswer'>;
  coverage: Pick<CoverageScorer, 'score'>;
  log?: { warn(obj: object, msg: string): void };
}

export type AnswerEvaluations = ReturnType<typeof createAnswerEvaluations>;

/** A remote model's key-point judgement as stored coverage, in the question's key-point order. */
export function coverageFromJudgement(keyPoints: readonly string[], judged: NonNullable<AnswerEvaluation['coveredKeyPoints']>, answer: string): AnswerCoverage {
  const norm = (s: string) => s.toLowerCase().replace(/\W+/g, ' ').trim();
  const points = keyPoints.map((point, i) => {
    const match = judged.find((j) => norm(j.point) === norm(point)) ?? judged[i];
    const covered = match?.covered === true;
    const evidence = covered && match?.quote ? (alignQuote(match.quote, answer) ?? '') : '';
    return { point, covered, similarity: covered ? 1 : 0, evidence };
  });
  return { method: 'model', points, coveredCount: points.filter((p) => p.covered).length };
}

/** Answers in `all` to other questions than `exchange`'s, oldest first. */
const earlierOf = (all: readonly Exchange[], exchange: Exchange) =>
  all.flatMap((e) => (e.question.id !== exchange.question.id && e.answer ? [{ questionNumber: e.question.questionNumber, text: e.answer.content }] : []));

export function createAnswerEvaluations({ messages, sessions, ai, coverage, log }: AnswerEvaluationsDeps) {
  /** Evaluations in flight in this process, by answer id. */
  const running = new Map<string, Promise<void>>();

  async function evaluate(session: SessionRow, { question, answer }: Exchange, earlierAnswers: { questionNumber: number; text: string }[]): Promise<void> {
    if (!answer) return;
    const keyPoints = question.keyPoints ?? [];
    const { value, provider } = await ai.evaluateAnswer(
      {
        context: contextOf(session),
        questionNumber: question.questionNumber,
        question: questionOf(question),
        answer: answer.content,
        isFollowUp: question.kind === 'follow_up',
        ...(keyPoints.length > 0 ? { keyPoints } : {}),
        earlierAnswers,
      },
      { priority: 'background' },
    );
    // A remote model's own judgement of the key points wins; the offline evaluator's answers are measured.
    const covered =
      keyPoints.length === 0
        ? null
        : value.coveredKeyPoints?.length
          ? coverageFromJudgement(keyPoints, value.coveredKeyPoints, answer.content)
          : await coverage.score(answer.content, keyPoints);
    // Stored under the interview's owner as it is now: an evaluation that outlived a guest's
    // sign-in still lands (and is not run again at feedback time); a deleted interview takes none.
    const ownerId = sessions.ownerOf(session.id);
    if (ownerId) messages.setFirstEvaluation(answer.id, ownerId, { evaluation: value, provider, coverage: covered });
  }

  /** The evaluation of one answer: the one in flight, or a new one. */
  function evaluationOf(session: SessionRow, exchange: Exchange, earlierAnswers: { questionNumber: number; text: string }[]): Promise<void> {
    const id = exchange.answer!.id;
    const inFlight = running.get(id);
    if (inFlight) return inFlight;
    const run = evaluate(session, exchange, earlierAnswers).finally(() => running.delete(id));
    running.set(id, run);
    return run;
  }

  return {
    /**
     * Starts evaluating every answer in `pending` that is not being evaluated yet; returns at
     * once. `all`: the interview's exchanges, so an answer repeated from another question is
     * recognised.
     */
    start(session: SessionRow, pending: readonly Exchange[], all: readonly Exchange[] = pending): void {
      for (const exchange of pending) {
        evaluationOf(session, exchange, earlierOf(all, exchange)).catch((error: unknown) =>
          log?.warn({ sessionId: session.id, reason: (error as Error).message }, 'background evaluation failed; it is retried when feedback is written'),
        );
      }
    },

    /** Evaluates every answer in `pending` and waits for all of them (feedback needs them). */
    async settle(session: SessionRow, pending: readonly Exchange[], all: readonly Exchange[] = pending): Promise<void> {
      const results = await Promise.allSettled(pending.map((e) => evaluationOf(session, e, earlierOf(all, e))));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },

    /** Evaluations in flight (shutdown waits for them). */
    inFlight: (): Promise<void>[] => [...running.values()],
  };
}
