/**
 * B4 benchmark of the engine (docs/benchmarks.md): computeMonth on 50 categories × 31 days with
 * ~1,000 transactions and one fresh overspend, plan generation, bytes allocated per call, and the
 * browser bundle size. Rounds are interleaved (A B C … A B C …) and the median of the rounds is
 * reported, because this shared 2-core machine drifts. Writes bench/results/engine.{json,md} at
 * the repository root.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { computeMonth, generatePlan, preparePlan, type Plan } from '../src/index';
import { bytesPerCall, cpuCalibrationMs, medianRound, timeRound, type Round } from './measure';
import { renderMarkdown, type Results } from './report';
import { PLAN_INPUT, buildScenario } from './scenario';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = 5;
const CALLS = 4000;
const WARMUP = 1500;
const PYTHON_BASELINE_US = 5000; // the original product on this shape, as given (not re-measured here)

const b4 = buildScenario(28);
const monthEnd = { ...buildScenario(31), today: '2026-04-01' };
const stored = JSON.parse(JSON.stringify(b4.plan)) as Plan;
const prepared = preparePlan(stored);

function check(): Record<string, number> {
  const state = computeMonth(b4.plan, b4.transactions, b4.today);
  const cell = state.cell(28, 'dining_out');
  if (
    state.totals.allocatedMinor !== state.totals.plannedMinor ||
    cell === undefined ||
    cell.coveredMinor <= 0
  ) {
    throw new Error('B4 scenario is not exact or has no overspend');
  }
  return {
    categories: state.categoryIds.length,
    days: state.daysInMonth,
    transactions: b4.transactions.length,
    overspendCoveredMinor: cell.coveredMinor,
    moves: state.moves.length,
  };
}

const cases: Record<string, { fn: () => unknown; calls: number }> = {
  computeMonth: { fn: () => computeMonth(b4.plan, b4.transactions, b4.today), calls: CALLS },
  'computeMonth + today view': {
    fn: () => computeMonth(b4.plan, b4.transactions, b4.today).todayView(),
    calls: CALLS,
  },
  'computeMonth, stored JSON plan': {
    fn: () => computeMonth(stored, b4.transactions, b4.today),
    calls: CALLS,
  },
  'computeMonth, stored plan after preparePlan': {
    fn: () => computeMonth(prepared, b4.transactions, b4.today),
    calls: CALLS,
  },
  'computeMonth, month over (31 days rolled)': {
    fn: () => computeMonth(monthEnd.plan, monthEnd.transactions, monthEnd.today),
    calls: CALLS,
  },
  'computeMonth + full JSON': {
    fn: () => JSON.stringify(computeMonth(b4.plan, b4.transactions, b4.today)),
    calls: 300,
  },
  generatePlan: { fn: () => generatePlan(PLAN_INPUT), calls: CALLS / 2 },
};

async function bundleSize(): Promise<{ minified: number; gzip: number }> {
  const result = await build({
    entryPoints: [join(here, '../src/index.ts')],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', {
      cwd: here,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}

function measureLatency(): Record<string, Round> {
  for (const { fn } of Object.values(cases)) for (let i = 0; i < WARMUP; i += 1) fn();
  const rounds: Record<string, Round[]> = Object.fromEntries(
    Object.keys(cases).map((k) => [k, []]),
  );
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [name, { fn, calls }] of Object.entries(cases))
      rounds[name]?.push(timeRound(fn, calls));
  }
  return Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, medianRound(v)]));
}

async function measureBytes(): Promise<Results['bytesPerCall']> {
  const names = ['computeMonth', 'computeMonth + today view', 'generatePlan'];
  const bytes: Record<string, { bytes: number; cleanTrials: number }> = {};
  for (const name of names) bytes[name] = await bytesPerCall(cases[name]?.fn ?? (() => 0));
  return bytes;
}

function goalsOf(latency: Record<string, Round>, gzip: number): Results['goals'] {
  const core = latency.computeMonth ?? { p50: Infinity, p99: Infinity, mean: Infinity };
  return {
    'computeMonth p50 ≤ 50 µs': core.p50 <= 50,
    'computeMonth p99 ≤ 200 µs': core.p99 <= 200,
    'generatePlan ≤ 100 µs': (latency.generatePlan?.p50 ?? Infinity) <= 100,
    'bundle ≤ 25 kB gzip': gzip <= 25 * 1024,
    'speed-up vs ~5 ms Python ≥ 100×': PYTHON_BASELINE_US / core.p50 >= 100,
  };
}

async function main(): Promise<void> {
  const shape = check();
  const loadBefore = loadavg();
  const calibrationBefore = cpuCalibrationMs();
  const latencyUs = measureLatency();
  const calibrationAfter = cpuCalibrationMs();
  const bytesPerCallResult = await measureBytes();
  const bundle = await bundleSize();
  const results: Results & Record<string, unknown> = {
    benchmark: 'B4 rebalance (engine)',
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    nproc: availableParallelism(),
    loadAverage: loadBefore,
    cpuCalibrationMs: [calibrationBefore, calibrationAfter],
    method: {
      rounds: ROUNDS,
      warmupCalls: WARMUP,
      statistic: 'median over rounds of per-round p50 / p99 (µs)',
    },
    shape,
    latencyUs,
    bytesPerCall: bytesPerCallResult,
    bundle: { ...bundle, gzipKb: +(bundle.gzip / 1024).toFixed(2) },
    goals: goalsOf(latencyUs, bundle.gzip),
    speedUpVsPython: Math.round(PYTHON_BASELINE_US / (latencyUs.computeMonth?.p50 ?? Infinity)),
  };
  const md = renderMarkdown(results);
  const out = join(here, '../../bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'engine.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(out, 'engine.md'), md);
  console.log(md);
}

await main();
