import { describe, expect, it } from 'vitest';
import { runWorkerOnce } from '../../../src/documents/worker-runner.js';

const worker = (name: string) => new URL(`./workers/${name}`, import.meta.url);

describe('runWorkerOnce', () => {
  it('resolves with the reply and transfers (detaches) the listed buffers', async () => {
    const data = new Uint8Array([1, 2, 3, 4, 5]).buffer;
    const outcome = await runWorkerOnce(worker('echo.mjs'), { note: 'hi', data }, { timeoutMs: 10_000, transferList: [data] });
    expect(outcome).toEqual({ status: 'message', message: { ok: true, echo: 'hi', byteLength: 5 } });
    expect(data.byteLength).toBe(0); // moved to the worker, not copied
  });

  it('reports an exception thrown inside the worker as a crash, not as an unhandled error', async () => {
    const outcome = await runWorkerOnce(worker('throws.mjs'), {}, { timeoutMs: 10_000 });
    expect(outcome.status).toBe('crashed');
    if (outcome.status !== 'crashed') return;
    expect(outcome.outOfMemory).toBe(false);
    expect(outcome.error.message).toContain('parser blew up');
  });

  it('reports a worker that exits without replying as a crash', async () => {
    const outcome = await runWorkerOnce(worker('exits.mjs'), {}, { timeoutMs: 10_000 });
    expect(outcome.status).toBe('crashed');
    if (outcome.status !== 'crashed') return;
    expect(outcome.error.message).toContain('exited with code 3');
  });

  it('times out and terminates a worker that never replies', async () => {
    const outcome = await runWorkerOnce(worker('hangs.mjs'), {}, { timeoutMs: 150 });
    expect(outcome).toEqual({ status: 'timeout' });
  });

  it('flags a worker that runs out of heap as out-of-memory', async () => {
    const outcome = await runWorkerOnce(worker('oom.mjs'), {}, {
      timeoutMs: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
    });
    expect(outcome.status).toBe('crashed');
    if (outcome.status !== 'crashed') return;
    expect(outcome.outOfMemory).toBe(true);
  });

  it('reports a missing worker script as a crash carrying the module error code', async () => {
    const outcome = await runWorkerOnce(worker('does-not-exist.mjs'), {}, { timeoutMs: 10_000 });
    expect(outcome.status).toBe('crashed');
    if (outcome.status !== 'crashed') return;
    expect(['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND']).toContain((outcome.error as NodeJS.ErrnoException).code);
  });
});
