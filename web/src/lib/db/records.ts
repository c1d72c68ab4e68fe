/**
 * Shapes of the rows the PWA mirrors from the server (§5 of the architecture). Money is an integer
 * of minor units beside its ISO 4217 currency; dates are local `YYYY-MM-DD`, months `YYYY-MM`,
 * instants ISO 8601 in UTC.
 */

export type CategoryBehaviour = 'fixed' | 'spread' | 'clustered';
export type CategoryPriority = 'sacred' | 'protected' | 'flexible' | 'discretionary' | 'buffer';
export type TransactionDirection = 'expense' | 'income' | 'transfer';
export type GoalStatus = 'active' | 'paused' | 'completed' | 'cancelled';
export type RolloverMode = 'spread' | 'next_day' | 'savings';

/** Fields every mirrored row has: the server version an edit is based on, and its last change. */
export interface SyncedRecord {
  /** Server version this copy was read at; an edit sends it so the server can detect conflicts. */
  version: number;
  updatedAt: string;
  /** 1 while a change made on this device waits in the outbox (0 once the server has it). */
  pending?: 0 | 1;
}

/** The month plan as the engine produces it, stored as plain JSON keyed by its month. */
export interface PlanRecord extends SyncedRecord {
  month: string;
  currency: string;
  /** The engine's plan document (`Plan` of `@pace/engine`), checked with `preparePlan` on read. */
  plan: unknown;
}

/** A category the person made (plan categories live in the plan document). */
export interface CategoryRecord extends SyncedRecord {
  id: string;
  name: string;
  behaviour: CategoryBehaviour;
  priority: CategoryPriority;
}

export interface TransactionRecord extends SyncedRecord {
  /** Client-generated UUID, so replaying the outbox never creates the transaction twice. */
  id: string;
  categoryId: string;
  direction: TransactionDirection;
  amountMinor: number;
  currency: string;
  /** Local date in the user's time zone, fixed when the transaction was written. */
  bookedOn: string;
  occurredAt: string;
  merchant: string | null;
  /** What the person wrote (the API's `description`). */
  note: string | null;
  source: string;
  /** Set when deleted on this device and not yet confirmed; deleted rows leave the mirror. */
  deletedAt?: string | null;
  /** The money account it moved; null or absent is the default account. */
  accountId?: string | null;
  /** Paid in another currency: the amount as paid (minor units) and its ISO code. */
  originalAmountMinor?: number | null;
  originalCurrency?: string | null;
  /**
   * The server's rate (budget units per one paid unit) and its day; null while a paid amount waits
   * to be converted on the server ("converted when online", docs/currencies.md).
   */
  fxRate?: string | null;
  fxRateOn?: string | null;
  /** The rate is from a day before the booking date. */
  fxRateEstimated?: boolean;
  /**
   * The amount, rate and day are this device's own conversion with the rates it synced, shown at
   * once until the server's conversion replaces them (docs/currencies.md §5).
   */
  fxRateOnDevice?: boolean;
  /** Parts of one split payment share this id. */
  splitId?: string | null;
  /** Free tags, lower-cased. */
  tags?: string[];
  /** In a household budget: the member who booked it (null: the budget's owner). */
  memberId?: string | null;
}

/**
 * A split payment: one payment whose parts are transactions (with `splitId`) in their own
 * categories. Kept in `meta` under `split:<id>` (no table of its own: nothing is looked up by
 * another field); its parts are the transactions rows.
 */
export interface SplitRecord extends SyncedRecord {
  id: string;
  totalMinor: number;
  currency: string;
  bookedOn: string;
  occurredAt: string;
  payee: string | null;
  description: string;
  /** The live parts' transaction ids, in the order entered. */
  partIds: string[];
}

/** What kind of money an account holds (the API's MoneyAccountKind, lower case). */
export type MoneyAccountKind = 'cash' | 'checking' | 'savings' | 'credit_card' | 'loan';

/** A money account (cash, checking, savings, credit card, loan); docs/accounts.md. */
export interface MoneyAccountRecord extends SyncedRecord {
  id: string;
  name: string;
  kind: MoneyAccountKind;
  currency: string;
  /** The balance at the start of `openingOn`; negative for money owed. */
  openingBalanceMinor: number;
  /** Entries booked before it do not count; null: every entry counts (the default account). */
  openingOn: string | null;
  /** Holds the transactions booked without an account. */
  isDefault: boolean;
  isArchived: boolean;
  /** The last day a statement matched. */
  reconciledThrough: string | null;
  createdAt: string;
}

