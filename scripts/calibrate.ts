/**
 * `npm run calibrate`: scores the calibration pairs (tests/calibration/pairs.ts) with the
 * offline interviewer and prints, for each pair, the expected band, the score, the band it
 * landed in and whether it agrees, then the exact and band-or-adjacent agreement rates.
 * Exits non-zero when any answer lands further than one band from where it belongs.
 */
import { formatReport, runCalibration } from '../tests/calibration/run-calibration.js';

const report = await runCalibration();
console.log(formatReport(report));
process.exitCode = report.results.some((r) => r.distance > 1) ? 1 : 0;
