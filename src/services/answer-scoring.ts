/**
 * Scoring one answer, shared by the interview's background evaluations (answer-evaluations.ts)
 * and retries (retry-service.ts): the AI client's evaluation plus the answer's key-point
 * coverage — a remote model's own judgement of the key points when it gave one, else measured
 * by the coverage scorer.
 */
import type { AiClient, CallOptions } from '../ai/ai-client.js';
import type { AnswerEvaluation, EvaluateAnswerInput } from '../ai/types.js';
import { alignQuote } from '../ai/quotes.js';
import type { CoverageScorer } from '../coverage/index.js';
import type { AnswerCoverage } from '../intelligence/types.js';

export interface ScoredAnswer {
  value: AnswerEvaluation;
  provider: string;
  coverage: AnswerCoverage | null;
}

/** A remote model's key-point judgement as stored coverage, in the question's key-point order. */
function coverageFromJudgement(keyPoints: readonly string[], judged: NonNullable<AnswerEvaluation['coveredKeyPoints']>, answer: string): AnswerCoverage {
  const norm = (s: string) => s.toLowerCase().replace(/\W+/g, ' ').trim();
  const points = keyPoints.map((point, i) => {
    const match = judged.find((j) => norm(j.point) === norm(point)) ?? judged[i];
    const covered = match?.covered === true;
    const evidence = covered && match?.quote ? (alignQuote(match.quote, answer) ?? '') : '';
    return { point, covered, similarity: covered ? 1 : 0, evidence };
  });
  return { method: 'model', points, coveredCount: points.filter((p) => p.covered).length };
}

/** Evaluates `input.answer` and measures its coverage of `input.keyPoints` (null when it has none). */
export async function scoreAnswer(
  { ai, coverage }: { ai: Pick<AiClient, 'evaluateAnswer'>; coverage: Pick<CoverageScorer, 'score'> },
  input: EvaluateAnswerInput,
  options?: CallOptions,
): Promise<ScoredAnswer> {
  const keyPoints = input.keyPoints ?? [];
  const { value, provider } = await ai.evaluateAnswer(input, options);
  const covered =
    keyPoints.length === 0
      ? null
      : value.coveredKeyPoints?.length
        ? coverageFromJudgement(keyPoints, value.coveredKeyPoints, input.answer)
        : await coverage.score(input.answer, keyPoints);
  return { value, provider, coverage: covered };
}

/**
 * Work in flight in this process, by key: a second request for the same work (a double submit,
 * the feedback page asking for an evaluation already running) waits for the first instead of
 * doing it twice.
 */
export function createInFlight<T>() {
  const running = new Map<string, Promise<T>>();
  return {
    run(key: string, work: () => Promise<T>): Promise<T> {
      const existing = running.get(key);
      if (existing) return existing;
      const started = work().finally(() => running.delete(key));
      running.set(key, started);
      return started;
    },
    all: (): Promise<T>[] => [...running.values()],
  };
}
