import { generatePlan, computeMonth } from '../src/index';
import { PLAN_INPUT, buildScenario } from './scenario';
function t(name: string, fn: () => unknown, n = 20000) {
  for (let i = 0; i < 3000; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - s) / 1000);
  }
  samples.sort((a, b) => a - b);
  console.log(
    name.padEnd(30),
    'p50',
    samples[n >> 1]!.toFixed(1),
    'p99',
    samples[Math.floor(n * 0.99)]!.toFixed(1),
  );
}
const b4 = buildScenario(28);
const stored = JSON.parse(JSON.stringify(b4.plan));
t('generatePlan', () => generatePlan(PLAN_INPUT), 10000);
t('computeMonth', () => computeMonth(b4.plan, b4.transactions, b4.today));
t('computeMonth stored', () => computeMonth(stored, b4.transactions, b4.today));
