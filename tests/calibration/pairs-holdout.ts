/**
 * The holdout for issue 12: pairs written after the scorer was tuned on every other pair, and
 * never used to tune it. Their agreement rate is the honest estimate of how the offline
 * interviewer does on answers it has not seen.
 */
import type { CalibrationPair } from './pairs.js';

export const HOLDOUT_PAIRS: readonly CalibrationPair[] = [];
