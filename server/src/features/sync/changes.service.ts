import type {
  AdjustmentRepository,
  BudgetAdjustmentRow,
  BudgetPlanRow,
  BudgetRepository,
  BudgetSettingsRow,
  CategoryRepository,
  UserCategoryRow,
} from '../budget';
import type { GoalRepository, GoalRow, GoalView } from '../goals';
import type { HouseholdChange } from '../households';
import type { ReceiptRow } from '../receipts';
import type { CategoryRuleRow } from '../rules';
import type { RecurringTransactionRow } from '../recurring';
import type { ExchangeRateRow } from '../currency';
import type { CsvMappingRow } from '../imports';
import type { MoneyAccountView, TransferRow } from '../money-accounts';
import type { SplitRow } from '../splits';
import type { TransactionRepository, TransactionRow } from '../transactions';
import { SyncError } from './sync.errors';

export const MAX_CHANGES = 500;

export type ChangeEntry =
  | { kind: 'settings'; seq: number; row: BudgetSettingsRow }
  | { kind: 'plan'; seq: number; row: BudgetPlanRow }
  | { kind: 'category'; seq: number; row: UserCategoryRow }
  | { kind: 'transaction'; seq: number; row: TransactionRow }
  | { kind: 'adjustment'; seq: number; row: BudgetAdjustmentRow }
  | { kind: 'goal'; seq: number; row: GoalView }
  | { kind: 'split'; seq: number; row: SplitRow }
  | { kind: 'receipt'; seq: number; row: ReceiptRow }
  | { kind: 'money_account'; seq: number; row: MoneyAccountView }
  | { kind: 'transfer'; seq: number; row: TransferRow }
  | { kind: 'rule'; seq: number; row: CategoryRuleRow }
  | { kind: 'recurring'; seq: number; row: RecurringTransactionRow }
  | { kind: 'exchange_rate'; seq: number; row: ExchangeRateRow }
  | { kind: 'csv_mapping'; seq: number; row: CsvMappingRow }
  | { kind: 'household'; seq: number; row: HouseholdChange };

export interface ChangePage {
  entries: ChangeEntry[];
  cursor: string;
  hasMore: boolean;
  /** The budget currency (adjustment amounts are in it); null before onboarding. */
  currency: string | null;
}

export function encodeCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1]) throw new SyncError('SYNC_CURSOR_INVALID');
  return Number(match[1]);
}

/**
 * Upserts and tombstones of a user's synced records in server order. Every write takes a number
 * from one sequence while holding the user's lock, so numbers commit in order per user and a page
 * ending at number n never misses a row below n.
 */
export class ChangesService {
  constructor(
    private readonly deps: {
      budget: BudgetRepository;
      categories: CategoryRepository;
      adjustments: AdjustmentRepository;
      transactions: TransactionRepository;
      goals: GoalRepository;
      /** Goals with what their contributions add up to now. */
      goalViews: (userId: string, rows: readonly GoalRow[]) => Promise<GoalView[]>;
      /** Split payments written after a change number (their parts come as transactions). */
      splits?: {
        listChangedSince(userId: string, since: number, limit: number): Promise<SplitRow[]>;
      };
      /** Money accounts (with balances now) and transfers written after a change number. */
      moneyAccounts?: {
        listChangedSince(userId: string, since: number, limit: number): Promise<MoneyAccountView[]>;
        listTransfersChangedSince(
          userId: string,
          since: number,
          limit: number,
        ): Promise<TransferRow[]>;
      };
      /** Categorisation rules written after a change number (tombstones included). */
      rules?: {
        listChangedSince(userId: string, since: number, limit: number): Promise<CategoryRuleRow[]>;
      };
      /** Recurring expenses written after a change number (ended ones and postings included). */
      recurring?: {
        listChangedSince(
          userId: string,
          since: number,
          limit: number,
        ): Promise<RecurringTransactionRow[]>;
      };
      /** Rates the person entered (their own, whatever budget they act on), written after a number. */
      exchangeRates?: {
        listChangedSince(userId: string, since: number, limit: number): Promise<ExchangeRateRow[]>;
      };
      /** The person's own saved CSV mappings written after a change number (tombstones included). */
      csvMappings?: {
        listChangedSince(userId: string, since: number, limit: number): Promise<CsvMappingRow[]>;
      };
      /** The person's household (members, roles) when it or their membership changed. */
      households?: {
        changeOf(userId: string, since: number): Promise<HouseholdChange | null>;
      };
      /** Receipts whose status (or linked transaction) changed after a change number. */
      receipts: {
        listChangedSince(userId: string, since: number, limit: number): Promise<ReceiptRow[]>;
      };
    },
  ) {}

