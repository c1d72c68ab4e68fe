import { describe, expect, it } from 'vitest';
import { allocations, dayRange, handPlan, repeat, tx } from '../../test/builders';
import { computeMonth } from './compute-month';

const START = '2026-02-01'; // nothing finished yet: no rollover in the cover examples

describe('overspend: donor tiers (domain §4), February 2026', () => {
  it('takes from Flex first, in proportion to its later days, extra units to earlier days', () => {
    const plan = handPlan([
      { id: 'flex', days: 100 },
      { id: 'dining_out', days: { 1: 20 } },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 70)], START);
    // 50 from 27 days × 100: 1 each + 23 extra units to days 2–24.
    expect(allocations(month, 'flex')).toEqual([100, ...repeat(23, 98), ...repeat(4, 99)]);
    expect(month.cell(1, 'dining_out')).toMatchObject({
      allocationMinor: 70,
      spentMinor: 70,
      coveredMinor: 50,
      uncoveredMinor: 0,
      remainingMinor: 0,
      status: 'yellow', // 50 over the 20 it had, within the 2.00 USD floor
    });
    expect(month.moves).toEqual([
      {
        reason: 'overspend',
        fromCategoryId: 'flex',
        toCategoryId: 'dining_out',
        fromDays: dayRange(2, 28),
        toDays: [1],
        amountMinor: 50,
        onDay: 1,
      },
    ]);
  });

  it('then the category’s own later days when it is discretionary', () => {
    const plan = handPlan([
      { id: 'flex', days: { 2: 30 } },
      { id: 'dining_out', days: { 1: 20, 5: 100, 9: 100 } },
      { id: 'entertainment', days: { 3: 100 } },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 120)], START);
    expect(allocations(month, 'flex')[1]).toBe(0);
    expect(allocations(month, 'dining_out').filter((v) => v > 0)).toEqual([120, 65, 65]);
    expect(allocations(month, 'entertainment')[2]).toBe(100);
    expect(month.moves.map((m) => [m.fromCategoryId, m.amountMinor, m.fromDays])).toEqual([
      ['flex', 30, [2]],
      ['dining_out', 70, [5, 9]],
    ]);
  });

  it('a protected category: discretionary, then flexible, then protected including its own days', () => {
    const plan = handPlan([
      { id: 'groceries', days: 50 },
      { id: 'dining_out', days: { 4: 100 } },
      { id: 'coffee', days: { 2: 60, 3: 60 } },
    ]);
    const month = computeMonth(plan, [tx('groceries', 1, 350)], START);
    expect(month.moves.map((m) => [m.fromCategoryId, m.amountMinor, m.fromDays.length])).toEqual([
      ['dining_out', 100, 1],
      ['coffee', 120, 2],
      ['groceries', 80, 27], // 80 of 1,350: 2 each + 26 extra units to days 2–27
    ]);
    expect(allocations(month, 'groceries')).toEqual([350, ...repeat(26, 47), 48]);
    expect(allocations(month, 'coffee')).toEqual(repeat(28, 0));
  });

  it('other discretionary categories share in proportion to their later allocations', () => {
    const plan = handPlan([
      { id: 'clothing', days: { 1: 10 } },
      { id: 'dining_out', days: { 5: 300 } },
      { id: 'entertainment', days: { 6: 100 } },
      { id: 'groceries', days: 50 },
    ]);
    const month = computeMonth(plan, [tx('clothing', 1, 50)], START);
    expect(month.moves.map((m) => [m.fromCategoryId, m.amountMinor])).toEqual([
      ['dining_out', 30],
      ['entertainment', 10],
    ]);
    expect(allocations(month, 'groceries')).toEqual(repeat(28, 50));
  });

  it('discretionary donors give before flexible ones', () => {
    const plan = handPlan([
      { id: 'dining_out', days: { 1: 0 } },
      { id: 'entertainment', days: { 3: 20 } },
      { id: 'coffee', days: { 2: 100 } },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 50)], START);
    expect(month.moves.map((m) => [m.fromCategoryId, m.amountMinor])).toEqual([
      ['entertainment', 20],
      ['coffee', 30],
    ]);
  });

  it('never takes from sacred categories: with only sacred donors the overspend stays uncovered', () => {
    const plan = handPlan([
      { id: 'savings', days: 100 },
      { id: 'rent', days: { 1: 1000 } },
      { id: 'goal:trip', behaviour: 'spread', priority: 'sacred', days: 10 },
      { id: 'dining_out', days: {} },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 500)], START);
    expect(month.moves).toEqual([]);
    expect(month.cell(1, 'dining_out')).toMatchObject({
      allocationMinor: 0,
      uncoveredMinor: 500,
      status: 'red',
    });
    expect(month.totals).toEqual({
      plannedMinor: 4080,
      allocatedMinor: 4080,
      spentMinor: 500,
      deficitMinor: 500,
    });
  });

  it('leaves an overspend on the last day of the month uncovered', () => {
    const plan = handPlan([
      { id: 'flex', days: 100 },
      { id: 'dining_out', days: {} },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 28, 80)], START);
    expect(month.totals.deficitMinor).toBe(80);
    expect(allocations(month, 'flex')).toEqual(repeat(28, 100));
  });

  it('never takes a day below zero: what donors lack stays uncovered', () => {
    const plan = handPlan([
      { id: 'flex', days: { 2: 30 } },
      { id: 'dining_out', days: {} },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 100)], START);
    expect(month.cell(2, 'flex')?.allocationMinor).toBe(0);
    expect(month.cell(1, 'dining_out')).toMatchObject({ coveredMinor: 30, uncoveredMinor: 70 });
  });

  it('handles categories of a day in order: protected before discretionary', () => {
    const plan = handPlan([
      { id: 'flex', days: { 2: 60 } },
      { id: 'groceries', days: { 1: 10 } },
      { id: 'dining_out', days: {} },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 30), tx('groceries', 1, 60)], START);
    expect(month.cell(1, 'groceries')).toMatchObject({ coveredMinor: 50, uncoveredMinor: 0 });
    expect(month.cell(1, 'dining_out')).toMatchObject({ coveredMinor: 10, uncoveredMinor: 20 });
  });
});

