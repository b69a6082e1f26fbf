// Test worker: allocates JS objects until it hits its heap limit.
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', () => {
  const hoard = [];
  for (;;) hoard.push({ a: new Array(1000).fill(hoard.length), s: `item-${hoard.length}` });
});