  async listChanges(
    userId: string,
    options: {
      since?: string | null;
      first?: number | null;
      /** The caller may read receipts (scope process:receipts): their status changes are listed. */
      includeReceipts?: boolean;
      /** Whose budget the plan, categories, ledger and moves come from (a household's owner). */
      budgetOwnerId?: string;
    },
  ): Promise<ChangePage> {
    const since = decodeCursor(options.since);
    const limit = Math.max(1, Math.min(options.first ?? MAX_CHANGES, MAX_CHANGES));
    const [current, plans, categories, transactions, adjustments, goalRows, receipts] =
      await Promise.all([
        this.deps.budget.findSettings(options.budgetOwnerId ?? userId),
        this.deps.budget.listPlansChangedSince(options.budgetOwnerId ?? userId, since, limit + 1),
        this.deps.categories.listChangedSince(options.budgetOwnerId ?? userId, since, limit + 1),
        this.deps.transactions.listChangedSince(options.budgetOwnerId ?? userId, since, limit + 1),
        this.deps.adjustments.listChangedSince(options.budgetOwnerId ?? userId, since, limit + 1),
        this.deps.goals.listChangedSince(userId, since, limit + 1),
        options.includeReceipts
          ? this.deps.receipts.listChangedSince(userId, since, limit + 1)
          : Promise.resolve([]),
      ]);
    const goals = await this.deps.goalViews(userId, goalRows);
    // Splits and rules belong to the budget acted on (the household's owner's), like the ledger.
    const splitRows =
      (await this.deps.splits?.listChangedSince(
        options.budgetOwnerId ?? userId,
        since,
        limit + 1,
      )) ?? [];
    const [accountViews, transferRows] = await Promise.all([
      // Money accounts and transfers belong to the budget acted on (the household's owner's).
      this.deps.moneyAccounts?.listChangedSince(
        options.budgetOwnerId ?? userId,
        since,
        limit + 1,
      ) ?? [],
      this.deps.moneyAccounts?.listTransfersChangedSince(
        options.budgetOwnerId ?? userId,
        since,
        limit + 1,
      ) ?? [],
    ]);
    const ruleRows =
      (await this.deps.rules?.listChangedSince(
        options.budgetOwnerId ?? userId,
        since,
        limit + 1,
      )) ?? [];
    // Recurring expenses belong to the budget acted on (the household's owner's), like rules.
    const recurringRows =
      (await this.deps.recurring?.listChangedSince(
        options.budgetOwnerId ?? userId,
        since,
        limit + 1,
      )) ?? [];
    const rateRows =
      (await this.deps.exchangeRates?.listChangedSince(userId, since, limit + 1)) ?? [];
    // Saved CSV mappings stay the person's own, whatever budget they act on.
    const mappingRows =
      (await this.deps.csvMappings?.listChangedSince(userId, since, limit + 1)) ?? [];
    const household = (await this.deps.households?.changeOf(userId, since)) ?? null;
    const settings = current && current.changeSeq > since ? current : null;
    const all: ChangeEntry[] = [
      ...(settings ? [{ kind: 'settings' as const, seq: settings.changeSeq, row: settings }] : []),
      ...plans.map((row) => ({ kind: 'plan' as const, seq: row.changeSeq, row })),
      ...categories.map((row) => ({ kind: 'category' as const, seq: row.changeSeq, row })),
      ...transactions.map((row) => ({ kind: 'transaction' as const, seq: row.changeSeq, row })),
      ...adjustments.map((row) => ({ kind: 'adjustment' as const, seq: row.changeSeq, row })),
      ...goals.map((row) => ({ kind: 'goal' as const, seq: row.row.changeSeq, row })),
      ...splitRows.map((row) => ({ kind: 'split' as const, seq: row.changeSeq, row })),
      ...receipts.map((row) => ({ kind: 'receipt' as const, seq: row.changeSeq, row })),
      ...accountViews.map((row) => ({
        kind: 'money_account' as const,
        seq: row.row.changeSeq,
        row,
      })),
      ...transferRows.map((row) => ({ kind: 'transfer' as const, seq: row.changeSeq, row })),
      ...ruleRows.map((row) => ({ kind: 'rule' as const, seq: row.changeSeq, row })),
      ...recurringRows.map((row) => ({ kind: 'recurring' as const, seq: row.changeSeq, row })),
      ...rateRows.map((row) => ({ kind: 'exchange_rate' as const, seq: row.changeSeq, row })),
      ...mappingRows.map((row) => ({ kind: 'csv_mapping' as const, seq: row.changeSeq, row })),
      ...(household ? [{ kind: 'household' as const, seq: household.seq, row: household }] : []),
    ].sort((a, b) => a.seq - b.seq);
    const entries = all.slice(0, limit);
    const last = entries.at(-1);
    return {
      entries,
      cursor: encodeCursor(last ? last.seq : since),
      hasMore: all.length > limit,
      currency: current?.currency ?? null,
    };
  }
}
