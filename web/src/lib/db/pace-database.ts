import { Dexie, type EntityTable } from 'dexie';
import type {
  CategoryRecord,
  GoalRecord,
  MetaEntry,
  OutboxEntry,
  PlanRecord,
  TransactionRecord,
} from './records';

export const PACE_DATABASE_NAME = 'pace';

/** The PWA's IndexedDB mirror of the user's data plus the outbox of pending mutations. */
export class PaceDatabase extends Dexie {
  // Declared, not initialised: Dexie creates the table properties from the schema below.
  declare readonly plan: EntityTable<PlanRecord, 'month'>;
  declare readonly categories: EntityTable<CategoryRecord, 'id'>;
  declare readonly transactions: EntityTable<TransactionRecord, 'id'>;
  declare readonly goals: EntityTable<GoalRecord, 'id'>;
  declare readonly outbox: EntityTable<OutboxEntry, 'seq'>;
  declare readonly meta: EntityTable<MetaEntry, 'key'>;

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
  }
}

let shared: PaceDatabase | null = null;

/** The one database of this tab, created and opened on first use (browser only). */
export async function openPaceDatabase(): Promise<PaceDatabase> {
  shared ??= new PaceDatabase();
  if (!shared.isOpen()) await shared.open();
  return shared;
}
