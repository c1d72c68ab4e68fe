import {
  GOAL_CATEGORY_PREFIX,
  goalProgress,
  type GoalProgress,
  type GoalStatus,
  type LocalDate,
  type PlanGoalInput,
} from '@pace/engine';
import { parseAmount } from '../../graphql/money.type';
import { isUuid } from '../../graphql/ids';
import type { Db } from '../../infra/db/database';
import type {
  BudgetMonthService,
  GoalSavings,
  LedgerChange,
  WriteContext,
  WriteOutcome,
} from '../budget';
import { GoalError } from './goal.errors';
import type { GoalChanges, GoalRepository } from './goal.repository';
import type { GoalRow } from './goal.table';

const MAX_NAME = 100;
const MAX_PRIORITY = 100;

/**
 * Contributions per goal category (`goal:<id>` → minor units): live expenses and transfers (the
 * surplus rollover's) booked on it.
 */
export type GoalContributionReader = (db: Db, userId: string) => Promise<Map<string, number>>;

export interface GoalFields {
  name?: string | null;
  target?: string | null;
  targetOn?: LocalDate | null;
  priority?: number | null;
  status?: GoalStatus | null;
}

/** A goal with what its contributions add up to. */
export interface GoalView {
  row: GoalRow;
  savedMinor: number;
  progress: GoalProgress;
}

export interface GoalResult {
  goal: GoalView;
  /** The edit was based on a stale version: nothing changed, the current goal is returned. */
  conflict: boolean;
  /** The budget currency, as the write read it with the lock. */
  currency: string;
}

export const goalCategoryOf = (goalId: string) => `${GOAL_CATEGORY_PREFIX}${goalId}`;

/**
 * Savings goals (domain §6), written under the user's budget lock. A goal's reservation enters the
 * plan when the plan is made: the next month's, or the current one on `regeneratePlan`, as for
 * any change of the plan settings.
 */
export class GoalService {
  constructor(
    private readonly deps: {
      repository: GoalRepository;
      months: BudgetMonthService;
      contributions: GoalContributionReader;
      db: Db;
      newId: () => string;
    },
  ) {}

  /** Creates once: replaying the same id returns the stored goal and changes nothing. */
  async create(
    userId: string,
    input: GoalFields & { id?: string | null; name: string; target: string },
  ): Promise<GoalResult> {
    if (input.id != null && !isUuid(input.id))
      throw new GoalError('GOAL_INPUT_INVALID', { message: 'id must be a UUID.' });
    const id = input.id ?? this.deps.newId();
    let currency = '';
    const row = await this.deps.months.write(userId, async (tx, context) => {
      currency = context.settings.currency;
      const repository = this.deps.repository.with(tx);
      const replay = async (): Promise<WriteOutcome<GoalRow> | null> => {
        const existing = await repository.find(id);
        if (!existing) return null;
        if (existing.userId !== userId) throw new GoalError('GOAL_ID_TAKEN');
        return { value: existing, months: [], cause: 'plan' };
      };
      let fields: ReturnType<typeof resolveFields>;
      try {
        fields = resolveFields({ status: 'active', ...input }, contextOf(context), null);
      } catch (error) {
        // A replay returns what was stored, even if its input would no longer be accepted.
        const replayed = await replay();
        if (replayed) return replayed;
        throw error;
      }
      const inserted = await repository.insertUnlessExists({
        id,
        userId,
        ...fields,
        createdAt: context.now,
        updatedAt: context.now,
        deletedAt: null,
      });
      if (inserted) return { value: inserted, months: [], cause: 'plan' };
      const replayed = await replay();
      if (replayed) return replayed;
      throw new Error('insert skipped but no goal has the id');
    });
    return { goal: await this.view(userId, row), conflict: false, currency };
  }

  /** Edits when `baseVersion` is current; otherwise returns the current goal with `conflict`. */
  async update(
    userId: string,
    input: GoalFields & { id: string; baseVersion: number },
  ): Promise<GoalResult> {
    return this.change(userId, input.id, (current, context) =>
      current.version !== input.baseVersion || current.deletedAt
        ? null
        : { ...resolveFields(input, contextOf(context), current), updatedAt: context.now },
    );
  }

  /** Deletes (a tombstone for devices); contributions stay in the ledger as they were. */
  async delete(userId: string, id: string): Promise<GoalResult> {
    return this.change(userId, id, (current, context) =>
      current.deletedAt ? 'unchanged' : { deletedAt: context.now, updatedAt: context.now },
    );
  }

  async get(userId: string, id: string): Promise<GoalView> {
    const row = isUuid(id) ? await this.deps.repository.find(id) : null;
    if (!row || row.userId !== userId || row.deletedAt) throw new GoalError('GOAL_NOT_FOUND');
    return this.view(userId, row);
  }

  async list(userId: string): Promise<GoalView[]> {
    return this.views(userId, await this.deps.repository.list(userId));
  }

  /** Goals with their contributions, in one read of the ledger. */
  async views(userId: string, rows: readonly GoalRow[]): Promise<GoalView[]> {
    const goals = await withSaved(this.deps.contributions, this.deps.db, userId, rows);
    return goals.map(({ row, savedMinor }) => viewOf(row, savedMinor));
  }

  private async view(userId: string, row: GoalRow): Promise<GoalView> {
    const [view] = await this.views(userId, [row]);
    if (!view) throw new Error('no view of a goal');
    return view;
  }

