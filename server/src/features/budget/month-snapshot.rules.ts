import type {
  CategoryMonthView,
  DayView,
  LocalDate,
  LocalMonth,
  MonthState,
  MonthTotals,
  Move,
  Status,
} from '@pace/engine';

/** One (day, category) as stored in a snapshot. */
export interface SnapshotCell {
  readonly categoryId: string;
  readonly allocationMinor: number;
  readonly spentMinor: number;
  readonly remainingMinor: number;
  readonly coveredMinor: number;
  readonly uncoveredMinor: number;
  readonly status: Status;
}

export interface SnapshotDay {
  readonly date: LocalDate;
  readonly day: number;
  readonly isFinished: boolean;
  readonly isToday: boolean;
  readonly allocationMinor: number;
  readonly spentMinor: number;
  readonly cells: readonly SnapshotCell[];
}

/** A move of the engine, or a manual move the user made with adjustBudget. */
export type SnapshotMove = Omit<Move, 'reason'> & { readonly reason: Move['reason'] | 'manual' };

/** A computed month as plain JSON: what budget reads serve and budgetUpdated diffs against. */
export interface MonthSnapshot {
  readonly month: LocalMonth;
  readonly currency: string;
  readonly today: LocalDate;
  readonly firstDay: number;
  readonly daysInMonth: number;
  readonly totals: MonthTotals;
  readonly categories: readonly CategoryMonthView[];
  readonly days: readonly SnapshotDay[];
  readonly moves: readonly SnapshotMove[];
}

/** Copies what the read side needs out of the engine's month state (manual moves first). */
export function snapshotOf(
  state: MonthState,
  manualMoves: readonly SnapshotMove[] = [],
): MonthSnapshot {
  return {
    month: state.month,
    currency: state.currency,
    today: state.today,
    firstDay: state.firstDay,
    daysInMonth: state.daysInMonth,
    totals: { ...state.totals },
    categories: state.categories.map((c) => ({ ...c })),
    days: state.days.map(snapshotDayOf),
    moves: [...manualMoves, ...state.moves].map((m) => ({
      ...m,
      fromDays: [...m.fromDays],
      toDays: [...m.toDays],
    })),
  };
}

/** A day of the engine's month as a snapshot holds it. */
export function snapshotDayOf(day: DayView): SnapshotDay {
  return {
    date: day.date,
    day: day.day,
    isFinished: day.isFinished,
    isToday: day.isToday,
    allocationMinor: day.allocationMinor,
    spentMinor: day.spentMinor,
    cells: day.categories.map((cell) => ({
      categoryId: cell.categoryId,
      allocationMinor: cell.allocationMinor,
      spentMinor: cell.spentMinor,
      remainingMinor: cell.remainingMinor,
      coveredMinor: cell.coveredMinor,
      uncoveredMinor: cell.uncoveredMinor,
      status: cell.status,
    })),
  };
}

/** What changed between two computations of one month. */
export interface MonthDiff {
  readonly days: readonly SnapshotDay[];
  readonly categories: readonly CategoryMonthView[];
  /** Moves of the new computation that the previous one did not have. */
  readonly movesAdded: readonly SnapshotMove[];
  /** Moves of the previous computation that are gone (money given back). */
  readonly movesUndone: readonly SnapshotMove[];
}

const sameCell = (a: SnapshotCell, b: SnapshotCell | undefined) =>
  b !== undefined &&
  a.categoryId === b.categoryId &&
  a.allocationMinor === b.allocationMinor &&
  a.spentMinor === b.spentMinor &&
  a.coveredMinor === b.coveredMinor &&
  a.uncoveredMinor === b.uncoveredMinor &&
  a.status === b.status;
const categoryKey = (c: CategoryMonthView) =>
  `${c.allocationMinor}|${c.spentMinor}|${c.coveredMinor}|${c.uncoveredMinor}|${c.status}`;

function hashText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function hashNumbers(hash: number, values: readonly number[]): number {
  let h = Math.imul(hash ^ values.length, 0x01000193);
  for (const value of values) h = Math.imul(h ^ value, 0x01000193);
  return h;
}

/** A 32-bit FNV-style hash of every field of a move (equal moves hash alike). */
function moveHash(m: SnapshotMove): number {
  let h = hashText(0x811c9dc5, m.reason);
  h = hashText(h, m.fromCategoryId);
  h = hashText(h ^ 0x2f, m.toCategoryId);
  h = hashNumbers(h, m.fromDays);
  h = hashNumbers(h ^ 0x3b, m.toDays);
  h = Math.imul(h ^ m.amountMinor, 0x01000193);
  return Math.imul(h ^ m.onDay, 0x01000193);
}

const sameNumbers = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

const sameMove = (a: SnapshotMove, b: SnapshotMove) =>
  a.reason === b.reason &&
  a.fromCategoryId === b.fromCategoryId &&
  a.toCategoryId === b.toCategoryId &&
  a.amountMinor === b.amountMinor &&
  a.onDay === b.onDay &&
  sameNumbers(a.fromDays, b.fromDays) &&
  sameNumbers(a.toDays, b.toDays);

