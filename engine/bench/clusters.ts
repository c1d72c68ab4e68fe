/**
 * B10 (docs/benchmarks.md): spending clusters of one person's 10,000 transactions, the pure
 * computation the `clusters.compute` job runs off the request thread (day features, k-means for
 * k = 2..6, silhouettes, names). Baseline, measured in the same run and interleaved (A B A B …):
 * one bare `ml-kmeans` run at the k chosen, on the same standardised day features — the library
 * alone. Median over rounds of each round's p50 / p99. Writes bench/results/clusters.{json,md}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kmeans } from 'ml-kmeans';
import { CLUSTER_SEED, computeSpendingClusters } from '../src/clusters/index';
import {
  rawFeaturesOf,
  spendingDaysOf,
  standardise,
  topCategoriesOf,
} from '../src/clusters/day-features';
import { buildYearOfSpending } from './clusters-scenario';
import { cpuCalibrationMs, medianRound, timeRound, type Round } from './measure';

const here = dirname(fileURLToPath(import.meta.url));
const TRANSACTIONS = 10_000;
const ROUNDS = 7;
const CALLS = 40;
const GOAL_MS = 20;

const ledger = buildYearOfSpending(TRANSACTIONS);
const input = { ledger, currency: 'USD' };

// A fresh process's first call: what the first job after a worker starts pays (JIT still cold).
const coldStart = process.hrtime.bigint();
const result = computeSpendingClusters(input);
const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;

const days = spendingDaysOf(ledger, 'USD');
const points = standardise(rawFeaturesOf(days, topCategoriesOf(days)));
const cases: Record<'pace' | 'baseline', () => unknown> = {
  pace: () => computeSpendingClusters(input),
  baseline: () => kmeans(points, result.k, { seed: CLUSTER_SEED, initialization: 'kmeans++' }),
};

const ms = (round: Round): Round => ({
  p50: round.p50 / 1000,
  p90: round.p90 / 1000,
  p99: round.p99 / 1000,
  mean: round.mean / 1000,
});

function measure(): Record<'pace' | 'baseline', Round> {
  for (const fn of Object.values(cases)) for (let i = 0; i < 10; i += 1) fn();
  const rounds = { pace: [] as Round[], baseline: [] as Round[] };
  for (let r = 0; r < ROUNDS; r += 1) {
    rounds.pace.push(timeRound(cases.pace, CALLS));
    rounds.baseline.push(timeRound(cases.baseline, CALLS));
  }
  return { pace: ms(medianRound(rounds.pace)), baseline: ms(medianRound(rounds.baseline)) };
}

const calibrationBefore = cpuCalibrationMs();
const loadBefore = loadavg();
const latencyMs = measure();
const calibrationAfter = cpuCalibrationMs();
const ratio = +(latencyMs.pace.p50 / latencyMs.baseline.p50).toFixed(2);
const met = latencyMs.pace.p50 <= GOAL_MS;
const data = {
  benchmark: 'B10 spending clusters',
  date: new Date().toISOString(),
  node: process.version,
  nproc: availableParallelism(),
  loadAverage: loadBefore,
  cpuCalibrationMs: [calibrationBefore, calibrationAfter],
  shape: {
    transactions: TRANSACTIONS,
    days: result.dayCount,
    k: result.k,
    silhouette: result.silhouette,
    clusters: result.clusters.map((c) => c.name),
  },
  method: {
    rounds: ROUNDS,
    callsPerRound: CALLS,
    statistic: 'median over rounds of per-round p50 / p99 (ms)',
  },
  latencyMs,
  coldFirstCallMs: +coldMs.toFixed(2),
  ratio,
  goal: { p50Ms: GOAL_MS, met },
};
const f = (n: number) => n.toFixed(2);
const md = [
  '# Spending clusters (B10)',
  '',
  `node ${data.node} · nproc ${data.nproc} · load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} · CPU calibration ${calibrationBefore} / ${calibrationAfter} ms (≈ 190 idle)`,
  '',
  `Shape: ${TRANSACTIONS} expenses over 365 days → ${result.dayCount} days, k = ${result.k} (silhouette ${result.silhouette?.toFixed(3)}): ${result.clusters.map((c) => c.name).join(', ')}.`,
  '',
  '| id | measure | Pace | baseline | ratio | goal | met? |',
  '|---|---|---|---|---|---|---|',
  `| B10 | computeSpendingClusters p50 (ms), 10k transactions, as the job runs it | ${f(latencyMs.pace.p50)} | ${f(latencyMs.baseline.p50)} (one bare ml-kmeans, k = ${result.k}) | ${ratio} | ≤ ${GOAL_MS} ms | ${met ? 'yes' : 'no'} |`,
  `| B10 | computeSpendingClusters p99 (ms) | ${f(latencyMs.pace.p99)} | ${f(latencyMs.baseline.p99)} | ${(latencyMs.pace.p99 / latencyMs.baseline.p99).toFixed(2)} | report | — |`,
  `| B10 | first call in a fresh process (ms, JIT cold) | ${f(coldMs)} | — | — | report | — |`,
  '',
  `Median of ${ROUNDS} interleaved rounds of ${CALLS} calls after warm-up; each call timed alone. Runs in the job (worker process, or the embedded job runner), never on a request.`,
  '',
].join('\n');
const out = join(here, '../../bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'clusters.json'), `${JSON.stringify(data, null, 2)}\n`);
writeFileSync(join(out, 'clusters.md'), md);
console.log(md);
