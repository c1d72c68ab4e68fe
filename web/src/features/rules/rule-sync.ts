import { parseDecimal } from '@pace/engine';
import type { PaceDatabase, RuleRecord } from '@/lib/db';

/** A rule as the API sends it (changes, rule writes). */
export interface WireRule {
  id: string;
  position: number;
  textPattern?: string | null;
  textMatch: 'CONTAINS' | 'GLOB';
  minAmount?: { amount: string; currency: string } | null;
  maxAmount?: { amount: string } | null;
  accountId?: string | null;
  setCategoryId?: string | null;
  renameMerchant?: string | null;
  addTags: readonly string[];
  version: number;
  updatedAt: string;
  deletedAt?: string | null;
}

/** The device's copy of a rule; amounts in minor units of the budget currency. */
export function ruleRecordOf(rule: WireRule, currency: string): RuleRecord {
  const minor = (money: { amount: string } | null | undefined) =>
    money ? parseDecimal(money.amount, currency) : null;
  return {
    id: rule.id,
    position: rule.position,
    textPattern: rule.textPattern ?? null,
    textMatch: rule.textMatch === 'GLOB' ? 'glob' : 'contains',
    minAmountMinor: minor(rule.minAmount),
    maxAmountMinor: minor(rule.maxAmount),
    currency,
    accountId: rule.accountId ?? null,
    setCategoryId: rule.setCategoryId ?? null,
    renameMerchant: rule.renameMerchant ?? null,
    addTags: [...rule.addTags],
    version: rule.version,
    updatedAt: rule.updatedAt,
  };
}

/** Applies a RULE change of `changes(since)`: an upsert, or a tombstone that removes it. */
export async function applyRuleChange(
  db: PaceDatabase,
  change: { id: string; deleted: boolean; rule: WireRule },
): Promise<void> {
  if (change.deleted || change.rule.deletedAt) {
    await db.rules.delete(change.id);
    return;
  }
  const currency =
    change.rule.minAmount?.currency ?? (await db.settings.get('budget'))?.currency ?? 'XXX';
  await db.rules.put(ruleRecordOf(change.rule, currency));
}
