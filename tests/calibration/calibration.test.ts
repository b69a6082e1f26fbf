/**
 * Calibration of the offline interviewer (issue 4, scope item 9): every pair in
 * tests/calibration/pairs.ts is scored through the app's AI client (offline provider, schema
 * check, guards) and compared with the band a fair interviewer would give it.
 *
 * Floors asserted here, measured when the suite was written (`npm run calibrate` prints them):
 * - every answer in its band or an adjacent one (measured 100%);
 * - exact band on at least 80% of all pairs (measured 85.1%: 88.7% on the 62 tuning pairs,
 *   66.7% on the 12 holdout pairs written after tuning);
 * - exact band on at least half the holdout pairs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BAND_RANGE, BANDS, PAIRS, type Band } from './pairs.js';
import { formatReport, runCalibration, type CalibrationReport, type ScoredPair } from './run-calibration.js';
import { ROLES } from './contexts.js';

const EXACT_FLOOR = 0.8;
const HOLDOUT_EXACT_FLOOR = 0.5;

let report: CalibrationReport;
const byId = (id: string): ScoredPair => {
  const found = report.results.find((r) => r.pair.id === id);
  if (!found) throw new Error(`no calibration pair "${id}"`);
  return found;
};

beforeAll(async () => {
  report = await runCalibration();
  console.log(formatReport(report));
});

describe('calibration fixtures', () => {
  it('has at least 40 pairs with unique ids, spread over bands, kinds and roles', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PAIRS.map((p) => p.id)).size).toBe(PAIRS.length);
    for (const band of BANDS) expect(PAIRS.filter((p) => p.band === band).length, band).toBeGreaterThanOrEqual(6);
    const kinds = new Set(PAIRS.map((p) => p.question.kind));
    for (const kind of ['behavioral', 'skill', 'technical', 'gap', 'opener', 'motivation', 'closing'] as const) expect(kinds.has(kind), kind).toBe(true);
    expect(new Set(PAIRS.map((p) => p.question.role))).toEqual(new Set(ROLES));
    for (const p of PAIRS) {
      expect(p.question.keyPoints.length, p.id).toBeGreaterThanOrEqual(3);
      expect(p.question.keyPoints.length, p.id).toBeLessThanOrEqual(5);
      expect(p.note.length, p.id).toBeGreaterThan(0);
    }
  });

  it('includes every kind of adversarial answer the issue names', () => {
    const kinds = new Set(PAIRS.map((p) => p.adversarial));
    for (const k of ['keyword_stuffing', 'rambling', 'off_topic', 'grader_instruction', 'question_echo', 'one_word', 'plain_words'] as const) {
      expect(kinds.has(k), k).toBe(true);
    }
  });
});

describe('offline interviewer calibration', () => {
  it('puts every answer in its band or an adjacent one', () => {
    const far = report.results.filter((r) => r.distance > 1).map((r) => `${r.pair.id}: expected ${r.pair.band}, scored ${r.score}`);
    expect(far).toEqual([]);
  });

  it('ranks the bands in order: mean score strictly increases from hopeless to excellent', () => {
    const means = BANDS.map((b) => report.meanByBand[b]);
    for (let i = 1; i < means.length; i++) {
      expect(means[i], `${BANDS[i]} (${means[i]}) vs ${BANDS[i - 1]} (${means[i - 1]})`).toBeGreaterThan(means[i - 1]!);
    }
  });

  it('scores every keyword-stuffed answer below the genuine answer to the same question, and at most weak', () => {
    const stuffed = report.results.filter((r) => r.pair.adversarial === 'keyword_stuffing');
    expect(stuffed.length).toBeGreaterThanOrEqual(3);
    for (const s of stuffed) {
      const genuine = byId(s.pair.genuine ?? '');
      expect(genuine.pair.question, `${s.pair.id} is paired with an answer to another question`).toBe(s.pair.question);
      expect(s.score, `${s.pair.id} (${s.score}) vs ${genuine.pair.id} (${genuine.score})`).toBeLessThan(genuine.score);
      expect(s.score, s.pair.id).toBeLessThanOrEqual(BAND_RANGE.weak[1]);
    }
  });

  it('never lets an instruction to the grader lift an answer above its band', () => {
    const instructed = report.results.filter((r) => r.pair.adversarial === 'grader_instruction');
    expect(instructed.length).toBeGreaterThanOrEqual(2);
    for (const r of instructed) {
      expect(r.score, r.pair.id).toBeLessThanOrEqual(BAND_RANGE[r.pair.band][1]);
      expect(r.evaluation.weaknesses[0]?.point, r.pair.id).toMatch(/instruct the grader/);
    }
  });

  it('caps the other adversarial answers at weak, except plain-spoken strong ones, which stay strong', () => {
    for (const r of report.results) {
      if (r.pair.adversarial === 'plain_words') expect(r.score, r.pair.id).toBeGreaterThanOrEqual(BAND_RANGE.strong[0]);
      else if (r.pair.adversarial) expect(r.score, r.pair.id).toBeLessThanOrEqual(BAND_RANGE.weak[1]);
    }
  });

  it(`agrees on the exact band for at least ${EXACT_FLOOR * 100}% of pairs and ${HOLDOUT_EXACT_FLOOR * 100}% of holdout pairs`, () => {
    console.log(
      `Calibration agreement: exact ${(report.exactRate * 100).toFixed(1)}%, band or adjacent ${(report.adjacentRate * 100).toFixed(1)}% ` +
        `(holdout: exact ${(report.holdout.exact * 100).toFixed(1)}% of ${report.holdout.n})`,
    );
    expect(report.holdout.n).toBeGreaterThanOrEqual(10);
    expect(report.exactRate).toBeGreaterThanOrEqual(EXACT_FLOOR);
    expect(report.holdout.exact).toBeGreaterThanOrEqual(HOLDOUT_EXACT_FLOOR);
  });

  it('explains low scores with the reason and asks for what was missing', () => {
    const lowBands: Band[] = ['hopeless', 'weak'];
    for (const r of report.results.filter((x) => lowBands.includes(x.pair.band) && x.score <= 4)) {
      expect(r.evaluation.weaknesses.length, r.pair.id).toBeGreaterThan(0);
      if (r.pair.question.kind !== 'closing') expect(r.evaluation.followUp, r.pair.id).not.toBeNull();
    }
  });
});