  private async change(
    userId: string,
    id: string,
    decide: (current: GoalRow, context: WriteContext) => GoalChanges | 'unchanged' | null,
  ): Promise<GoalResult> {
    // Ownership first, so another person's id is NOT_FOUND whatever the caller's own budget state.
    const found = isUuid(id) ? await this.deps.repository.find(id) : null;
    if (!found || found.userId !== userId) throw new GoalError('GOAL_NOT_FOUND');
    let conflict = false;
    let currency = '';
    const row = await this.deps.months.write(userId, async (tx, context) => {
      currency = context.settings.currency;
      const repository = this.deps.repository.with(tx);
      const current = await repository.find(id);
      if (!current || current.userId !== userId) throw new GoalError('GOAL_NOT_FOUND');
      const changes = decide(current, context);
      if (changes === null || changes === 'unchanged') {
        conflict = changes === null;
        return { value: current, months: [], cause: 'plan' };
      }
      return { value: await repository.update(id, changes), months: [], cause: 'plan' };
    });
    return { goal: await this.view(userId, row), conflict, currency };
  }
}

/**
 * Reads the goals a plan made now reserves for (the engine keeps the active ones), with what they
 * have saved; the budget feature calls it when it makes a plan.
 */
export function planGoalsReader(deps: {
  repository: GoalRepository;
  contributions: GoalContributionReader;
}): (db: Db, userId: string) => Promise<PlanGoalInput[]> {
  return async (db, userId) => {
    const rows = await deps.repository.with(db).list(userId);
    return (await withSaved(deps.contributions, db, userId, rows)).map(({ row, savedMinor }) => ({
      id: row.id,
      name: row.name,
      targetMinor: row.targetMinor,
      savedMinor,
      targetOn: row.targetOn,
      status: row.status,
      priority: row.priority,
    }));
  };
}

/**
 * Reads, inside a ledger write (after its own statement), the goals its change touched with what
 * they had saved before and after it: the budget feature sends their milestones.
 */
export function goalSavingsReader(deps: {
  repository: GoalRepository;
  contributions: GoalContributionReader;
}): (db: Db, userId: string, change: LedgerChange) => Promise<GoalSavings[]> {
  return async (db, userId, change) => {
    const contributions = (entries: LedgerChange['before'], categoryId: string) =>
      entries
        .filter((t) => t.direction !== 'income' && t.categoryId === categoryId)
        .reduce((sum, t) => sum + t.amountMinor, 0);
    const touched = new Set(
      [...change.before, ...change.after]
        .filter((t) => t.direction !== 'income' && t.categoryId.startsWith(GOAL_CATEGORY_PREFIX))
        .map((t) => t.categoryId),
    );
    if (touched.size === 0) return [];
    const rows = (await deps.repository.with(db).list(userId)).filter((row) =>
      touched.has(goalCategoryOf(row.id)),
    );
    return (await withSaved(deps.contributions, db, userId, rows)).map(({ row, savedMinor }) => {
      const categoryId = goalCategoryOf(row.id);
      return {
        goalId: row.id,
        name: row.name,
        targetMinor: row.targetMinor,
        savedAfterMinor: savedMinor,
        savedBeforeMinor:
          savedMinor -
          contributions(change.after, categoryId) +
          contributions(change.before, categoryId),
      };
    });
  };
}

/** Goals with what their contributions add up to, in one read of the ledger (none: no read). */
async function withSaved(
  contributions: GoalContributionReader,
  db: Db,
  userId: string,
  rows: readonly GoalRow[],
): Promise<Array<{ row: GoalRow; savedMinor: number }>> {
  if (rows.length === 0) return [];
  const saved = await contributions(db, userId);
  return rows.map((row) => ({ row, savedMinor: saved.get(goalCategoryOf(row.id)) ?? 0 }));
}

function viewOf(row: GoalRow, savedMinor: number): GoalView {
  return {
    row,
    savedMinor,
    progress: goalProgress({ targetMinor: row.targetMinor, savedMinor }),
  };
}

/** What checking a goal's fields depends on: the budget currency and the person's today. */
export interface GoalFieldContext {
  currency: string;
  today: LocalDate;
}

const contextOf = (context: WriteContext): GoalFieldContext => ({
  currency: context.settings.currency,
  today: context.today,
});

/** Validates wire fields; an edit keeps what it does not give. */
export function resolveFields(
  input: GoalFields,
  context: GoalFieldContext,
  current: GoalRow | null,
): Pick<GoalRow, 'name' | 'targetMinor' | 'targetOn' | 'priority' | 'status'> {
  const invalid = (message: string) => new GoalError('GOAL_INPUT_INVALID', { message });
  const name = input.name != null ? input.name.trim() : current?.name;
  if (!name) throw invalid('name must not be empty.');
  if (name.length > MAX_NAME) throw invalid(`name is longer than ${MAX_NAME} characters.`);
  const targetMinor =
    input.target != null
      ? parseAmount(input.target, context.currency, { field: 'target' })
      : current?.targetMinor;
  if (targetMinor === undefined || targetMinor <= 0)
    throw invalid('target must be more than zero.');
  const priority = input.priority ?? current?.priority ?? 1;
  if (!Number.isInteger(priority) || priority < 1 || priority > MAX_PRIORITY)
    throw invalid(`priority must be a whole number from 1 to ${MAX_PRIORITY}.`);
  const targetOn = input.targetOn !== undefined ? input.targetOn : (current?.targetOn ?? null);
  if (input.targetOn != null && input.targetOn < context.today)
    throw invalid('targetOn must be today or later.');
  const status = input.status ?? current?.status ?? 'active';
  return { name, targetMinor, targetOn: targetOn ?? null, priority, status };
}
