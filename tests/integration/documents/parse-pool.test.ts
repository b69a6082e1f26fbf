/**
 * The warm parsing pool (piscina) with stand-in workers: how each way a job can end is
 * reported (it never rejects), and that a thread is replaced after a crash, a deadline or a
 * recycle request while the pool keeps serving.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createParsePool, type ParsePool } from '../../../src/documents/parse-pool.js';

const worker = (name: string) => new URL(`./workers/${name}`, import.meta.url);
const job = (extra: Record<string, unknown> = {}) => ({ data: new ArrayBuffer(8), ...extra });

describe('parse pool', () => {
  let pool: ParsePool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });
  const make = (name: string, extra: Partial<Parameters<typeof createParsePool>[0]> = {}) =>
    (pool = createParsePool({ threads: 1, timeoutMs: 10_000, jobsPerThread: 100, recycleHeapMb: 512, workerUrl: worker(name), ...extra }));

  it('runs jobs on a warm thread, with the input transferred, and keeps using it', async () => {
    const p = make('echo.mjs');
    const data = new ArrayBuffer(1234);
    const first = await p.run({ data, note: 'hi' });
    expect(first).toMatchObject({ status: 'message', message: { ok: true, echo: 'hi', byteLength: 1234 } });
    expect(data.byteLength).toBe(0); // detached: transferred, not copied
    const second = await p.run(job({ note: 'again' }));
    expect(second.status === 'message' && (second.message as { threadId: number }).threadId).toBe(
      first.status === 'message' && (first.message as { threadId: number }).threadId,
    );
    expect(p.threadsStarted).toBe(1);
  });

  it('replaces a thread that asked to be recycled (heap grown) before the next job runs', async () => {
    const p = make('echo.mjs');
    const first = await p.run(job({ recycle: true }));
    const second = await p.run(job());
    const thread = (o: typeof first) => (o.status === 'message' ? (o.message as { threadId: number }).threadId : -1);
    expect(second.status).toBe('message');
    expect(thread(second)).not.toBe(thread(first));
    expect(p.threadsStarted).toBe(2);
  });

  it('retires a thread after jobsPerThread jobs, with jobs in flight on the others and none lost', async () => {
    const p = make('echo.mjs', { threads: 2, jobsPerThread: 3 });
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => p.run(job({ note: i }))));
    expect(outcomes.every((o) => o.status === 'message')).toBe(true);
    const threads = new Set(outcomes.map((o) => (o.status === 'message' ? (o.message as { threadId: number }).threadId : -1)));
    expect(threads.size).toBeGreaterThanOrEqual(40 / 3);
    for (const id of threads) expect(outcomes.filter((o) => o.status === 'message' && (o.message as { threadId: number }).threadId === id).length).toBeLessThanOrEqual(3);
  });

  it('reports a thread that exits or throws as crashed, and serves the next job on a new thread', async () => {
    for (const name of ['exits.mjs', 'throws.mjs']) {
      const p = make(name);
      const outcome = await p.run(job());
      expect(outcome).toMatchObject({ status: 'crashed', outOfMemory: false });
      await p.close();
    }
  });

  it('reports a thread over its heap limit as out of memory', async () => {
    const p = make('oom.mjs', { resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8, stackSizeMb: 4 } });
    const outcome = await p.run(job());
    expect(outcome).toMatchObject({ status: 'crashed', outOfMemory: true });
  });

  it('terminates a job past its deadline; a new thread serves the next job', async () => {
    // The deadline also covers waiting for a thread to start, so it leaves room for a loaded machine.
    const p = make('echo.mjs', { timeoutMs: 2_000 });
    const before = await p.run(job());
    expect(await p.run(job({ hang: true }))).toEqual({ status: 'timeout' });
    const after = await p.run(job({ note: 'next' }));
    expect(after).toMatchObject({ status: 'message', message: { echo: 'next' } });
    const thread = (o: typeof before) => (o.status === 'message' ? (o.message as { threadId: number }).threadId : -1);
    expect(thread(after)).not.toBe(thread(before));
  });

  it('recovers when replacement threads could not start for a while (e.g. out of descriptors)', async () => {
    const flag = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-pool-')), 'no-start');
    process.env.REHEARSE_TEST_NO_START = flag;
    try {
      const p = make('flaky-start.mjs', { jobsPerThread: 1, timeoutMs: 5_000 });
      expect(await p.run(job())).toMatchObject({ status: 'message' }); // its thread retires after this job
      fs.writeFileSync(flag, '');
      // The replacement can't start now: the job waiting for it is not served (its deadline ends it).
      const during = await p.run(job());
      expect(during.status).not.toBe('message');
      fs.rmSync(flag);
      // Starting works again: the next job gets a new thread; parsing did not stay broken.
      expect(await p.run(job())).toMatchObject({ status: 'message', message: { ok: true } });
    } finally {
      delete process.env.REHEARSE_TEST_NO_START;
      fs.rmSync(path.dirname(flag), { recursive: true, force: true });
    }
  });

  it('a missing worker module is a crash with a setup error, reported at start-up and by every job', async () => {
    const p = make('does-not-exist.mjs', { timeoutMs: 500 });
    while (!p.startupError) await new Promise((r) => setTimeout(r, 10));
    expect(p.warm).toBe(false);
    const outcome = await p.run(job());
    expect(outcome.status).toBe('crashed');
    expect(outcome.status === 'crashed' && outcome.error.message).toMatch(/does-not-exist|Cannot find/);
  });
});