/** A transfer between two money accounts: never spending or income. */
export interface TransferRecord extends SyncedRecord {
  id: string;
  /** The local day it happened (the API's `transferredOn`). */
  bookedOn: string;
  fromAccountId: string;
  toAccountId: string;
  amountMinor: number;
  currency: string;
  note: string;
  createdAt: string;
}

/**
 * A categorisation rule (docs/rules.md), tried in `position` order on a new transaction without a
 * category. Null conditions hold for everything; amounts are minor units of `currency`.
 */
export interface RuleRecord extends SyncedRecord {
  id: string;
  position: number;
  textPattern: string | null;
  textMatch: 'contains' | 'glob';
  minAmountMinor: number | null;
  maxAmountMinor: number | null;
  currency: string;
  accountId: string | null;
  setCategoryId: string | null;
  renameMerchant: string | null;
  addTags: string[];
}

/** How often a recurring expense repeats (the API's RecurringFrequency). */
export type RecurringFrequencyName =
  'DAILY' | 'WEEKLY' | 'MONTHLY' | 'LAST_DAY_OF_MONTH' | 'YEARLY';

/**
 * A recurring expense of the budget, read offline. Created, changed and ended online only (the
 * server posts its occurrences), so it carries no version: every change comes from the server.
 */
export interface RecurringRecord {
  id: string;
  amountMinor: number;
  currency: string;
  categoryId: string;
  description: string;
  frequency: RecurringFrequencyName;
  interval: number;
  /** Day of the month (monthly, yearly) or weekday (weekly, 0 Sunday … 6 Saturday). */
  dayNumber: number;
  monthOfYear: number | null;
  previousId: string | null;
  startOn: string;
  endOn: string | null;
  /** The last occurrence the server posted. */
  postedThrough: string | null;
  accountId: string | null;
  memberId: string | null;
}

/** Which column of a CSV file holds which field: a header name, or a 0-based number as text. */
export interface CsvMappingColumnsRecord {
  date: string;
  amount: string | null;
  debit: string | null;
  credit: string | null;
  payee: string | null;
  memo: string | null;
  category: string | null;
  externalId: string | null;
  originalAmount: string | null;
  originalCurrency: string | null;
  rate: string | null;
}

/**
 * One of the person's saved ways of reading a bank's CSV files, read offline. Saved and deleted
 * online only, so it carries no version: every change comes from the server.
 */
export interface CsvMappingRecord {
  id: string;
  name: string;
  header: string[];
  /** The header row as the server compares it: a file with the same signature is offered it. */
  headerSignature: string;
  delimiter: string;
  hasHeader: boolean;
  dateFormat: 'YYYY_MM_DD' | 'DD_MM_YYYY' | 'MM_DD_YYYY' | 'DD_MM_YYYY_DOTS';
  decimalSeparator: 'DOT' | 'COMMA';
  signConvention: 'NEGATIVE_IS_EXPENSE' | 'POSITIVE_IS_EXPENSE';
  accountId: string | null;
  columns: CsvMappingColumnsRecord;
  updatedAt: string;
}

/** The household the person belongs to; the households feature adds fields. */
export interface HouseholdRecord extends SyncedRecord {
  id: string;
  /** Whose budget is shared: the budget this device mirrors while the person is a member. */
  ownerId: string;
  viewerRole: HouseholdRoleName;
  members: HouseholdMemberRecord[];
}

export type HouseholdRoleName = 'OWNER' | 'MEMBER' | 'VIEWER';

/** A person in the household, as the transactions screen names who booked what. */
export interface HouseholdMemberRecord {
  userId: string;
  name: string;
  email: string;
  role: HouseholdRoleName;
}

export interface GoalRecord extends SyncedRecord {
  id: string;
  name: string;
  targetMinor: number;
  savedMinor: number;
  currency: string;
  targetOn: string | null;
  status: GoalStatus;
  priority: number;
  categoryId: string;
  createdAt: string;
}

