import { afterEach, describe, expect, it } from 'vitest';
import { createOverloadMonitor, type OverloadMonitor } from '../../src/overload-monitor.js';

const limits = { maxEventLoopDelayMs: 100, maxEventLoopUtilization: 0, maxHeapUsedBytes: 0, maxRssBytes: 0, sampleIntervalMs: 50 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const block = (ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end);
};

/** Polls the monitor every few ms for `ms`, and says whether it reported event-loop pressure. */
async function pressureSeenWithin(monitor: OverloadMonitor, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (monitor.pressure()?.type === 'eventLoopDelay') return true;
    await sleep(5);
  }
  return false;
}

describe('overload monitor', () => {
  let monitor: OverloadMonitor | undefined;
  afterEach(() => monitor?.stop());

  it('sees one long block of the event loop in a sample after it, whichever timer runs first, then clears', async () => {
    monitor = createOverloadMonitor(limits);
    monitor.start();
    for (let round = 0; round < 5; round++) {
      await sleep(30 + round * 7); // a different phase against the 50 ms samples each round
      block(1_200);
      // Among ~5 ordinary 10 ms ticks the block's mean is ~200 ms, over the 100 ms limit.
      expect(await pressureSeenWithin(monitor, 200), `round ${round}`).toBe(true);
      expect(monitor.sample().eventLoopDelayMs).toBeGreaterThan(100);
      await sleep(150);
      expect(monitor.pressure(), `round ${round}`).toBeNull();
    }
  });

  it('does not count what happened before start()', async () => {
    monitor = createOverloadMonitor(limits);
    block(1_200); // start-up work, well over the limit
    monitor.start();
    expect(await pressureSeenWithin(monitor, 200)).toBe(false);
  });
});
