import { addDays, compareLocalDates, formatDecimal, type LocalDate } from '@pace/engine';
import { parseAmount } from '../../graphql/money.type';
import type { BudgetMonthService, BudgetRepository } from '../budget';
import { MoneyAccountError, type MoneyAccountService } from '../money-accounts';
import { canonicalCategory, type TransactionService } from '../transactions';
import { RecurringError } from './recurring.errors';
import type { RecurringRepository } from './recurring.repository';
import {
  occurrenceId,
  occurrencesBetween,
  scheduleProblem,
  type RecurringFrequencyName,
  type Schedule,
} from './recurring.rules';
import type { RecurringTransactionRow } from './recurring.table';
import { isUuid } from '../../graphql/ids';
import { RecurringUpcomingService, type UpcomingOccurrence } from './recurring-upcoming.service';

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
  frequency: RecurringFrequencyName;
  /** Required for weekly, monthly and yearly; unused (stored 0 daily, 31 month_end) otherwise. */
  dayNumber?: number | null;
  /** Every this many units of the frequency; 1 when absent. */
  interval?: number | null;
  /** Yearly only: the month (1–12). */
  monthOfYear?: number | null;
  startOn: LocalDate;
  endOn?: LocalDate | null;
  /** The money account every occurrence moves; null: the default account. */
  accountId?: string | null;
  /** In a household budget: the member setting it up (stamped on every occurrence). */
  memberId?: string | null;
}

/** An edit from a date on: fields absent keep their value. */
export interface UpdateRecurringRequest {
  id: string;
  from: LocalDate;
  amount?: string | null;
  categoryId?: string | null;
  description?: string | null;
  frequency?: RecurringFrequencyName | null;
  dayNumber?: number | null;
  interval?: number | null;
  monthOfYear?: number | null;
  endOn?: LocalDate | null;
  /** The new account from `from` on; absent or null keeps the current one. */
  accountId?: string | null;
}

/** The rule in force from `from` on, and the earlier part when the edit split it. */
export interface UpdatedRecurring {
  current: RecurringTransactionRow;
  previous: RecurringTransactionRow | null;
}

type ScheduleFields = Pick<Schedule, 'frequency' | 'interval' | 'dayNumber' | 'monthOfYear'>;

/** Validates a schedule's shape and fills what the frequency does not use. */
function resolveSchedule(input: {
  frequency: RecurringFrequencyName;
  dayNumber?: number | null;
  interval?: number | null;
  monthOfYear?: number | null;
}): ScheduleFields {
  const { frequency } = input;
  const unusedDay = frequency === 'daily' ? 0 : frequency === 'month_end' ? 31 : null;
  const fields: ScheduleFields = {
    frequency,
    interval: input.interval ?? 1,
    dayNumber: unusedDay ?? input.dayNumber ?? -1,
    monthOfYear: frequency === 'yearly' ? (input.monthOfYear ?? null) : null,
  };
  const problem = scheduleProblem(fields);
  if (problem) throw new RecurringError('RECURRING_INPUT_INVALID', { message: problem });
  return fields;
}

/** Recurring transactions and the posting of their due occurrences (each once, by a derived id). */
export class RecurringService {
  constructor(
    private readonly deps: {
      repository: RecurringRepository;
      budget: BudgetRepository;
      months: BudgetMonthService;
      transactions: TransactionService;
      /** The person's money accounts: a rule's account must be one of theirs, not archived. */
      accounts?: Pick<MoneyAccountService, 'getRow'>;
      /** The user's own category ids (built-in ones are known without asking). */
      categoryIdsOf: (userId: string) => Promise<ReadonlySet<string>>;
      /** Told of each row the scheduled job skips (log, metric, audit). */
      onSkipped?: (skip: SkippedRecurring) => Promise<void> | void;
      newId: () => string;
      now: () => Date;
    },
  ) {
    this.upcoming = new RecurringUpcomingService(deps);
  }

  private readonly upcoming: RecurringUpcomingService;

  /** Occurrences not posted yet from today through today + days − 1, each with its day effect. */
  async listUpcoming(userId: string, days: number): Promise<UpcomingOccurrence[]> {
    return this.upcoming.listUpcoming(userId, days);
  }

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
    const schedule = resolveSchedule(input);
    if (input.endOn != null && compareLocalDates(input.endOn, input.startOn) < 0)
      throw new RecurringError('RECURRING_INPUT_INVALID', { message: 'endOn is before startOn.' });
    const categoryId = canonicalCategory(input.categoryId, await this.deps.categoryIdsOf(userId));
    const accountId = await this.savedAccountOf(userId, input.accountId);
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
      ...schedule,
      anchorOn: null,
      previousId: null,
      startOn: input.startOn,
      endOn: input.endOn ?? null,
      accountId,
      memberId: input.memberId ?? null,
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

