import { parseDecimal } from '@pace/engine';
import type { ConflictRecord, OutboxEntry, PaceDatabase, RuleRecord } from '@/lib/db';
import { hasQueuedRuleWrites, ruleFieldsOf } from './rule-outbox';
import type { RuleDefinition } from './rules.operations';

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

/** The answer to a replayed rule write: a create or an edit, a delete, or a move. */
export type WireRulePayload =
  | { conflict: boolean; rule: WireRule }
  | { rule: Pick<WireRule, 'id'> }
  | { rules: ReadonlyArray<Pick<WireRule, 'id' | 'position'>> };

async function currencyOf(db: PaceDatabase, rule: WireRule): Promise<string> {
  return (
    rule.minAmount?.currency ??
    (await db.rules.get(rule.id))?.currency ??
    (await db.settings.get('budget'))?.currency ??
    'XXX'
  );
}

/**
 * Applies the server's answer to a replayed rule write (inside the replay's transaction, the entry
 * already out of the outbox); true when an edit met a newer version from another device. The
 * device's order stands while rule writes still wait; once none does, the server's order is taken.
 */
export async function applyRulePayload(
  db: PaceDatabase,
  entry: OutboxEntry,
  payload: WireRulePayload,
  stillQueued: boolean,
): Promise<boolean> {
  const settled = !(await hasQueuedRuleWrites(db));
  if ('rules' in payload) {
    if (settled)
      for (const rule of payload.rules) await db.rules.update(rule.id, { position: rule.position });
    if (!stillQueued) await db.rules.update(entry.recordId, { pending: 0 });
    return false;
  }
  if (!('conflict' in payload)) {
    if (!stillQueued) await db.rules.delete(entry.recordId);
    return false;
  }
  const server = ruleRecordOf(payload.rule, await currencyOf(db, payload.rule));
  if (payload.conflict && entry.operationName === 'updateRule') {
    await db.conflicts.put({
      id: entry.recordId,
      kind: 'conflict',
      entity: 'rule',
      operationName: entry.operationName,
      variables: entry.variables,
      server,
      code: null,
      detectedAt: new Date().toISOString(),
    });
  }
  if (stillQueued) {
    await db.rules.update(server.id, { version: server.version });
    return payload.conflict;
  }
  const local = await db.rules.get(server.id);
  await db.rules.put(settled || !local ? server : { ...server, position: local.position });
  return payload.conflict;
}

/**
 * A refused rule write that leaves nothing to settle: deleting or moving a rule that is gone
 * (deleted on another device, or the delete was sent twice). True when it was one: the entry
 * leaves the outbox and the rule the device (unless a refusal of it waits for the person).
 */
export async function settleRuleRefusal(
  db: PaceDatabase,
  entry: OutboxEntry,
  code: string,
): Promise<boolean> {
  const isGone =
    code === 'NOT_FOUND' &&
    (entry.operationName === 'deleteRule' || entry.operationName === 'moveRule');
  if (!isGone || entry.seq === undefined) return false;
  const seq = entry.seq;
  await db.transaction('rw', db.outbox, db.rules, db.conflicts, async () => {
    await db.outbox.delete(seq);
    const waiting = await db.outbox.where('recordId').equals(entry.recordId).count();
    if (waiting === 0 && !(await db.conflicts.get(entry.recordId)))
      await db.rules.delete(entry.recordId);
  });
  return true;
}

/**
 * The device's copy after the person settled a rule's conflict or refusal: theirs takes the
 * server's rule (or drops a rule the server refused or no longer has); mine shows this device's
 * edit over the server's rule while it is sent again.
 */
export async function settleRuleConflict(
  db: PaceDatabase,
  conflict: ConflictRecord,
  choice: 'mine' | 'theirs',
): Promise<void> {
  const server = conflict.server as RuleRecord | null;
  const input = conflict.variables.input as (RuleDefinition & { accountId?: string }) | undefined;
  if (choice === 'theirs') {
    if (server) await db.rules.put(server);
    else if (conflict.operationName === 'createRule' || conflict.code === 'NOT_FOUND')
      await db.rules.delete(conflict.id);
    return;
  }
  if (server && input)
    await db.rules.put({ ...server, ...ruleFieldsOf(input, server.currency), pending: 1 });
}
