/**
 * `npm run calibrate:train`: fits the offline interviewer's score model on the tuning
 * calibration answers and writes src/ai/offline/score-model-weights.ts. Run it after changing
 * the rubric's signals or the tuning pairs; the calibration test fails until the weights match.
 */
import { writeFileSync } from 'node:fs';
import { fitScoreModel, trainingSamples, weightsSource } from '../tests/calibration/train-score-model.js';

const samples = trainingSamples();
const path = new URL('../src/ai/offline/score-model-weights.ts', import.meta.url);
writeFileSync(path, weightsSource(fitScoreModel(samples)));
console.log(`Trained on ${samples.length} tuning answers; wrote ${path.pathname}`);
