import { Dexie, type EntityTable } from 'dexie';
import { ledgerOf } from './ledger';
import type {
  AdjustmentRecord,
  CategoryRecord,
  ConflictRecord,
  CsvMappingRecord,
  GoalRecord,
  HabitRecord,
  HouseholdRecord,
  LedgerRecord,
  MetaEntry,
  MoneyAccountRecord,
  MoodRecord,
  OutboxEntry,
  PlanRecord,
  ReceiptUploadRecord,
  RecurringRecord,
  RuleRecord,
  SettingsRecord,
  TransactionRecord,
  TransferRecord,
} from './records';

export const PACE_DATABASE_NAME = 'pace';

/** Where the position of the last `changes(since)` pull is kept (in `meta`). */
export const CHANGES_CURSOR_KEY = 'changesCursor';

/** The PWA's IndexedDB mirror of the user's data plus the outbox of pending mutations. */
export class PaceDatabase extends Dexie {
  // Declared, not initialised: Dexie creates the table properties from the schema below.
  declare readonly plan: EntityTable<PlanRecord, 'month'>;
  declare readonly categories: EntityTable<CategoryRecord, 'id'>;
  declare readonly transactions: EntityTable<TransactionRecord, 'id'>;
  declare readonly goals: EntityTable<GoalRecord, 'id'>;
  declare readonly outbox: EntityTable<OutboxEntry, 'seq'>;
  declare readonly meta: EntityTable<MetaEntry, 'key'>;
  declare readonly settings: EntityTable<SettingsRecord, 'key'>;
  declare readonly adjustments: EntityTable<AdjustmentRecord, 'id'>;
  declare readonly conflicts: EntityTable<ConflictRecord, 'id'>;
  declare readonly ledger: EntityTable<LedgerRecord, 'month'>;
  declare readonly habits: EntityTable<HabitRecord, 'id'>;
  declare readonly moods: EntityTable<MoodRecord, 'on'>;
  declare readonly receiptUploads: EntityTable<ReceiptUploadRecord, 'id'>;
  declare readonly moneyAccounts: EntityTable<MoneyAccountRecord, 'id'>;
  declare readonly transfers: EntityTable<TransferRecord, 'id'>;
  declare readonly rules: EntityTable<RuleRecord, 'id'>;
  declare readonly recurring: EntityTable<RecurringRecord, 'id'>;
  declare readonly csvMappings: EntityTable<CsvMappingRecord, 'id'>;
  declare readonly households: EntityTable<HouseholdRecord, 'id'>;

  constructor(name: string = PACE_DATABASE_NAME) {
    super(name);
    // Only indexed fields are listed; a new index or table needs a new version, never an edit here.
    this.version(1).stores({
      plan: '&month',
      categories: '&id, priority',
      transactions: '&id, bookedOn, categoryId, [bookedOn+categoryId]',
      goals: '&id, status',
      outbox: '++seq, &mutationId',
      meta: '&key',
    });
    // Settings, manual moves and conflicts; the outbox finds a record's pending mutations.
    this.version(2).stores({
      outbox: '++seq, &mutationId, recordId',
      settings: '&key',
      adjustments: '&id, month',
      conflicts: '&id, detectedAt',
    });
    // The month ledger the engine reads (live expenses summed), built from what is stored.
    this.version(3)
      .stores({ ledger: '&month' })
      .upgrade(async (tx) => {
        const transactions = await tx.table<TransactionRecord, string>('transactions').toArray();
        await tx.table<LedgerRecord, string>('ledger').bulkPut(ledgerOf(transactions));
      });
    // Screens read transactions by local day (and the ledger row per month); the category
    // indexes were never read and made every write slower.
    this.version(4).stores({ transactions: '&id, bookedOn' });
    // Habits with their check-ins, and moods by local day.
    this.version(5).stores({ habits: '&id', moods: '&on' });
    // Receipt photos read on the device offline, waiting for their upload.
    this.version(6).stores({ receiptUploads: '&id, createdAt' });
    // The money model: accounts and transfers, categorisation rules, the household; transactions
    // are found by split, account and tag.
    this.version(7).stores({
      transactions: '&id, bookedOn, splitId, accountId, *tags',
      moneyAccounts: '&id',
      transfers: '&id, bookedOn',
      rules: '&id',
      households: '&id',
    });
    // Recurring expenses and saved CSV mappings, read offline. They existed before this version,
    // so a device's changes cursor is already past them: the next pull starts over to fetch them.
    this.version(8)
      .stores({ recurring: '&id', csvMappings: '&id' })
      .upgrade(async (tx) => {
        await tx.table<MetaEntry, string>('meta').delete(CHANGES_CURSOR_KEY);
      });
  }
}

let shared: PaceDatabase | null = null;

/** The one database of this tab, created on first use (browser only); Dexie opens it lazily. */
export function paceDatabase(): PaceDatabase {
  shared ??= new PaceDatabase();
  return shared;
}

/** The one database of this tab, opened. */
export async function openPaceDatabase(): Promise<PaceDatabase> {
  const db = paceDatabase();
  if (!db.isOpen()) await db.open();
  return db;
}

/** Empties every table (sign-out, another account): the next sync pulls from the start. */
export async function clearPaceDatabase(db: PaceDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
