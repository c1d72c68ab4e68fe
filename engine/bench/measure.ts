/**
 * Measuring helpers: per-call latency with warm-up and rounds, and bytes allocated per call.
 *
 * Bytes per call: GC is exposed at run time (`v8.setFlagsFromString('--expose-gc')`), forced before
 * each trial, then `heapUsed + arrayBuffers` of `process.memoryUsage()` is read around a small
 * batch of calls whose results are kept alive (typed arrays keep their contents outside the JS
 * heap, in `arrayBuffers`). A PerformanceObserver on 'gc' entries tells whether a collection ran
 * during the batch; such trials are dropped (a scavenge would hide garbage). The median of the
 * clean trials divided by the batch size is reported: it counts everything the calls allocated,
 * result and garbage alike.
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

/** Latency percentiles of one round, in microseconds. */
export interface Round {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly mean: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Times `calls` calls of `fn` one by one and returns p50 / p90 / p99 / mean in µs. */
export function timeRound(fn: () => unknown, calls: number): Round {
  const samples = new Float64Array(calls);
  let sink = 0;
  for (let i = 0; i < calls; i += 1) {
    const start = process.hrtime.bigint();
    const result = fn();
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
    if (result === undefined) sink += 1;
  }
  if (sink < 0) console.log(sink);
  const sorted = Array.from(samples).sort((a, b) => a - b);
  return {
    p50: sorted[Math.floor(calls * 0.5)] ?? Number.NaN,
    p90: sorted[Math.floor(calls * 0.9)] ?? Number.NaN,
    p99: sorted[Math.floor(calls * 0.99)] ?? Number.NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / calls,
  };
}

/** Median over rounds of each percentile. */
export function medianRound(rounds: readonly Round[]): Round {
  return {
    p50: median(rounds.map((r) => r.p50)),
    p90: median(rounds.map((r) => r.p90)),
    p99: median(rounds.map((r) => r.p99)),
    mean: median(rounds.map((r) => r.mean)),
  };
}

let gcFn: (() => void) | undefined;

function allocated(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function forceGc(): void {
  if (gcFn === undefined) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
}

/** Median bytes allocated per call of `fn`, from clean (GC-free) batches. */
export async function bytesPerCall(
  fn: () => unknown,
  batch = 10,
  trials = 41,
): Promise<{ bytes: number; cleanTrials: number }> {
  const gcTimes: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcTimes.push(entry.startTime);
  });
  observer.observe({ entryTypes: ['gc'] });
  const kept: unknown[] = new Array<unknown>(batch).fill(null);
  const clean: number[] = [];
  for (let t = 0; t < trials; t += 1) {
    forceGc();
    await new Promise((resolve) => setImmediate(resolve));
    const start = performance.now();
    const before = allocated();
    for (let i = 0; i < batch; i += 1) kept[i] = fn();
    const after = allocated();
    const end = performance.now();
    await new Promise((resolve) => setImmediate(resolve));
    if (!gcTimes.some((time) => time >= start && time <= end)) clean.push((after - before) / batch);
    kept.fill(null);
  }
  observer.disconnect();
  return { bytes: Math.round(median(clean)), cleanTrials: clean.length };
}

/**
 * Milliseconds for a fixed integer loop: about 190 on this machine when idle. Printed with the
 * results so a reader can tell how contended the shared machine was during the run.
 */
export function cpuCalibrationMs(): number {
  const loop = (): number => {
    let x = 0;
    for (let i = 0; i < 5e7; i += 1) x = (x + i * 7) % 1000003;
    return x;
  };
  loop();
  const start = process.hrtime.bigint();
  if (loop() < 0) console.log('unreachable');
  return Math.round(Number(process.hrtime.bigint() - start) / 1e6);
}
