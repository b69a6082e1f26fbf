import type { CalibrationPair } from './pairs.js';

export const HOLDOUT_PAIRS: readonly CalibrationPair[] = [];
