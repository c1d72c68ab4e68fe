import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { epochDayOf, weekdayOfEpochDay } from '../time/calendar';
import { chooseClusteredDays, fnv1a, placeFixed, spreadOver, type PlanSpan } from './days';

const spanOf = (year: number, month: number, firstDay: number, daysInMonth: number): PlanSpan => ({
  daysInMonth,
  firstDay,
  monthEpochDay: epochDayOf({ year, month, day: 1 }),
});

describe('day helpers', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-1a of %j is %i', (text, hash) => {
    expect(fnv1a(text)).toBe(hash);
  });

  it('spreads with the extra units on the earlier chosen days', () => {
    expect(spreadOver(10, [2, 5, 9], spanOf(2026, 2, 1, 10))).toEqual([
      0, 4, 0, 0, 3, 0, 0, 0, 3, 0,
    ]);
  });

  it('clamps due days into the plan span and adds bills of one day', () => {
    const span = spanOf(2026, 2, 10, 28);
    const days = placeFixed(
      [
        { amountMinor: 5, dueDay: 1 },
        { amountMinor: 7, dueDay: 31 },
        { amountMinor: 1, dueDay: 10 },
      ],
      span,
    );
    expect([days[9], days[27]]).toEqual([6, 7]);
  });
});

describe('clustered days (property)', () => {
  it('are distinct, ascending, inside the plan, weekends first, and stable', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('dining_out', 'clothing', 'fuel', 'pets'),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 35 }),
        (userId, categoryId, month, firstPick, count) => {
          const daysInMonth = new Date(Date.UTC(2026, month, 0)).getUTCDate();
          const span = spanOf(2026, month, Math.min(firstPick, daysInMonth), daysInMonth);
          const key = { userId, month: `2026-${String(month).padStart(2, '0')}`, categoryId };
          const chosen = chooseClusteredDays(key, count, span, [0, 6]);
          const planDays = daysInMonth - span.firstDay + 1;
          expect(chosen).toHaveLength(Math.min(count, planDays));
          expect([...chosen].sort((a, b) => a - b)).toEqual(chosen);
          expect(new Set(chosen).size).toBe(chosen.length);
          expect(chosen.every((d) => d >= span.firstDay && d <= daysInMonth)).toBe(true);
          const isWeekend = (d: number): boolean =>
            [0, 6].includes(weekdayOfEpochDay(span.monthEpochDay + d - 1));
          const weekends = Array.from({ length: planDays }, (_, i) => span.firstDay + i).filter(
            isWeekend,
          );
          expect(chosen.filter(isWeekend)).toHaveLength(Math.min(chosen.length, weekends.length));
          expect(chooseClusteredDays(key, count, span, [0, 6])).toEqual(chosen);
        },
      ),
      { numRuns: 200 },
    );
  });
});
