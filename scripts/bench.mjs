// `npm run bench`: runs every benchmark of docs/benchmarks (each writes bench/results/<id>.json)
// and gathers them, with the machine's facts, into bench/results/latest.md and latest.json.
//   PACE_BENCH_ONLY=engine,login  runs only the named benchmarks.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'bench/results');
mkdirSync(results, { recursive: true });
const tsx = path.join(root, 'node_modules/.bin/tsx');

const benches = [
  {
    id: 'engine',
    label: 'B4 rebalance, plan generation, engine bundle',
    cmd: tsx,
    args: ['bench/run.ts'],
    cwd: 'engine',
    file: 'engine.json',
  },
  {
    id: 'clusters',
    label: 'B10 spending clusters: k-means on one person’s 10k transactions, as the job runs it',
    cmd: tsx,
    args: ['bench/clusters.ts'],
    cwd: 'engine',
    file: 'clusters.json',
  },
  {
    id: 'login',
    label: 'B7 login throughput',
    cmd: tsx,
    args: ['bench/login.ts'],
    cwd: 'server',
    file: 'login.json',
  },
  {
    id: 'fanout',
    label: 'B3 fan-out',
    cmd: tsx,
    args: ['bench/fanout.ts'],
    cwd: 'server',
    file: 'fanout.json',
  },
  {
    id: 'api',
    label: 'B1 dashboard, B2 live update, B5 write path, B6 ORM',
    cmd: tsx,
    args: ['bench/api.ts'],
    cwd: 'server',
    file: 'api.json',
  },
  {
    id: 'pwa',
    label: 'B8 PWA: Lighthouse (mobile) against an empty Next.js export; first-load JS',
    cmd: tsx,
    args: ['bench/lighthouse.ts'],
    cwd: 'web',
    file: 'pwa.json',
  },
  {
    id: 'local-data',
    label: 'B8b local data: 10k transactions into Dexie, the month from IndexedDB (Chromium)',
    cmd: tsx,
    args: ['bench/local-data.ts'],
    cwd: 'web',
    file: 'local-data.json',
  },
];

function tryRun(cmd, args) {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unavailable';
  }
}

const facts = {
  commit: tryRun('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
  node: process.version,
  postgres: tryRun('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-tAc', 'show server_version']),
  redis:
    tryRun('redis-cli', ['-h', '127.0.0.1', 'info', 'server']).match(/redis_version:(\S+)/)?.[1] ??
    'unavailable',
  nproc: os.availableParallelism(),
  date: new Date().toISOString(),
};

const only = process.env.PACE_BENCH_ONLY?.split(',');
const ran = [];
for (const bench of benches) {
  if (only && !only.includes(bench.id)) continue;
  const script = path.join(root, bench.cwd, bench.args[0]);
  if (!existsSync(script)) {
    ran.push({ ...bench, status: 'not built yet' });
    continue;
  }
  console.log(`\n━━ ${bench.label}`);
  const result = spawnSync(bench.cmd, bench.args, {
    cwd: path.join(root, bench.cwd),
    stdio: 'inherit',
  });
  const file = path.join(results, bench.file);
  const data =
    result.status === 0 && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  ran.push({ ...bench, status: result.status === 0 ? 'ok' : 'failed', data });
}

writeFileSync(
  path.join(results, 'latest.json'),
  `${JSON.stringify({ facts, benches: ran }, null, 2)}\n`,
);
const lines = [
  '# Pace benchmarks',
  '',
  `commit ${facts.commit} · node ${facts.node} · PostgreSQL ${facts.postgres} · Redis ${facts.redis} · nproc ${facts.nproc} · ${facts.date}`,
  '',
];
// Every goal row of every benchmark, gathered at the top: `| id | measure | Pace | baseline | ratio |
// goal | met? |` rows, and the engine's `| goal | met |` rows.
const sections = ran.map((bench) => {
  const md = path.join(results, bench.file.replace(/\.json$/, '.md'));
  return {
    bench,
    text: bench.status === 'ok' && existsSync(md) ? readFileSync(md, 'utf8').trim() : '',
  };
});
// The engine's goal rows carry no figure: it is read from engine.json.
function engineFigure(goal) {
  const file = path.join(results, 'engine.json');
  if (!existsSync(file)) return '';
  const engine = JSON.parse(readFileSync(file, 'utf8'));
  const us = (name, key) => {
    const value = engine.latencyUs?.[name]?.[key];
    return typeof value === 'number' ? `${value.toFixed(1)} µs` : '';
  };
  if (goal.startsWith('computeMonth p50')) return us('computeMonth', 'p50');
  if (goal.startsWith('computeMonth p99')) return us('computeMonth', 'p99');
  if (goal.startsWith('generatePlan')) return us('generatePlan', 'p50');
  if (goal.startsWith('bundle')) return engine.bundle ? `${engine.bundle.gzipKb} kB` : '';
  if (goal.startsWith('speed-up'))
    return engine.speedUpVsPython ? `${engine.speedUpVsPython}×` : '';
  return '';
}
const summary = sections.flatMap(({ bench, text }) =>
  text
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .flatMap((cells) => {
      if (
        cells.length === 7 &&
        /^(B\d|100k)/.test(cells[0]) &&
        cells[5] !== '—' &&
        cells[5] !== 'report'
      )
        return [
          `| ${cells[0]} | ${cells[1]} | ${cells[2]} | ${cells[4]} | ${cells[5]} | ${cells[6]} |`,
        ];
      if (bench.id === 'engine' && cells.length === 2 && /^(met|NOT met)$/.test(cells[1]))
        return [
          `| B4 | ${cells[0]} | ${engineFigure(cells[0])} | | | ${cells[1] === 'met' ? 'yes' : 'no'} |`,
        ];
      return [];
    }),
);
if (summary.length > 0)
  lines.push(
    '## Against the goals of docs/benchmarks',
    '',
    '| id | measure | Pace | ratio | goal | met? |',
    '|---|---|---|---|---|---|',
    ...summary,
    '',
  );
for (const { bench, text } of sections) {
  lines.push(`## ${bench.label} (${bench.id}): ${bench.status}`, '');
  if (text) lines.push(text, '');
}
writeFileSync(path.join(results, 'latest.md'), `${lines.join('\n')}\n`);
console.log(
  `\nbench: results in bench/results/latest.md (${ran.filter((b) => b.status === 'ok').length}/${ran.length} ran)`,
);
process.exit(ran.some((b) => b.status === 'failed') ? 1 : 0);
