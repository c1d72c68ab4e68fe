import { addDays, compareLocalDates, formatDecimal, type LocalDate } from '@pace/engine';
import { parseAmount } from '../../graphql/money.type';
import type { BudgetMonthService, BudgetRepository } from '../budget';
import { canonicalCategory, type TransactionService } from '../transactions';
import { RecurringError } from './recurring.errors';
import type { RecurringRepository } from './recurring.repository';
import { occurrenceId, occurrencesBetween } from './recurring.rules';
import type { RecurringTransactionRow } from './recurring.table';
import { isUuid } from '../../graphql/ids';

/** How far before the user's today a recurring start may reach; older starts are refused. */
export const MAX_BACKFILL_DAYS = 366;

/** A recurring row the scheduled job could not post; it is skipped and reported, others go on. */
export interface SkippedRecurring {
  userId: string;
  recurringId: string | null;
  code: string;
}

export interface CreateRecurringRequest {
  id?: string | null;
  amount: string;
  categoryId: string;
  description?: string | null;
  frequency: 'monthly' | 'weekly';
  dayNumber: number;
  startOn: LocalDate;
  endOn?: LocalDate | null;
}

/** Recurring transactions and the posting of their due occurrences (each once, by a derived id). */
export class RecurringService {
  constructor(
    private readonly deps: {
      repository: RecurringRepository;
      budget: BudgetRepository;
      months: BudgetMonthService;
      transactions: TransactionService;
      /** The user's own category ids (built-in ones are known without asking). */
      categoryIdsOf: (userId: string) => Promise<ReadonlySet<string>>;
      /** Told of each row the scheduled job skips (log, metric, audit). */
      onSkipped?: (skip: SkippedRecurring) => Promise<void> | void;
      newId: () => string;
      now: () => Date;
    },
  ) {}

  /** Creates once (a replay of the same id returns the stored row), then posts what is already due. */
  async create(userId: string, input: CreateRecurringRequest): Promise<RecurringTransactionRow> {
    if (input.id != null && !isUuid(input.id))
      throw new RecurringError('RECURRING_INPUT_INVALID', { message: 'id must be a UUID.' });
    const settings = await this.deps.budget.findSettings(userId);
    if (!settings)
      throw new RecurringError('RECURRING_INPUT_INVALID', {
        message: 'Complete onboarding first.',
      });
    const existing = input.id ? await this.deps.repository.find(input.id) : null;
    if (existing) {
      if (existing.userId !== userId)
        throw new RecurringError('RECURRING_INPUT_INVALID', { message: 'id is already taken.' });
      return existing;
    }
    const amountMinor = parseAmount(input.amount, settings.currency, { field: 'amount' });
    if (amountMinor <= 0)
      throw new RecurringError('RECURRING_INPUT_INVALID', {
        message: 'amount must be more than zero.',
      });
    const [lo, hi] = input.frequency === 'monthly' ? [1, 31] : [0, 6];
    if (!Number.isInteger(input.dayNumber) || input.dayNumber < lo || input.dayNumber > hi) {
      throw new RecurringError('RECURRING_INPUT_INVALID', {
        message: `dayNumber must be ${lo}–${hi} for a ${input.frequency} schedule.`,
      });
    }
    if (input.endOn != null && compareLocalDates(input.endOn, input.startOn) < 0)
      throw new RecurringError('RECURRING_INPUT_INVALID', { message: 'endOn is before startOn.' });
    const categoryId = canonicalCategory(input.categoryId, await this.deps.categoryIdsOf(userId));
    const today = await this.deps.months.todayForUser(userId);
    if (compareLocalDates(input.startOn, addDays(today, -MAX_BACKFILL_DAYS)) < 0)
      throw new RecurringError('RECURRING_INPUT_INVALID', {
        message: `startOn may be at most ${MAX_BACKFILL_DAYS} days before today; book older occurrences as transactions.`,
      });
    const row = await this.deps.repository.insert({
      id: input.id ?? this.deps.newId(),
      userId,
      amountMinor,
      currency: settings.currency,
      categoryId,
      description: input.description ?? '',
      frequency: input.frequency,
      dayNumber: input.dayNumber,
      startOn: input.startOn,
      endOn: input.endOn ?? null,
      createdAt: this.deps.now(),
    });
    await this.postDueFor(userId);
    return (await this.deps.repository.find(row.id)) ?? row;
  }

  /**
   * Stops a recurring transaction after `lastOn` (default: the user's today): no later occurrence
   * posts. Occurrences already posted stay in the ledger, where they can be deleted one by one.
   * Ending it before its first date means it never posts again. Ending twice keeps the earlier end.
   */
  async end(
    userId: string,
    id: string,
    lastOn?: LocalDate | null,
  ): Promise<RecurringTransactionRow> {
    const row = isUuid(id) ? await this.deps.repository.find(id) : null;
    if (!row || row.userId !== userId) throw new RecurringError('RECURRING_NOT_FOUND');
    const end = lastOn ?? (await this.deps.months.todayForUser(userId));
    if (row.endOn !== null && compareLocalDates(row.endOn, end) <= 0) return row;
    return this.deps.repository.setEndOn(id, end);
  }

  async list(userId: string): Promise<RecurringTransactionRow[]> {
    return this.deps.repository.listOfUser(userId);
  }

  /**
   * Posts every occurrence up to the user's local today; replays find their transaction and skip it.
   * With `onRowError`, a row that fails is handed over and the others still post; without, it throws.
   */
  async postDueFor(
    userId: string,
    onRowError?: (recurringId: string, error: unknown) => Promise<void>,
  ): Promise<number> {
    const today = await this.deps.months.todayForUser(userId);
    let posted = 0;
    for (const row of await this.deps.repository.listOfUser(userId)) {
      try {
        posted += await this.postRow(userId, row, today);
      } catch (error) {
        if (!onRowError) throw error;
        await onRowError(row.id, error);
      }
    }
    return posted;
  }

  private async postRow(
    userId: string,
    row: RecurringTransactionRow,
    today: LocalDate,
  ): Promise<number> {
    let posted = 0;
    for (const date of occurrencesBetween(
      { ...row, endOn: row.endOn ?? null },
      row.postedThrough,
      today,
    )) {
      await this.deps.transactions.create(userId, {
        id: occurrenceId(row.id, date),
        amount: formatDecimal(row.amountMinor, row.currency),
        categoryId: row.categoryId,
        description: row.description,
        bookedOn: date,
        source: 'recurring',
      });
      await this.deps.repository.markPostedThrough(row.id, date);
      posted += 1;
    }
    return posted;
  }

  /**
   * The scheduled job: every user with recurring transactions, each on their own. A row (or a user)
   * that fails is reported through `onSkipped` and skipped; the job goes on to the next.
   */
  async postAllDue(): Promise<{ posted: number; skipped: SkippedRecurring[] }> {
    const skipped: SkippedRecurring[] = [];
    const skip = async (userId: string, recurringId: string | null, error: unknown) => {
      const entry = { userId, recurringId, code: errorCodeOf(error) };
      skipped.push(entry);
      await this.deps.onSkipped?.(entry);
    };
    let posted = 0;
    for (const userId of await this.deps.repository.listUserIds()) {
      try {
        posted += await this.postDueFor(userId, (id, error) => skip(userId, id, error));
      } catch (error) {
        await skip(userId, null, error);
      }
    }
    return { posted, skipped };
  }
}

function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}
