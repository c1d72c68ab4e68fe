/**
 * The result of computeMonth. It keeps the flat arrays of the walk and builds friendly objects
 * only when they are read (and then remembers them), so a server that needs today's numbers pays
 * for today's numbers only.
 *
 * Status of a cell compares spending with the allocation the day had before any cover, so an
 * overspend shows yellow or red on the day it happened even when donors covered it; a fixed
 * category compares month-to-date spending with its month allocation (before covers) instead.
 */
import { computeStatus } from '../status/status';
import type { LocalDate } from '../time/calendar';
import type { LaidCategory } from './layout';
import { decodeMoves, type MoveRecord } from './move-log';
import type { Move } from './types';
import type { CategoryMonthView, CellView, DayView, MonthJson, MonthTotals } from './month-views';
import type { Walk } from './walk';

/** Parts MonthState is built from. */
export interface MonthStateParts {
  readonly walk: Walk;
  readonly moves: MoveRecord;
  readonly today: LocalDate;
  readonly finished: number;
}

/** Computed state of a month: allocations, spending, statuses and the moves that explain them. */
export class MonthState {
  readonly month: string;
  readonly currency: string;
  readonly today: LocalDate;
  readonly daysInMonth: number;
  readonly firstDay: number;
  /** Days before this many (1-based day ≤ finishedDays) are finished. */
  readonly finishedDays: number;
  readonly categoryIds: readonly string[];
  private readonly walk: Walk;
  private readonly flatMoves: MoveRecord;
  private memo: {
    days?: DayView[];
    moves?: Move[];
    categories?: CategoryMonthView[];
    totals?: MonthTotals;
  } = {};

  constructor(parts: MonthStateParts) {
    const { plan, ids } = parts.walk.layout;
    this.walk = parts.walk;
    this.flatMoves = parts.moves;
    this.month = plan.month;
    this.currency = plan.currency;
    this.today = parts.today;
    this.daysInMonth = plan.daysInMonth;
    this.firstDay = plan.firstDay;
    this.finishedDays = parts.finished;
    this.categoryIds = ids;
  }

  /** Index of a category id, or −1. */
  indexOf(categoryId: string): number {
    return this.walk.layout.index.get(categoryId) ?? -1;
  }

  private dateOf(day: number): LocalDate {
    return `${this.month}-${day < 10 ? '0' : ''}${day}`;
  }

  private at(
    array: Float64Array | ReadonlyMap<number, number> | null,
    d: number,
    c: number,
  ): number {
    if (array === null) return 0;
    const cell = d * this.walk.layout.count + c;
    return array instanceof Float64Array ? (array[cell] ?? 0) : (array.get(cell) ?? 0);
  }

  /** Month allocation of category index c before any cover. */
  private uncoveredBase(c: number): number {
    let covered = 0;
    for (let d = 0; d < this.daysInMonth; d += 1) covered += this.at(this.walk.covered, d, c);
    return (this.walk.totals[c] ?? 0) - covered;
  }

  private monthToDate(c: number, d: number): number {
    let sum = 0;
    for (let j = 0; j <= d; j += 1) sum += this.at(this.walk.spent, j, c);
    return sum;
  }

  private cellAt(d: number, c: number): CellView {
    const allocation = this.at(this.walk.alloc, d, c);
    const spent = this.at(this.walk.spent, d, c);
    const covered = this.at(this.walk.covered, d, c);
    const isFixed = this.walk.layout.isFixed[c] === 1;
    const measured = isFixed ? this.monthToDate(c, d) : spent;
    const against = isFixed ? this.uncoveredBase(c) : allocation - covered;
    return {
      date: this.dateOf(d + 1),
      day: d + 1,
      categoryId: this.categoryIds[c] ?? '',
      allocationMinor: allocation,
      spentMinor: spent,
      remainingMinor: (isFixed ? (this.walk.totals[c] ?? 0) : allocation) - measured,
      coveredMinor: covered,
      uncoveredMinor: this.at(this.walk.uncovered, d, c),
      status: computeStatus({
        spentMinor: measured,
        allocationMinor: against,
        currency: this.currency,
      }),
    };
  }

  /** The cell of a day (1-based) and category, or undefined when either is outside the month. */
  cell(day: number, categoryId: string): CellView | undefined {
    const c = this.indexOf(categoryId);
    if (c < 0 || !Number.isInteger(day) || day < 1 || day > this.daysInMonth) return undefined;
    return this.cellAt(day - 1, c);
  }

