// Test worker: an exception escapes after the request arrives (like a parser bug in a callback).
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', () => {
  setTimeout(() => {
    throw new TypeError('parser blew up');
  }, 0);
});
