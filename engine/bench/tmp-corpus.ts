// Differential check: run many random scenarios through computeMonth and dump results.
import fc from 'fast-check';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
const root = process.env.ENGINE_ROOT ?? '/work/main/engine';
const { handPlan } = await import(`${root}/test/builders.ts`);
const { computeMonth } = await import(`${root}/src/month/compute-month.ts`);
const { generatePlan } = await import(`${root}/src/plan/generate-plan.ts`);
const POOL = [
  ['flex', 'spread', 'buffer'],
  ['savings', 'spread', 'sacred'],
  ['rent', 'fixed', 'sacred'],
  ['groceries', 'spread', 'protected'],
  ['medical', 'clustered', 'protected'],
  ['coffee', 'spread', 'flexible'],
  ['clothing', 'clustered', 'flexible'],
  ['dining_out', 'clustered', 'discretionary'],
  ['entertainment', 'spread', 'discretionary'],
  ['lessons', 'fixed', 'flexible'],
] as const;
const out: string[] = [];
const rng = fc.sample(
  fc.record({
    month: fc.constantFrom('2026-02', '2026-03'),
    chosen: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { minLength: 1 }),
    values: fc.array(
      fc.oneof(
        fc.array(fc.oneof(fc.nat(400), fc.constant(0)), { minLength: 31, maxLength: 31 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 31, maxLength: 31 }),
      ),
      { minLength: 10, maxLength: 10 },
    ),
    txs: fc.array(
      fc.record({
        c: fc.constantFrom(
          'flex',
          'savings',
          'rent',
          'groceries',
          'medical',
          'coffee',
          'clothing',
          'dining_out',
          'entertainment',
          'lessons',
          'gadgets',
        ),
        d: fc.integer({ min: 1, max: 28 }),
        a: fc.oneof(fc.nat(300), fc.nat(5000)),
      }),
      { maxLength: 60 },
    ),
    today: fc.integer({ min: 0, max: 32 }),
    rollover: fc.constantFrom('spread', 'next_day', 'savings'),
    firstDay: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 28 })),
  }),
  { numRuns: 6000, seed: 7 },
);
for (const s of rng) {
  const days = s.month === '2026-02' ? 28 : 31;
  const plan = handPlan(
    s.chosen.map((i) => ({
      id: POOL[i]![0],
      behaviour: POOL[i]![1],
      priority: POOL[i]![2],
      days: Object.fromEntries(s.values[i]!.slice(0, days).map((v, k) => [k + 1, v])),
    })),
    { month: s.month, firstDay: s.firstDay },
  );
  const txs = s.txs.map((t) => ({
    categoryId: t.c,
    amountMinor: t.a,
    direction: 'expense' as const,
    bookedOn: `${s.month}-${String(t.d).padStart(2, '0')}`,
  }));
  const today =
    s.today === 0
      ? '2020-01-01'
      : s.today > days
        ? '2030-01-01'
        : `${s.month}-${String(s.today).padStart(2, '0')}`;
  out.push(JSON.stringify(computeMonth(plan, txs, today, { rollover: s.rollover as 'spread' })));
}
const g = generatePlan({
  userId: 'x',
  month: '2026-03',
  currency: 'USD',
  timeZone: 'UTC',
  incomeMinor: 500000,
  bills: [{ name: 'Rent', amountMinor: 100000 }],
});
for (let t = 1; t <= 32; t++)
  out.push(
    JSON.stringify(
      computeMonth(
        g,
        [
          {
            categoryId: 'dining_out',
            amountMinor: 40000,
            direction: 'expense',
            bookedOn: '2026-03-05',
          },
          { categoryId: 'coffee', amountMinor: 4000, direction: 'expense', bookedOn: '2026-03-02' },
        ],
        t > 31 ? '2026-04-01' : `2026-03-${String(t).padStart(2, '0')}`,
      ),
    ),
  );
const file = '/tmp/corpus.json';
if (process.argv[2] === 'save') {
  writeFileSync(file, JSON.stringify(out));
  console.log('saved', out.length);
} else {
  const old = JSON.parse(readFileSync(file, 'utf8')) as string[];
  let diff = 0;
  old.forEach((o, i) => {
    if (o !== out[i]) {
      diff++;
      if (diff < 3) console.log('DIFF at', i);
    }
  });
  console.log('compared', old.length, 'diffs', diff);
}
