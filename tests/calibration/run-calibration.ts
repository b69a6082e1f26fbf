/**
 * Scores every calibration pair with the offline interviewer through the same door the app
 * uses (createAiClient → offline provider → schema check → guards), and summarises how often
 * the score lands in the expected band. Shared by the calibration test and `npm run calibrate`.
 */
import { createAiClient, type AiLogger } from '../../src/ai/ai-client.js';
import { createOfflineProvider } from '../../src/ai/providers/offline.js';
import type { AnswerEvaluation } from '../../src/ai/schemas.js';
import type { EvaluateAnswerInput } from '../../src/ai/types.js';
import { CONTEXTS } from './contexts.js';
import { BANDS, bandOf, PAIRS, type Band, type CalibrationPair } from './pairs.js';

export interface ScoredPair {
  pair: CalibrationPair;
  evaluation: AnswerEvaluation;
  score: number;
  band: Band;
  /** 0 = exact band, 1 = adjacent band, … */
  distance: number;
}

export interface Agreement {
  n: number;
  /** Share of answers scored in exactly their expected band. */
  exact: number;
  /** Share scored in their band or an adjacent one. */
  adjacent: number;
}

export interface CalibrationReport {
  results: ScoredPair[];
  exactRate: number;
  adjacentRate: number;
  /** Agreement on the pairs the scorer was tuned against, and on the holdout pairs written after. */
  tuning: Agreement;
  holdout: Agreement;
  meanByBand: Record<Band, number>;
}

const quiet: AiLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** The evaluate-answer input the app would build for a pair (main question, key points attached). */
export function inputFor(pair: CalibrationPair): EvaluateAnswerInput {
  const { role, kind, focus, text, keyPoints } = pair.question;
  return {
    context: CONTEXTS[role],
    questionNumber: 3,
    question: { kind, focus, text },
    answer: pair.answer,
    isFollowUp: false,
    keyPoints: [...keyPoints],
    ...(pair.earlier ? { earlierAnswers: pair.earlier } : {}),
  };
}

const bandIndex = (b: Band) => BANDS.indexOf(b);

/** Scores all pairs (or the given ones) and computes agreement rates and per-band means. */
export async function runCalibration(pairs: readonly CalibrationPair[] = PAIRS): Promise<CalibrationReport> {
  const client = createAiClient({ providers: [createOfflineProvider()], logger: quiet });
  const results: ScoredPair[] = [];
  for (const pair of pairs) {
    const { value: evaluation } = await client.evaluateAnswer(inputFor(pair));
    const band = bandOf(evaluation.score);
    results.push({ pair, evaluation, score: evaluation.score, band, distance: Math.abs(bandIndex(band) - bandIndex(pair.band)) });
  }
  const share = (ok: (r: ScoredPair) => boolean) => results.filter(ok).length / Math.max(1, results.length);
  const agreement = (subset: ScoredPair[]): Agreement => ({
    n: subset.length,
    exact: subset.filter((r) => r.distance === 0).length / Math.max(1, subset.length),
    adjacent: subset.filter((r) => r.distance <= 1).length / Math.max(1, subset.length),
  });
  const meanByBand = Object.fromEntries(
    BANDS.map((b) => {
      const scores = results.filter((r) => r.pair.band === b).map((r) => r.score);
      return [b, scores.length ? scores.reduce((s, n) => s + n, 0) / scores.length : Number.NaN];
    }),
  ) as Record<Band, number>;
  return {
    results,
    exactRate: share((r) => r.distance === 0),
    adjacentRate: share((r) => r.distance <= 1),
    tuning: agreement(results.filter((r) => !r.pair.holdout)),
    holdout: agreement(results.filter((r) => r.pair.holdout)),
    meanByBand,
  };
}

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** A plain-text table of the results and the agreement rates. */
export function formatReport(report: CalibrationReport): string {
  const idWidth = Math.max(...report.results.map((r) => r.pair.id.length), 4);
  const line = (cols: string[]) => cols.join('  ');
  const rows = report.results.map((r) =>
    line([
      `${r.pair.holdout ? 'H ' : '  '}${r.pair.id}`.padEnd(idWidth + 2),
      r.pair.band.padEnd(9),
      String(r.score).padStart(5),
      r.band.padEnd(9),
      r.distance === 0 ? '✓' : r.distance === 1 ? '~' : '✗',
    ]),
  );
  const n = report.results.length;
  const exact = report.results.filter((r) => r.distance === 0).length;
  const near = report.results.filter((r) => r.distance <= 1).length;
  return [
    line(['  pair'.padEnd(idWidth + 2), 'expected ', 'score', 'band     ', '']),
    ...rows,
    '',
    '✓ exact band · ~ adjacent band · ✗ further off · H holdout pair (written after tuning)',
    `Mean score per band: ${BANDS.map((b) => `${b} ${report.meanByBand[b].toFixed(2)}`).join(' · ')}`,
    `Tuning pairs (${report.tuning.n}): exact ${pct(report.tuning.exact)} · band or adjacent ${pct(report.tuning.adjacent)}`,
    `Holdout pairs (${report.holdout.n}): exact ${pct(report.holdout.exact)} · band or adjacent ${pct(report.holdout.adjacent)}`,
    `All pairs: exact band ${exact}/${n} (${pct(report.exactRate)}) · band or adjacent ${near}/${n} (${pct(report.adjacentRate)})`,
  ].join('\n');
}
