import { afterEach, describe, expect, it } from 'vitest';
import { createOverloadMonitor, type OverloadMonitor } from '../../src/overload-monitor.js';

const limits = { maxEventLoopDelayMs: 300, maxEventLoopUtilization: 0, maxHeapUsedBytes: 0, maxRssBytes: 0, sampleIntervalMs: 50 };
const nextSample = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('overload monitor', () => {
  let monitor: OverloadMonitor | undefined;
  afterEach(() => monitor?.stop());

  it('reports one long block of the event loop in the sample after it, then clears', async () => {
    monitor = createOverloadMonitor(limits);
    monitor.start();
    await nextSample();
    expect(monitor.pressure()).toBeNull();
    const end = Date.now() + 1_200;
    while (Date.now() < end); // block the loop, well over the 300 ms limit
    // The overdue sample runs as soon as the loop is free, and counts until the next one (50 ms).
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(monitor.pressure()).toMatchObject({ type: 'eventLoopDelay' });
    expect(monitor.sample().eventLoopDelayMs).toBeGreaterThan(300);
    await nextSample();
    await nextSample();
    expect(monitor.pressure()).toBeNull();
  });

  it('does not count what happened before start()', async () => {
    monitor = createOverloadMonitor(limits);
    const end = Date.now() + 1_200;
    while (Date.now() < end); // start-up work, well over the limit
    monitor.start();
    await nextSample();
    expect(monitor.pressure()).toBeNull();
  });
});
