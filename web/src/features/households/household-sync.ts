import type { HouseholdRecord, HouseholdRoleName, PaceDatabase } from '@/lib/db';

/** The household as `changes(since)` carries it. */
export interface WireHousehold {
  id: string;
  ownerId: string;
  viewerRole: string;
  version: number;
  updatedAt: string;
  members: ReadonlyArray<{ userId: string; name: string; email: string; role: string }>;
}

/** A HOUSEHOLD change: the household as it is, or a tombstone after leaving it. */
export interface HouseholdChange {
  id: string;
  deleted: boolean;
  household?: WireHousehold | null;
}

export function householdRecordOf(h: WireHousehold): HouseholdRecord {
  return {
    id: h.id,
    ownerId: h.ownerId,
    viewerRole: h.viewerRole as HouseholdRoleName,
    members: h.members.map((m) => ({ ...m, role: m.role as HouseholdRoleName })),
    version: h.version,
    updatedAt: h.updatedAt,
  };
}

/** The budget this device mirrors: someone else's while a member, else the person's own (null). */
function sharedOwnerOf(record: HouseholdRecord | null | undefined): string | null {
  return record && record.viewerRole !== 'OWNER' ? record.ownerId : null;
}

/**
 * Stores the household. Returns true when the budget the person acts on moved (they joined
 * someone's household or left it): the device's mirror of the budget then belongs to another
 * budget and must be pulled again from the start.
 */
export async function applyHouseholdChange(
  db: PaceDatabase,
  change: HouseholdChange,
): Promise<boolean> {
  const stored = await db.households.toCollection().first();
  const next = change.deleted || !change.household ? null : householdRecordOf(change.household);
  await db.households.clear();
  if (next) await db.households.put(next);
  return sharedOwnerOf(stored) !== sharedOwnerOf(next);
}

/**
 * Drops the mirror of the budget (plan, settings, categories, ledger, moves, money accounts,
 * transfers, rules and recurring expenses) before a full pull.
 */
export async function forgetMirroredBudget(db: PaceDatabase): Promise<void> {
  await Promise.all([
    db.plan.clear(),
    db.settings.clear(),
    db.categories.clear(),
    db.transactions.clear(),
    db.ledger.clear(),
    db.adjustments.clear(),
    db.moneyAccounts.clear(),
    db.transfers.clear(),
    db.rules.clear(),
    db.recurring.clear(),
  ]);
}
