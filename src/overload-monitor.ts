/**
 * Samples how loaded the process is — mean event-loop delay, event-loop utilisation, V8 heap
 * in use, resident memory — once per interval, for the overload guard in operations.ts.
 *
 * This replaces @fastify/under-pressure (9.x), which did the same with two defects that a
 * hostile review turned into an outage:
 * - Its timer calls `process.memoryUsage()`, which reads /proc/self and throws EMFILE when the
 *   process is out of file descriptors (a flood of slow connections does that). The throw
 *   happened inside a timer callback, so it was uncaught and the process exited. Here the heap
 *   figure comes from `v8.getHeapStatistics()` (no file descriptor involved), resident memory
 *   from `process.memoryUsage.rss()` inside a try/catch that keeps the last good figure, and
 *   the sample as a whole can never throw out of the timer.
 * - Its first sample covered the end of start-up (module loading, migrations, building the
 *   app: well over the 500 ms threshold), so every restart answered 503 OVERLOADED for about
 *   a second. Here the measurements restart from zero when the app is ready (`start()`), and
 *   utilisation is measured per interval rather than averaged since start.
 */
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import v8 from 'node:v8';

type PressureType = 'eventLoopDelay' | 'eventLoopUtilization' | 'heapUsedBytes' | 'rssBytes';

export interface OverloadLimits {
  /** Mean event-loop delay over one interval, in ms; 0 turns the check off. */
  maxEventLoopDelayMs: number;
  /** Event-loop utilisation over one interval, 0..1; 0 turns the check off. */
  maxEventLoopUtilization: number;
  maxHeapUsedBytes: number;
  maxRssBytes: number;
  sampleIntervalMs: number;
}

interface Sample {
  eventLoopDelayMs: number;
  eventLoopUtilization: number;
  heapUsedBytes: number;
  rssBytes: number;
}

export interface OverloadMonitor {
  /** The first limit the last sample exceeded, with its value, or null. */
  pressure(): { type: PressureType; value: number } | null;
  /** The last sample (zeros before the first). */
  sample(): Sample;
  /** (Re)starts measuring from now: called once the app is ready, so start-up does not count. */
  start(): void;
  stop(): void;
}

/** The histogram's own resolution, subtracted from its mean (as under-pressure did). */
const RESOLUTION_MS = 10;

export function createOverloadMonitor(limits: OverloadLimits, onSampleError: (error: unknown) => void = () => undefined): OverloadMonitor {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  let eluBaseline: EventLoopUtilization = performance.eventLoopUtilization();
  let timer: NodeJS.Timeout | undefined;
  // The histogram is never reset while running: its reset() forgets the time of its last tick,
  // so when a sample ran right after a long block but before the histogram's own overdue tick,
  // that tick recorded nothing and the block was lost. Each sample takes the difference of the
  // running totals instead (sum = mean × count).
  let seen = { count: 0, sum: 0 };
  let last: Sample = { eventLoopDelayMs: 0, eventLoopUtilization: 0, heapUsedBytes: 0, rssBytes: 0 };
  let rssFailing = false;

  function readRss(): number {
    try {
      const rss = process.memoryUsage.rss();
      rssFailing = false;
      return rss;
    } catch (error) {
      // EMFILE while the process is out of descriptors: keep the last figure, report it once.
      if (!rssFailing) onSampleError(error);
      rssFailing = true;
      return last.rssBytes;
    }
  }

  function take(): void {
    try {
      const count = histogram.count;
      const sum = count > 0 ? histogram.mean * count : 0;
      const ticks = count - seen.count;
      const mean = ticks > 0 ? (sum - seen.sum) / ticks / 1e6 : Number.NaN;
      seen = { count, sum };
      const delay = Number.isNaN(mean) ? 0 : Math.max(0, mean - RESOLUTION_MS);
      const elu = performance.eventLoopUtilization(eluBaseline);
      eluBaseline = performance.eventLoopUtilization();
      last = {
        eventLoopDelayMs: delay,
        eventLoopUtilization: elu.utilization,
        heapUsedBytes: v8.getHeapStatistics().used_heap_size,
        rssBytes: limits.maxRssBytes > 0 ? readRss() : 0,
      };
    } catch (error) {
      onSampleError(error); // a sample is never worth the process
    }
  }

  return {
    pressure() {
      if (limits.maxEventLoopDelayMs > 0 && last.eventLoopDelayMs > limits.maxEventLoopDelayMs) return { type: 'eventLoopDelay', value: last.eventLoopDelayMs };
      if (limits.maxHeapUsedBytes > 0 && last.heapUsedBytes > limits.maxHeapUsedBytes) return { type: 'heapUsedBytes', value: last.heapUsedBytes };
      if (limits.maxRssBytes > 0 && last.rssBytes > limits.maxRssBytes) return { type: 'rssBytes', value: last.rssBytes };
      if (limits.maxEventLoopUtilization > 0 && last.eventLoopUtilization > limits.maxEventLoopUtilization) {
        return { type: 'eventLoopUtilization', value: last.eventLoopUtilization };
      }
      return null;
    },
    sample: () => last,
    start() {
      clearInterval(timer);
      histogram.disable();
      histogram.reset();
      histogram.enable();
      seen = { count: 0, sum: 0 };
      eluBaseline = performance.eventLoopUtilization();
      last = { eventLoopDelayMs: 0, eventLoopUtilization: 0, heapUsedBytes: 0, rssBytes: 0 };
      timer = setInterval(take, Math.max(RESOLUTION_MS, limits.sampleIntervalMs));
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      histogram.disable();
    },
  };
}