  /** One day (1-based) with all its categories. */
  day(day: number): DayView | undefined {
    if (!Number.isInteger(day) || day < 1 || day > this.daysInMonth) return undefined;
    const cells = this.categoryIds.map((_, c) => this.cellAt(day - 1, c));
    return {
      date: this.dateOf(day),
      day,
      isFinished: day <= this.finishedDays,
      isToday: this.today === this.dateOf(day),
      allocationMinor: cells.reduce((sum, cell) => sum + cell.allocationMinor, 0),
      spentMinor: cells.reduce((sum, cell) => sum + cell.spentMinor, 0),
      categories: cells,
    };
  }

  /** Today's day view, or undefined when today is not in this month. */
  todayView(): DayView | undefined {
    return this.today.startsWith(`${this.month}-`)
      ? this.day(Number(this.today.slice(8, 10)))
      : undefined;
  }

  /**
   * Spending and original plan of a day (1-based) over the spendable categories (neither fixed nor
   * sacred): what wins and pace are judged on.
   */
  spendableOfDay(day: number): { plannedMinor: number; spentMinor: number } {
    const { count, isSpendable, base } = this.walk.layout;
    let plannedMinor = 0;
    let spentMinor = 0;
    for (let c = 0; c < count; c += 1) {
      if (isSpendable[c] === 0) continue;
      plannedMinor += base[(day - 1) * count + c] ?? 0;
      spentMinor += this.at(this.walk.spent, day - 1, c);
    }
    return { plannedMinor, spentMinor };
  }

  /** Spending of a category from the first day through `day` (1-based). */
  spentThrough(categoryId: string, day: number): number {
    const c = this.indexOf(categoryId);
    return c < 0 || day < 1 ? 0 : this.monthToDate(c, Math.min(day, this.daysInMonth) - 1);
  }

  /** The category as laid out (behaviour, priority, plan amount), or undefined. */
  categoryInfo(categoryId: string): LaidCategory | undefined {
    const c = this.indexOf(categoryId);
    return c < 0 ? undefined : this.walk.layout.categories[c];
  }

  /** Every day of the month. */
  get days(): readonly DayView[] {
    this.memo.days ??= Array.from(
      { length: this.daysInMonth },
      (_, d) => this.day(d + 1) as DayView,
    );
    return this.memo.days;
  }

  /** Every move, in the order they happened. */
  get moves(): readonly Move[] {
    this.memo.moves ??= decodeMoves(this.flatMoves, this.categoryIds);
    return this.memo.moves;
  }

  private categoryAt(c: number): CategoryMonthView {
    const category = this.walk.layout.categories[c];
    if (category === undefined) throw new RangeError(`No category at index ${c}`);
    const { name, behaviour, priority, planMinor } = category;
    const sum = (array: Float64Array | ReadonlyMap<number, number> | null): number => {
      let total = 0;
      for (let d = 0; d < this.daysInMonth; d += 1) total += this.at(array, d, c);
      return total;
    };
    const allocation = this.walk.totals[c] ?? 0;
    const spent = sum(this.walk.spent);
    const covered = sum(this.walk.covered);
    return {
      id: this.categoryIds[c] ?? '',
      ...{ name, behaviour, priority, planMinor },
      allocationMinor: allocation,
      spentMinor: spent,
      remainingMinor: allocation - spent,
      coveredMinor: covered,
      uncoveredMinor: sum(this.walk.uncovered),
      status: computeStatus({
        spentMinor: spent,
        allocationMinor: allocation - covered,
        currency: this.currency,
      }),
    };
  }

  /** Every category over the month, in processing order. */
  get categories(): readonly CategoryMonthView[] {
    this.memo.categories ??= this.categoryIds.map((_, c) => this.categoryAt(c));
    return this.memo.categories;
  }

  /** Planned, allocated and spent totals and the uncovered deficit. */
  get totals(): MonthTotals {
    if (this.memo.totals === undefined) {
      const sum = (values: Iterable<number> | undefined): number => {
        let total = 0;
        for (const value of values ?? []) total += value;
        return total;
      };
      this.memo.totals = {
        plannedMinor: this.walk.layout.planTotals.reduce((a, b) => a + b, 0),
        allocatedMinor: sum(this.walk.alloc),
        spentMinor: sum(this.walk.spent),
        deficitMinor: sum(this.walk.uncovered?.values()),
      };
    }
    return this.memo.totals;
  }

