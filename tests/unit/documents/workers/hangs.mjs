// Test worker: never replies (an endless parse).
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', () => {
  setInterval(() => undefined, 1000);
});
