// `npm test`: every check and test suite, in both server modes. Steps run in order; all run even
// when one fails, and the exit code is non-zero if any failed.
//   PACE_TEST_ONLY=engine,server-embedded  runs only the named steps.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const steps = [
  {
    id: 'check-generated',
    label: 'generated files match the code',
    cmd: process.execPath,
    args: ['scripts/check-generated.mjs'],
  },
  { id: 'lint', label: 'lint', cmd: bin('eslint'), args: ['.', '--max-warnings=0'] },
  {
    id: 'format',
    label: 'formatting (Prettier)',
    cmd: bin('prettier'),
    args: ['--check', '.', '--log-level', 'warn'],
  },
  { id: 'typecheck', label: 'type-check', cmd: 'npm', args: ['run', 'typecheck', '--silent'] },
  { id: 'engine', label: 'engine tests', cmd: bin('vitest'), args: ['run'], cwd: 'engine' },
  {
    id: 'web',
    label: 'web unit tests (outbox, sync)',
    cmd: bin('vitest'),
    args: ['run'],
    cwd: 'web',
  },
  {
    id: 'server-embedded',
    label: 'server tests, embedded mode (PGlite, in-process)',
    cmd: bin('vitest'),
    args: ['run'],
    cwd: 'server',
    env: { PACE_TEST_MODE: 'embedded' },
  },
  {
    id: 'server-distributed',
    label: 'server tests, distributed mode (PostgreSQL, Redis, BullMQ)',
    cmd: bin('vitest'),
    args: ['run'],
    cwd: 'server',
    env: { PACE_TEST_MODE: 'distributed' },
  },
  {
    id: 'build',
    label: 'build the web export and the server bundle',
    cmd: 'npm',
    args: ['run', 'build', '--silent'],
  },
  {
    id: 'e2e',
    label: 'browser journeys (Playwright, Chromium)',
    cmd: bin('playwright'),
    args: ['test'],
    cwd: 'e2e',
  },
];

const only = process.env.PACE_TEST_ONLY?.split(',').map((s) => s.trim());
const results = [];
for (const step of steps) {
  if (only && !only.includes(step.id)) continue;
  const started = Date.now();
  console.log(`\n━━ ${step.label} (${step.id})`);
  const result = spawnSync(step.cmd, step.args, {
    cwd: path.join(root, step.cwd ?? '.'),
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const ok = result.status === 0;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ ...step, ok, seconds });
  console.log(`━━ ${ok ? 'ok' : 'FAILED'}: ${step.id} in ${seconds} s`);
}

console.log('\nSummary');
for (const r of results)
  console.log(`  ${r.ok ? 'ok    ' : 'FAILED'} ${r.id.padEnd(20)} ${r.seconds.padStart(6)} s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
