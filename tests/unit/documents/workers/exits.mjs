// Test worker: exits without replying.
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', () => process.exit(3));
