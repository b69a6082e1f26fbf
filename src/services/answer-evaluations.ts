/**
 * Evaluating answers beside the interview, not in its way. The candidate waits for one model
 * call per answer — the interviewer's turn (interview-service.ts) — while the full evaluation
 * (rubric, quotes, summary, key points) runs in the background. Feedback waits for every
 * evaluation (`settle`), and anything cut short by a crash is simply evaluated then: an answer
 * without an evaluation is the only record needed.
 */
import { messageOf } from '../errors.js';
import type { AiClient } from '../ai/ai-client.js';
import type { CoverageScorer } from '../coverage/index.js';
import type { MessagesRepository } from '../repositories/messages-repository.js';
import type { SessionRow, SessionsRepository } from '../repositories/sessions-repository.js';
import { contextOf, questionOf } from '../interview/context.js';
import type { Exchange } from '../interview/state.js';
import { createInFlight, scoreAnswer } from './answer-scoring.js';


export interface AnswerEvaluationsDeps {
  messages: Pick<MessagesRepository, 'setFirstEvaluation'>;
  /** Who owns a session now (a guest who signs in meanwhile takes the interview into the account). */
  sessions: Pick<SessionsRepository, 'ownerOf'>;
  ai: Pick<AiClient, 'evaluateAnswer'>;
  coverage: Pick<CoverageScorer, 'score'>;
  log?: { warn(obj: object, msg: string): void };
}

export type AnswerEvaluations = ReturnType<typeof createAnswerEvaluations>;

/** Answers in `all` to other questions than `exchange`'s, oldest first. */
const earlierOf = (all: readonly Exchange[], exchange: Exchange) =>
  all.flatMap((e) => (e.question.id !== exchange.question.id && e.answer ? [{ questionNumber: e.question.questionNumber, text: e.answer.content }] : []));

export function createAnswerEvaluations({ messages, sessions, ai, coverage, log }: AnswerEvaluationsDeps) {
  /** Evaluations in flight in this process, by answer id. */
  const running = createInFlight<void>();

  async function evaluate(session: SessionRow, { question, answer }: Exchange, earlierAnswers: { questionNumber: number; text: string }[]): Promise<void> {
    if (!answer) return;
    const keyPoints = question.keyPoints ?? [];
    const scored = await scoreAnswer(
      { ai, coverage },
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
    // Stored under the interview's owner as it is now: an evaluation that outlived a guest's
    // sign-in still lands (and is not run again at feedback time); a deleted interview takes none.
    const ownerId = await sessions.ownerOf(session.id);
    if (ownerId) await messages.setFirstEvaluation(answer.id, ownerId, { evaluation: scored.value, provider: scored.provider, coverage: scored.coverage });
  }

  /** The evaluation of one answer: the one in flight, or a new one. */
  const evaluationOf = (session: SessionRow, exchange: Exchange, earlierAnswers: { questionNumber: number; text: string }[]): Promise<void> =>
    running.run(exchange.answer!.id, () => evaluate(session, exchange, earlierAnswers));

  return {
    /**
     * Starts evaluating every answer in `pending` that is not being evaluated yet; returns at
     * once. `all`: the interview's exchanges, so an answer repeated from another question is
     * recognised.
     */
    start(session: SessionRow, pending: readonly Exchange[], all: readonly Exchange[] = pending): void {
      for (const exchange of pending) {
        evaluationOf(session, exchange, earlierOf(all, exchange)).catch((error: unknown) =>
          log?.warn({ sessionId: session.id, reason: messageOf(error) }, 'background evaluation failed; it is retried when feedback is written'),
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
    inFlight: (): Promise<void>[] => running.all(),
  };
}