/** The plan settings the month computation needs (one row, key `budget`). */
export interface SettingsRecord extends SyncedRecord {
  key: 'budget';
  currency: string;
  timeZone: string;
  rollover: RolloverMode;
  incomeMinor: number;
}

/** A manual move of budget in force (deleted ones leave the mirror). */
export interface AdjustmentRecord {
  id: string;
  month: string;
  fromCategoryId: string;
  fromOn: string;
  toCategoryId: string;
  toOn: string;
  amountMinor: number;
  /** Replay order of manual moves: the server applies them in the order they were made. */
  order: number;
  pending?: 0 | 1;
}

/** The outbox's operations, each replayed with the GraphQL mutation of the same name. */
export type OutboxOperation =
  | 'createTransaction'
  | 'updateTransaction'
  | 'deleteTransaction'
  | 'restoreTransaction'
  | 'adjustBudget'
  | 'deleteBudgetAdjustment'
  | 'createGoal'
  | 'updateGoal'
  | 'deleteGoal'
  | 'createHabit'
  | 'updateHabit'
  | 'archiveHabit'
  | 'checkInHabit'
  | 'logMood'
  | 'deleteMood'
  | 'createSplitTransaction'
  | 'updateSplit'
  | 'deleteSplit'
  | 'createMoneyAccount'
  | 'updateMoneyAccount'
  | 'createTransfer'
  | 'deleteTransfer'
  | 'renameTag'
  | 'deleteTag'
  | 'createRule'
  | 'updateRule'
  | 'moveRule'
  | 'deleteRule';

/** A mutation made on this device and not yet acknowledged by the server, replayed in `seq` order. */
export interface OutboxEntry {
  /** Auto-incremented on insert; the replay order. */
  seq?: number;
  /** Client-generated UUID of this mutation. */
  mutationId: string;
  /** Name of the GraphQL operation to replay. */
  operationName: OutboxOperation;
  /** Id of the record it changes, so later edits can be folded into a pending create. */
  recordId: string;
  variables: Record<string, unknown>;
  createdAt: string;
  attempts: number;
  lastError: string | null;
}

/**
 * A change the server did not take: an edit based on a version another device changed
 * (`conflict`), or a mutation it refused (`rejected`, with the error code). Kept until the person
 * chooses; never dropped on their behalf.
 */
export interface ConflictRecord {
  /** The record's id (one open conflict per record). */
  id: string;
  kind: 'conflict' | 'rejected';
  entity: 'transaction' | 'goal' | 'habit' | 'mood' | 'rule';
  operationName: OutboxOperation;
  /** What this device sent. */
  variables: Record<string, unknown>;
  /** The server's current copy (a conflict), as mirrored. */
  server: TransactionRecord | GoalRecord | RuleRecord | null;
  /** The API's error code (a rejection). */
  code: string | null;
  detectedAt: string;
}

/** How often a habit is due (the API's HabitFrequency, lower case). */
export type HabitFrequency = 'daily' | 'weekly' | 'monthly';

/**
 * A habit with every day it was checked in: the device computes its streaks with the engine, so
 * a check-in made offline shows at once.
 */
export interface HabitRecord {
  id: string;
  name: string;
  frequency: HabitFrequency;
  timesPerPeriod: number;
  startedOn: string;
  archivedAt: string | null;
  /** Local days, sorted, no repeats. */
  checkIns: string[];
  version: number;
  createdAt: string;
  pending?: 0 | 1;
}

/** The mood of one local day (key: the day). */
export interface MoodRecord {
  on: string;
  score: number;
  label: string | null;
  note: string | null;
  pending?: 0 | 1;
}

/** A month's live expenses summed per `day|category|currency` (see `ledger.ts`). */
export interface LedgerRecord {
  month: string;
  sums: Record<string, number>;
}

/** Small key/value facts about the local mirror, such as the sync cursor. */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/**
 * A receipt read on this device while offline: its photo waits here until it can be uploaded, and
 * the transaction booked from it (through the outbox) is `transactionId`.
 */
export interface ReceiptUploadRecord {
  id: string;
  image: Blob;
  fileName: string;
  createdAt: string;
  transactionId: string;
  merchant: string | null;
  /** The server's receipt id once the photo is uploaded. */
  receiptId: string | null;
  attempts: number;
  lastError: string | null;
}
