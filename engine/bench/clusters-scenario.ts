/**
 * One person's year of spending for B10: `count` expenses over 365 days with weekday groceries and
 * transport, weekend dining out and shopping, a monthly rent and bills (deterministic, no Math.random).
 */
import { addDays, weekdayOf, type LedgerTransaction } from '../src/index';

/** A small deterministic generator (mulberry32). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEEKDAY: ReadonlyArray<readonly [string, number]> = [
  ['groceries', 2500],
  ['transport_public', 300],
  ['coffee', 450],
  ['lunch', 1200],
];
const WEEKEND: ReadonlyArray<readonly [string, number]> = [
  ['dining_out', 4500],
  ['shopping', 6000],
  ['entertainment', 2500],
  ['coffee', 500],
];

/** `count` live expenses in USD over the 365 days up to `last`. */
export function buildYearOfSpending(
  count: number,
  last = '2026-06-30',
  seed = 7,
): LedgerTransaction[] {
  const random = generator(seed);
  const first = addDays(last, -364);
  const ledger: LedgerTransaction[] = [];
  for (let i = 0; i < count; i += 1) {
    const bookedOn = addDays(first, Math.floor(random() * 365));
    const weekend = [0, 6].includes(weekdayOf(bookedOn));
    const isBill = random() < 0.01;
    const pool = weekend ? WEEKEND : WEEKDAY;
    const [categoryId, typical] = isBill
      ? (['rent', 150_000] as const)
      : (pool[Math.floor(random() * pool.length)] ?? ['groceries', 2000]);
    const amountMinor = Math.max(1, Math.round(typical * (0.5 + random())));
    ledger.push({
      id: `t${i}`,
      categoryId,
      amountMinor,
      direction: 'expense',
      bookedOn,
      currency: 'USD',
    });
  }
  return ledger;
}
