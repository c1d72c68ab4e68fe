/**
 * `computeMonth(plan, transactions, today, settings)` (domain §4): a pure, deterministic walk over
 * the month's days. Within a day, categories are handled in processing order (sacred → protected →
 * flexible → discretionary → Flex, then id). Overspend is covered from later days by donor tier;
 * the underspend of each finished day (before `today`) rolls forward by the rollover setting.
 * Editing or deleting a transaction is just another call: nothing is stored between calls, so money
 * taken from donors comes back when the overspend disappears.
 *
 * Decisions: fixed categories are monthly (spending up to the month allocation is covered
 * whatever the day); sacred categories never donate and their unspent money does not roll (it is
 * the saving itself); a donor's share is taken from allocations as they stand at the moment of
 * the cover (earlier categories of the same day may already have taken some).
 */
import { EngineError } from '../errors';
import { parseLocalDate, type LocalDate } from '../time/calendar';
import type { Plan } from '../plan/types';
import { aggregateSpending } from './aggregate';
import { describeExtra, layoutOf, type Layout } from './layout';
import { MonthState } from './month-state';
import { MOVE_WORDS, MoveLog, type MoveRecord } from './move-log';
import { rollDay, settleDay } from './rollover';
import { coverOverspend, ensureScratch, type Walk } from './walk';
import type { KnownCategory, LedgerTransaction, MonthSettings, RolloverMode } from './types';
import { SAVINGS_CATEGORY_ID } from '../categories/taxonomy';

const MODES: ReadonlySet<string> = new Set(['spread', 'next_day', 'savings']);
let monthSpent = new Float64Array(0);
let fixedUncovered = new Float64Array(0);
let pending = new Float64Array(0);
let carried = new Float64Array(0);
const log = new MoveLog();

function finishedDays(plan: Plan, today: LocalDate): number {
  parseLocalDate(today);
  const month = today.slice(0, 7);
  if (month < plan.month) return 0;
  if (month > plan.month) return plan.daysInMonth;
  return Number(today.slice(8, 10)) - 1;
}

function markUncovered(walk: Walk, cell: number, amount: number): void {
  walk.uncovered ??= new Map();
  walk.uncovered.set(cell, (walk.uncovered.get(cell) ?? 0) + amount);
}

function coverDay(walk: Walk, d: number): void {
  const { count, isFixed } = walk.layout;
  const { alloc, spent, totals } = walk;
  const row = d * count;
  for (let c = 0; c < count; c += 1) {
    const spending = spent[row + c] ?? 0;
    if (spending === 0) continue;
    let over: number;
    if (isFixed[c] === 1) {
      const soFar = (monthSpent[c] ?? 0) + spending;
      monthSpent[c] = soFar;
      over = soFar - (totals[c] ?? 0) - (fixedUncovered[c] ?? 0);
    } else {
      over = spending - (alloc[row + c] ?? 0);
    }
    if (over <= 0) continue;
    const left = coverOverspend(walk, c, d, over);
    if (left > 0) {
      markUncovered(walk, row + c, left);
      if (isFixed[c] === 1) fixedUncovered[c] = (fixedUncovered[c] ?? 0) + left;
    }
  }
}

function walkMonth(laid: Laid, finished: number, mode: RolloverMode): Walk {
  const { layout, alloc, spent } = laid;
  laid.totals.set(layout.planTotals);
  ensureScratch(layout);
  if (monthSpent.length < layout.count) {
    monthSpent = new Float64Array(layout.count);
    fixedUncovered = new Float64Array(layout.count);
  }
  if (pending.length < layout.days * layout.count)
    pending = new Float64Array(layout.days * layout.count);
  if (carried.length < layout.count) carried = new Float64Array(layout.count);
  pending.fill(0);
  carried.fill(0);
  monthSpent.fill(0, 0, layout.count);
  fixedUncovered.fill(0, 0, layout.count);
  log.reset(laid.moves);
  const walk: Walk = {
    layout,
    alloc,
    spent,
    totals: laid.totals,
    uncovered: null,
    covered: null,
    log,
    pending,
    carried,
    isLazy: layout.isDense.slice(),
  };
  for (let d = 0; d < layout.days; d += 1) {
    settleDay(walk, d);
    coverDay(walk, d);
    if (d < finished) rollDay(walk, d, mode);
  }
  return walk;
}

/** A layout with this call's storage: allocations (starting as the plan's), spending, totals, moves. */
interface Laid {
  readonly layout: Layout;
  readonly alloc: Float64Array;
  readonly spent: Float64Array;
  readonly totals: Float64Array;
  readonly moves: MoveRecord;
}

/**
 * One buffer for everything the result keeps: a typed-array allocation costs more than its size
 * suggests, and one allocation instead of four is measurably faster.
 */
function storageFor(layout: Layout): Omit<Laid, 'layout'> {
  const size = layout.days * layout.count;
  const capacity = log.suggestedCapacity();
  const floats = 2 * size + layout.count + capacity;
  const buffer = new ArrayBuffer(floats * 8 + capacity * MOVE_WORDS * 4);
  const all = new Float64Array(buffer, 0, floats);
  return {
    alloc: all.subarray(0, size),
    spent: all.subarray(size, 2 * size),
    totals: all.subarray(2 * size, 2 * size + layout.count),
    moves: {
      amounts: all.subarray(2 * size + layout.count),
      words: new Uint32Array(buffer, floats * 8, capacity * MOVE_WORDS),
    },
  };
}

function spendingOf(layout: Layout, transactions: readonly LedgerTransaction[]) {
  const storage = storageFor(layout);
  storage.alloc.set(layout.base);
  const unknown = aggregateSpending(layout, transactions, storage.spent);
  return { laid: { layout, ...storage }, unknown };
}

function layOutFor(
  plan: Plan,
  transactions: readonly LedgerTransaction[],
  settings: MonthSettings,
  mode: RolloverMode,
): Laid {
  const first = spendingOf(layoutOf(plan), transactions);
  const needsSavings = mode === 'savings' && first.laid.layout.savings < 0;
  if (first.unknown === undefined && !needsSavings) return first.laid;
  const unknown = first.unknown;
  const ids = new Set(unknown);
  if (needsSavings) ids.add(SAVINGS_CATEGORY_ID);
  const known: readonly KnownCategory[] = settings.categories ?? [];
  const extras = [...ids].map((id) => describeExtra(id, known));
  return spendingOf(layoutOf(plan, extras), transactions).laid;
}

/** Computes the month's allocations, spending, statuses and moves from the plan and the ledger. */
export function computeMonth(
  plan: Plan,
  transactions: readonly LedgerTransaction[],
  today: LocalDate,
  settings: MonthSettings = {},
): MonthState {
  const mode = settings.rollover ?? 'spread';
  if (!MODES.has(mode)) {
    throw new EngineError('INPUT_INVALID', `Unknown rollover setting "${mode}"`, {
      rollover: mode,
    });
  }
  const finished = finishedDays(plan, today);
  const walk = walkMonth(layOutFor(plan, transactions, settings, mode), finished, mode);
  return new MonthState({ walk, moves: log.take(), today, finished });
}
