/** Renders the engine benchmark results as a Markdown report. */
import type { Round } from './measure';

/** Everything the report shows. */
export interface Results {
  readonly date: string;
  readonly commit: string;
  readonly node: string;
  readonly nproc: number;
  readonly loadAverage: readonly number[];
  readonly cpuCalibrationMs: readonly number[];
  readonly shape: Readonly<Record<string, number>>;
  readonly latencyUs: Readonly<Record<string, Round>>;
  readonly bytesPerCall: Readonly<Record<string, { bytes: number; cleanTrials: number }>>;
  readonly bundle: { readonly minified: number; readonly gzip: number; readonly gzipKb?: number };
  readonly goals: Readonly<Record<string, boolean>>;
  readonly speedUpVsPython: number;
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

function latencyTable(results: Results): string[] {
  return [
    '| case | p50 µs | p90 µs | p99 µs | mean µs |',
    '|---|---:|---:|---:|---:|',
    ...Object.entries(results.latencyUs).map(
      ([name, r]) =>
        `| ${name} | ${r.p50.toFixed(1)} | ${r.p90.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.mean.toFixed(1)} |`,
    ),
    '',
    'Median of 5 interleaved rounds after warm-up; each call timed alone with process.hrtime.',
    `CPU calibration loop before / after: ${results.cpuCalibrationMs.join(' / ')} ms (≈ 190 when the machine is idle; higher means contention, which shows first in p99).`,
  ];
}

function bytesTable(results: Results): string[] {
  return [
    '| allocation | bytes / call | clean trials |',
    '|---|---:|---:|',
    ...Object.entries(results.bytesPerCall).map(
      ([name, b]) => `| ${name} | ${b.bytes.toLocaleString('en-US')} | ${b.cleanTrials} |`,
    ),
    '',
    'Bytes: heapUsed + arrayBuffers delta around batches of 10 calls after a forced GC (results ' +
      'kept alive); batches during which a GC ran are dropped.',
  ];
}

/** The Markdown report. */
export function renderMarkdown(results: Results): string {
  const { shape, bundle } = results;
  return [
    '# Engine benchmark (B4)',
    '',
    `commit ${results.commit} · node ${results.node} · nproc ${results.nproc} · load average ${results.loadAverage.map((l) => l.toFixed(2)).join(' ')} · ${results.date}`,
    '',
    `Shape: ${shape.categories} categories × ${shape.days} days, ${shape.transactions} transactions, today = day 28, one fresh overspend (${shape.overspendCoveredMinor} minor units covered, ${shape.moves} moves).`,
    '',
    ...latencyTable(results),
    '',
    ...bytesTable(results),
    '',
    `Bundle (esbuild, browser, minified): ${kb(bundle.minified)} kB, ${kb(bundle.gzip)} kB gzip.`,
    '',
    `Speed-up vs the original Python (~5 ms, quoted, not re-measured): ${results.speedUpVsPython}×.`,
    '',
    '| goal | |',
    '|---|---|',
    ...Object.entries(results.goals).map(([goal, ok]) => `| ${goal} | ${ok ? 'met' : 'NOT met'} |`),
    '',
  ].join('\n');
}