describe('fixed categories are monthly', () => {
  const plan = handPlan([
    { id: 'rent', days: { 1: 100000 } },
    { id: 'flex', days: 100 },
  ]);

  it('rent paid on the 3rd is neither an overspend on the 3rd nor an underspend on the 1st', () => {
    const month = computeMonth(plan, [tx('rent', 3, 100000)], '2026-02-10');
    expect(
      month.moves.filter((m) => m.fromCategoryId === 'rent' || m.toCategoryId === 'rent'),
    ).toEqual([]);
    expect(month.cell(1, 'rent')).toMatchObject({ remainingMinor: 100000, status: 'green' });
    expect(month.cell(3, 'rent')).toMatchObject({
      remainingMinor: 0,
      status: 'green',
      coveredMinor: 0,
    });
  });

  it('rent paid in two parts is still within the month', () => {
    const month = computeMonth(plan, [tx('rent', 1, 60000), tx('rent', 20, 40000)], START);
    expect(month.moves).toEqual([]);
  });

  it('only spending beyond the month allocation is an overspend, on the day it happens', () => {
    const month = computeMonth(plan, [tx('rent', 1, 100000), tx('rent', 10, 900)], START);
    expect(month.moves).toEqual([
      {
        reason: 'overspend',
        fromCategoryId: 'flex',
        toCategoryId: 'rent',
        fromDays: dayRange(11, 28),
        toDays: [10],
        amountMinor: 900,
        onDay: 10,
      },
    ]);
    expect(allocations(month, 'flex').slice(10)).toEqual(repeat(18, 50));
    // Month-to-date 1,009.00 against 1,000.00: over by 9.00 ≤ T = max(2, min(25, 50)) → yellow.
    expect(month.cell(10, 'rent')).toMatchObject({ allocationMinor: 900, status: 'yellow' });
  });
});
