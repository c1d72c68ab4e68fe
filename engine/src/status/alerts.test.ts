import { describe, expect, it } from 'vitest';
import { handPlan, tx } from '../../test/builders';
import { computeMonth } from '../month/compute-month';
import { alertLevelOf, diffBudgetAlerts } from './alerts';

describe('alertLevelOf', () => {
  it.each([
    [79, 100, null],
    [80, 100, 80],
    [89, 100, 80],
    [90, 100, 90],
    [99, 100, 90],
    [100, 100, 100],
    [150, 100, 100],
    [1, 0, 100],
    [0, 0, null],
    [0, 100, null],
    [7999, 10000, null],
  ])('spent %i of %i → %s', (spent, allocation, level) => {
    expect(alertLevelOf(spent, allocation)).toBe(level);
  });
});

describe('diffBudgetAlerts', () => {
  const plan = handPlan([
    { id: 'flex', days: 1000 },
    { id: 'dining_out', days: { 1: 1000, 2: 1000 } },
    { id: 'rent', days: { 1: 5000 } },
  ]);
  const at = (transactions: ReturnType<typeof tx>[]) =>
    computeMonth(plan, transactions, '2026-02-01');
  const base = [tx('dining_out', 1, 700)];

  it('reports a level once it is newly reached', () => {
    const next = at([...base, tx('dining_out', 1, 150)]);
    expect(diffBudgetAlerts(at(base), next)).toEqual([
      {
        key: 'budget:2026-02-01:dining_out:80',
        date: '2026-02-01',
        categoryId: 'dining_out',
        level: 80,
        spentMinor: 850,
        allocationMinor: 1000,
      },
    ]);
    expect(
      diffBudgetAlerts(next, at([...base, tx('dining_out', 1, 250)])).map((a) => a.level),
    ).toEqual([90]);
  });

  it('reports only the highest level when several are crossed, measured before any cover', () => {
    const alerts = diffBudgetAlerts(at(base), at([...base, tx('dining_out', 1, 500)]));
    expect(alerts.map((a) => [a.level, a.allocationMinor])).toEqual([[100, 1000]]);
  });

  it('reports nothing when the level does not rise', () => {
    const state = at([...base, tx('dining_out', 1, 150)]);
    expect(diffBudgetAlerts(state, at([...base, tx('dining_out', 1, 160)]))).toEqual([]);
    expect(diffBudgetAlerts(state, at(base))).toEqual([]);
  });

  it('ignores days after today and fixed categories', () => {
    expect(diffBudgetAlerts(at([]), at([tx('dining_out', 2, 990), tx('rent', 1, 5000)]))).toEqual(
      [],
    );
  });

  it('ignores sacred categories: money put aside for savings or a goal', () => {
    const withGoal = handPlan([
      { id: 'flex', days: 1000 },
      { id: 'goal:bike', behaviour: 'spread', priority: 'sacred', days: 300 },
    ]);
    const month = (transactions: ReturnType<typeof tx>[]) =>
      computeMonth(withGoal, transactions, '2026-02-01');
    expect(diffBudgetAlerts(month([]), month([tx('goal:bike', 1, 5000)]))).toEqual([]);
  });

  it('treats a missing previous state (or another month) as nothing reached', () => {
    expect(diffBudgetAlerts(null, at(base))).toEqual([]);
    expect(diffBudgetAlerts(null, at([tx('dining_out', 1, 900)])).map((a) => a.level)).toEqual([
      90,
    ]);
  });
});
