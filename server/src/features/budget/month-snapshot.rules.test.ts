import { describe, expect, it } from 'vitest';
import { computeMonth, generatePlan } from '@pace/engine';
import {
  decodeSnapshot,
  diffSnapshots,
  encodeSnapshot,
  snapshotOf,
  type StoredSnapshot,
} from './month-snapshot.rules';

const plan = generatePlan({
  userId: 'u',
  month: '2026-03',
  currency: 'USD',
  region: 'US',
  timeZone: 'America/New_York',
  incomeMinor: 500000,
  bills: [{ name: 'Rent', amountMinor: 150000, dueDay: 1 }],
});
const ledger = [
  {
    id: 'a',
    categoryId: 'rent',
    amountMinor: 150000,
    direction: 'expense' as const,
    bookedOn: '2026-03-01',
  },
  {
    id: 'b',
    categoryId: 'dining_out',
    amountMinor: 25000,
    direction: 'expense' as const,
    bookedOn: '2026-03-03',
  },
  {
    id: 'c',
    categoryId: 'groceries',
    amountMinor: 1999,
    direction: 'expense' as const,
    bookedOn: '2026-03-10',
  },
];

describe('stored month snapshots', () => {
  it('decode(encode(s)) is the snapshot, through JSON, with every cell and status', () => {
    const snapshot = snapshotOf(computeMonth(plan, ledger, '2026-03-12'));
    const stored = JSON.parse(JSON.stringify(encodeSnapshot(snapshot))) as StoredSnapshot;
    expect(decodeSnapshot(stored)).toEqual(snapshot);
    // The overspend made red and yellow cells, so the status letters are exercised.
    const statuses = new Set(snapshot.days.flatMap((d) => d.cells.map((c) => c.status)));
    expect(statuses.size).toBeGreaterThan(1);
  });

  it('is several times smaller than the keyed form', () => {
    const snapshot = snapshotOf(computeMonth(plan, ledger, '2026-03-12'));
    const keyed = JSON.stringify(snapshot).length;
    const stored = JSON.stringify(encodeSnapshot(snapshot)).length;
    expect(stored * 2.5).toBeLessThan(keyed);
  });

  it('diffs a month against the same month without one transaction', () => {
    const before = snapshotOf(computeMonth(plan, ledger.slice(0, 2), '2026-03-12'));
    const after = snapshotOf(computeMonth(plan, ledger, '2026-03-12'));
    const diff = diffSnapshots(before, after);
    expect(diff.days.map((d) => d.date)).toContain('2026-03-10');
    expect(diff.categories.map((c) => c.id)).toContain('groceries');
    expect(diffSnapshots(after, after).days).toEqual([]);
  });
});