  /**
   * What differs from `before`, another computation of the same month (say, before a write): the
   * days (1-based) with any cell or day figure that reads differently, and the categories whose
   * month view differs. It compares the flat arrays and builds views only for cells whose figures
   * moved, so a server can tell a device what changed without materialising either month.
   */
  changedSince(before: MonthState): { days: number[]; categoryIds: string[] } {
    const n = this.daysInMonth;
    const ids = this.categoryIds;
    const count = ids.length;
    const everyDay = () => Array.from({ length: n }, (_, d) => d + 1);
    if (before.month !== this.month || before.daysInMonth !== n || before.today !== this.today)
      return { days: everyDay(), categoryIds: [...ids] };
    const previousCategories = new Map(before.categories.map((c) => [c.id, c]));
    const categoryIds = this.categories
      .filter((c) => !sameCategoryView(c, previousCategories.get(c.id)))
      .map((c) => c.id);
    const map = ids.map((id) => before.indexOf(id));
    // A category added or gone changes the cells of every day, as a day view lists them all.
    if (before.categoryIds.length !== count || map.some((b) => b < 0))
      return { days: everyDay(), categoryIds };
    const a = this.walk;
    const b = before.walk;
    const changed = new Uint8Array(n);
    for (let c = 0; c < count; c += 1) {
      const bc = map[c] ?? -1;
      const fixed = a.layout.isFixed[c] === 1;
      // A fixed cell also reads month-to-date spending and the month's allocation before covers.
      const monthFiguresMoved =
        fixed &&
        ((a.totals[c] ?? 0) !== (b.totals[bc] ?? 0) ||
          this.uncoveredBase(c) !== before.uncoveredBase(bc));
      let toDateA = 0;
      let toDateB = 0;
      for (let d = 0; d < n; d += 1) {
        const spentA = this.at(a.spent, d, c);
        const spentB = before.at(b.spent, d, bc);
        toDateA += spentA;
        toDateB += spentB;
        if (changed[d] === 1) continue;
        const moved =
          fixed !== (b.layout.isFixed[bc] === 1) ||
          spentA !== spentB ||
          this.at(a.alloc, d, c) !== before.at(b.alloc, d, bc) ||
          this.at(a.covered, d, c) !== before.at(b.covered, d, bc) ||
          this.at(a.uncovered, d, c) !== before.at(b.uncovered, d, bc) ||
          (fixed && (monthFiguresMoved || toDateA !== toDateB));
        // Figures that moved may still read alike (a status that stays green): compare the views.
        if (moved && !sameCellView(this.cellAt(d, c), before.cellAt(d, bc))) changed[d] = 1;
      }
    }
    const days: number[] = [];
    for (let d = 0; d < n; d += 1) if (changed[d] === 1) days.push(d + 1);
    return { days, categoryIds };
  }

  /** Plain JSON of the whole month. */
  toJSON(): MonthJson {
    const { month, currency, today, daysInMonth, firstDay, totals, categories, days, moves } = this;
    return { month, currency, today, daysInMonth, firstDay, totals, categories, days, moves };
  }
}

/** The figures a cell and a category's month share. */
type Figures = Pick<
  CellView,
  'allocationMinor' | 'spentMinor' | 'remainingMinor' | 'coveredMinor' | 'uncoveredMinor' | 'status'
>;

function sameFigures(a: Figures, b: Figures): boolean {
  return (
    a.allocationMinor === b.allocationMinor &&
    a.spentMinor === b.spentMinor &&
    a.remainingMinor === b.remainingMinor &&
    a.coveredMinor === b.coveredMinor &&
    a.uncoveredMinor === b.uncoveredMinor &&
    a.status === b.status
  );
}

function sameCellView(a: CellView, b: CellView): boolean {
  return a.categoryId === b.categoryId && sameFigures(a, b);
}

function sameCategoryView(a: CategoryMonthView, b: CategoryMonthView | undefined): boolean {
  return (
    b !== undefined &&
    a.name === b.name &&
    a.behaviour === b.behaviour &&
    a.priority === b.priority &&
    a.planMinor === b.planMinor &&
    sameFigures(a, b)
  );
}
