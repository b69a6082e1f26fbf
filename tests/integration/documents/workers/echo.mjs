// Test pool worker: replies with what it received (the size of a transferred buffer, its thread),
// asks to be recycled when the request says so, and never replies (an endless parse) when asked to hang.
import { threadId } from 'node:worker_threads';

export default function echo(request) {
  if (request.hang === true) for (;;);
  return { ok: true, echo: request.note, byteLength: request.data?.byteLength ?? null, threadId, recycle: request.recycle === true };
}