/** The moves of `moves` that `others` does not have (compared field by field). */
function movesMissingFrom(
  moves: readonly SnapshotMove[],
  others: readonly SnapshotMove[],
): SnapshotMove[] {
  const buckets = new Map<number, SnapshotMove[]>();
  for (const other of others) {
    const hash = moveHash(other);
    const bucket = buckets.get(hash);
    if (bucket) bucket.push(other);
    else buckets.set(hash, [other]);
  }
  return moves.filter((m) => !buckets.get(moveHash(m))?.some((other) => sameMove(m, other)));
}

function dayChanged(before: SnapshotDay | undefined, after: SnapshotDay): boolean {
  if (!before || before.cells.length !== after.cells.length) return true;
  // Cells come in the month's category order; only a reordered day needs the lookup.
  if (after.cells.every((c, i) => sameCell(c, before.cells[i]))) return false;
  const previous = new Map(before.cells.map((c) => [c.categoryId, c]));
  return after.cells.some((c) => {
    return !sameCell(c, previous.get(c.categoryId));
  });
}

/** The days, categories and moves that differ; with no previous snapshot everything is new. */
export function diffSnapshots(before: MonthSnapshot | null, after: MonthSnapshot): MonthDiff {
  const beforeDays = new Map(before?.days.map((d) => [d.day, d]) ?? []);
  const beforeCategories = new Map(before?.categories.map((c) => [c.id, categoryKey(c)]) ?? []);
  return {
    days: after.days.filter((d) => dayChanged(beforeDays.get(d.day), d)),
    categories: after.categories.filter((c) => beforeCategories.get(c.id) !== categoryKey(c)),
    movesAdded: movesMissingFrom(after.moves, before?.moves ?? []),
    movesUndone: movesMissingFrom(before?.moves ?? [], after.moves),
  };
}

/**
 * The same diff between two computations of one month under the same plan and manual moves (a
 * ledger write), read off the engine's arrays: only the changed days are materialised.
 */
export function diffMonthStates(before: MonthState, after: MonthState): MonthDiff {
  const changed = after.changedSince(before);
  const categoryIds = new Set(changed.categoryIds);
  return {
    days: changed.days.map((day) => snapshotDayOf(after.day(day) as DayView)),
    categories: after.categories.filter((c) => categoryIds.has(c.id)),
    movesAdded: movesMissingFrom(after.moves, before.moves),
    movesUndone: movesMissingFrom(before.moves, after.moves),
  };
}

/**
 * A snapshot as stored: the day grid in columns (one array per field, in `categoryIds` order)
 * instead of 1,550 keyed objects. About a fifth of the JSON to write, send and parse, and it is
 * stored as `json` (kept as text), so PostgreSQL neither parses nor re-renders it.
 */
export interface StoredSnapshot extends Omit<MonthSnapshot, 'days'> {
  readonly format: 2;
  readonly categoryIds: readonly string[];
  readonly days: readonly StoredDay[];
}

interface StoredDay {
  readonly finished: boolean;
  readonly allocation: readonly number[];
  readonly spent: readonly number[];
  readonly remaining: readonly number[];
  readonly covered: readonly number[];
  readonly uncovered: readonly number[];
  /** One letter per category: g(reen), y(ellow), r(ed). */
  readonly status: string;
}

const STATUS_LETTER: Readonly<Record<Status, string>> = { green: 'g', yellow: 'y', red: 'r' };
const LETTER_STATUS: Readonly<Record<string, Status>> = { g: 'green', y: 'yellow', r: 'red' };

export function encodeSnapshot(snapshot: MonthSnapshot): StoredSnapshot {
  const { days, ...month } = snapshot;
  const categoryIds = days[0]?.cells.map((c) => c.categoryId) ?? [];
  return {
    ...month,
    format: 2,
    categoryIds,
    days: days.map((day) => {
      const cells = categoryIds.map((id, i) => {
        const cell = day.cells[i]?.categoryId === id ? day.cells[i] : undefined;
        if (!cell) throw new Error(`day ${day.date} does not list its categories in month order`);
        return cell;
      });
      return {
        finished: day.isFinished,
        allocation: cells.map((c) => c.allocationMinor),
        spent: cells.map((c) => c.spentMinor),
        remaining: cells.map((c) => c.remainingMinor),
        covered: cells.map((c) => c.coveredMinor),
        uncovered: cells.map((c) => c.uncoveredMinor),
        status: cells.map((c) => STATUS_LETTER[c.status]).join(''),
      };
    }),
  };
}

export function decodeSnapshot(stored: StoredSnapshot): MonthSnapshot {
  const { format: _format, categoryIds, days, ...month } = stored;
  return {
    ...month,
    days: days.map((day, index) => {
      const date = `${stored.month}-${String(index + 1).padStart(2, '0')}`;
      const cells: SnapshotCell[] = categoryIds.map((categoryId, i) => ({
        categoryId,
        allocationMinor: day.allocation[i] ?? 0,
        spentMinor: day.spent[i] ?? 0,
        remainingMinor: day.remaining[i] ?? 0,
        coveredMinor: day.covered[i] ?? 0,
        uncoveredMinor: day.uncovered[i] ?? 0,
        status: LETTER_STATUS[day.status[i] ?? 'g'] ?? 'green',
      }));
      return {
        date,
        day: index + 1,
        isFinished: day.finished,
        isToday: date === stored.today,
        allocationMinor: cells.reduce((sum, c) => sum + c.allocationMinor, 0),
        spentMinor: cells.reduce((sum, c) => sum + c.spentMinor, 0),
        cells,
      };
    }),
  };
}