  /**
   * Changes a rule from `from` on. Occurrences before `from` keep the old rule; posted ones never
   * change, so a `from` on or before `postedThrough` is RECURRING_HISTORY_LOCKED. When nothing was
   * posted and `from` is on or before the start, the row changes in place; otherwise it ends the
   * day before `from` and a new row (same anchor, so "every N" keeps its rhythm unless the schedule
   * changed) starts on `from`. A replay finds that new row and applies the same changes to it.
   */
  async updateFrom(userId: string, input: UpdateRecurringRequest): Promise<UpdatedRecurring> {
    let row = isUuid(input.id) ? await this.deps.repository.find(input.id) : null;
    if (!row || row.userId !== userId) throw new RecurringError('RECURRING_NOT_FOUND');
    const locked = (postedThrough: LocalDate | null) =>
      new RecurringError('RECURRING_HISTORY_LOCKED', { postedThrough });
    if (row.postedThrough !== null && compareLocalDates(input.from, row.postedThrough) <= 0)
      throw locked(row.postedThrough);
    if (row.endOn !== null && compareLocalDates(input.from, row.endOn) > 0) {
      const successor = await this.deps.repository.findSuccessor(row.id);
      if (successor?.startOn !== input.from)
        throw new RecurringError('RECURRING_INPUT_INVALID', {
          message: 'from is after the last day of this recurring transaction.',
        });
      row = successor;
    }
    const changes = await this.changesOf(userId, row, input);
    const endOn = changes.endOn ?? row.endOn;
    if (endOn !== null && compareLocalDates(endOn, input.from) < 0)
      throw new RecurringError('RECURRING_INPUT_INVALID', { message: 'endOn is before from.' });
    const inPlace = row.postedThrough === null && compareLocalDates(input.from, row.startOn) <= 0;
    let result: UpdatedRecurring;
    if (inPlace) {
      const updated = await this.deps.repository.updateBefore(row.id, input.from, changes);
      if (!updated) throw locked(input.from);
      result = { current: updated, previous: null };
    } else {
      const rhythmKept =
        changes.frequency === row.frequency &&
        changes.interval === row.interval &&
        changes.dayNumber === row.dayNumber &&
        changes.monthOfYear === row.monthOfYear;
      const split = await this.deps.repository.split(row.id, input.from, addDays(input.from, -1), {
        ...row,
        ...changes,
        // The new rule has posted nothing yet (the old one keeps its own progress).
        postedThrough: null,
        id: this.deps.newId(),
        startOn: input.from,
        endOn,
        anchorOn: rhythmKept ? (row.anchorOn ?? row.startOn) : input.from,
        previousId: row.id,
        createdAt: this.deps.now(),
      });
      if (!split) throw locked(input.from);
      result = { current: split.next, previous: split.previous };
    }
    await this.postDueFor(userId);
    const current = (await this.deps.repository.find(result.current.id)) ?? result.current;
    return { ...result, current };
  }

  private async changesOf(
    userId: string,
    row: RecurringTransactionRow,
    input: UpdateRecurringRequest,
  ): Promise<ScheduleFields & Partial<RecurringTransactionRow>> {
    const frequency = input.frequency ?? row.frequency;
    const schedule = resolveSchedule({
      frequency,
      interval: input.interval ?? row.interval,
      dayNumber: input.dayNumber ?? (frequency === row.frequency ? row.dayNumber : null),
      monthOfYear: input.monthOfYear ?? row.monthOfYear,
    });
    const changes: ScheduleFields & Partial<RecurringTransactionRow> = { ...schedule };
    if (input.amount != null) {
      changes.amountMinor = parseAmount(input.amount, row.currency, { field: 'amount' });
      if (changes.amountMinor <= 0)
        throw new RecurringError('RECURRING_INPUT_INVALID', {
          message: 'amount must be more than zero.',
        });
    }
    if (input.categoryId != null)
      changes.categoryId = canonicalCategory(
        input.categoryId,
        await this.deps.categoryIdsOf(userId),
      );
    if (input.description != null) changes.description = input.description;
    if (input.endOn != null) changes.endOn = input.endOn;
    if (input.accountId != null)
      changes.accountId = await this.savedAccountOf(userId, input.accountId);
    return changes;
  }

  /**
   * The account a rule may be saved with: one of the person's (else MONEY_ACCOUNT_NOT_FOUND, as
   * on a transaction) that is not archived (else RECURRING_ACCOUNT_ARCHIVED). Null: the default.
   */
  private async savedAccountOf(
    userId: string,
    accountId: string | null | undefined,
  ): Promise<string | null> {
    if (accountId == null || !this.deps.accounts) return null;
    const account = await this.deps.accounts.getRow(userId, accountId);
    if (account.isArchived) throw new RecurringError('RECURRING_ACCOUNT_ARCHIVED');
    return account.id;
  }

  /**
   * The account an occurrence posts into: the rule's, or the default account (null) once the
   * rule's account is archived or no longer the person's (docs/recurring.md §2).
   */
  private async postingAccountOf(
    userId: string,
    row: RecurringTransactionRow,
  ): Promise<string | null> {
    if (row.accountId === null || !this.deps.accounts) return null;
    try {
      const account = await this.deps.accounts.getRow(userId, row.accountId);
      return account.isArchived ? null : account.id;
    } catch (error) {
      if (error instanceof MoneyAccountError) return null;
      throw error;
    }
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
    const dates = occurrencesBetween(row, row.postedThrough, today);
    if (dates.length === 0) return 0;
    const accountId = await this.postingAccountOf(userId, row);
    for (const date of dates) {
      await this.deps.transactions.create(userId, {
        id: occurrenceId(row.id, date),
        amount: formatDecimal(row.amountMinor, row.currency),
        categoryId: row.categoryId,
        description: row.description,
        bookedOn: date,
        source: 'recurring',
        accountId,
        memberId: row.memberId,
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
