// Test worker: replies with what it received (and the size of a transferred buffer).
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', (request) => {
  parentPort?.postMessage({ ok: true, echo: request.note, byteLength: request.data?.byteLength ?? null });
});
