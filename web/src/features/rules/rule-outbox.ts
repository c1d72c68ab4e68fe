import { normaliseTag, parseDecimal } from '@pace/engine';
import type { PaceDatabase, RuleRecord } from '@/lib/db';
import { enqueue, notifyLocalWrite, pendingFor } from '@/lib/sync/outbox';
import type { RuleDefinition } from './rules.operations';

/**
 * Rule writes made on this device (docs/rules.md, "Sync and offline"): each changes the `rules`
 * mirror at once and queues its mutation in the outbox, in one IndexedDB transaction, so the
 * Rules screen and the queue never disagree. The replay sends them in order with the rule's
 * client id (a create replayed twice makes one rule) and the version an edit was based on.
 */

const RULE_OPERATIONS: ReadonlySet<string> = new Set([
  'createRule',
  'updateRule',
  'moveRule',
  'deleteRule',
]);

/** True for the outbox operations of rules (their answers are applied in rule-sync). */
export function isRuleOperation(operationName: string): boolean {
  return RULE_OPERATIONS.has(operationName);
}

/** Why a rule cannot be saved as it is (the server would refuse it too), or null. */
export type RuleProblem = 'noCondition' | 'noAction' | 'minAboveMax';

export function ruleProblem(input: RuleDefinition, currency: string): RuleProblem | null {
  const fields = ruleFieldsOf(input, currency);
  if (
    fields.textPattern === null &&
    fields.minAmountMinor === null &&
    fields.maxAmountMinor === null &&
    fields.accountId === null
  )
    return 'noCondition';
  if (fields.setCategoryId === null && fields.renameMerchant === null && !fields.addTags.length)
    return 'noAction';
  if (
    fields.minAmountMinor !== null &&
    fields.maxAmountMinor !== null &&
    fields.minAmountMinor > fields.maxAmountMinor
  )
    return 'minAboveMax';
  return null;
}

type RuleFields = Omit<RuleRecord, 'id' | 'position' | 'version' | 'updatedAt' | 'pending'>;

/** The device's copy of a rule's conditions and actions, spelled as the server will store them. */
export function ruleFieldsOf(
  input: RuleDefinition & { accountId?: string | null },
  currency: string,
): RuleFields {
  const pattern = input.textPattern?.trim().replace(/\s+/g, ' ') ?? '';
  const rename = input.renameMerchant?.trim() ?? '';
  const minor = (amount: string | null) =>
    amount === null ? null : parseDecimal(amount, currency);
  return {
    textPattern: pattern === '' ? null : pattern,
    textMatch: input.textMatch === 'GLOB' ? 'glob' : 'contains',
    minAmountMinor: minor(input.minAmount),
    maxAmountMinor: minor(input.maxAmount),
    currency,
    accountId: input.accountId ?? null,
    setCategoryId: input.setCategoryId,
    renameMerchant: rename === '' ? null : rename,
    addTags: [...new Set(input.addTags.map(normaliseTag).filter((tag) => tag !== ''))],
  };
}

/** The live rules in the order they are tried. */
async function ordered(db: PaceDatabase): Promise<RuleRecord[]> {
  return (await db.rules.toArray()).sort(
    (a, b) => a.position - b.position || (a.id < b.id ? -1 : 1),
  );
}

/** Numbers the rules 0…n−1 in this order, as the server does after a move or a delete. */
async function renumber(db: PaceDatabase, rules: readonly RuleRecord[]): Promise<void> {
  for (const [position, rule] of rules.entries())
    if (rule.position !== position) await db.rules.update(rule.id, { position });
}

/** Creates a rule on this device, tried last; returns its client id. */
export async function createRule(
  db: PaceDatabase,
  input: RuleDefinition,
  currency: string,
): Promise<string> {
  const id = crypto.randomUUID();
  await db.transaction('rw', db.rules, db.outbox, async () => {
    await db.rules.add({
      id,
      position: await db.rules.count(),
      ...ruleFieldsOf(input, currency),
      version: 0,
      updatedAt: new Date().toISOString(),
      pending: 1,
    });
    await enqueue(db, 'createRule', id, { input: { id, ...input } });
  });
  notifyLocalWrite();
  return id;
}

/**
 * Replaces a rule's conditions and actions. While its create or an earlier edit still waits, the
 * edit is folded into that mutation; otherwise it carries the version this device read, so an
 * edit made meanwhile on another device comes back as a conflict instead of being overwritten.
 */
export async function editRule(db: PaceDatabase, id: string, input: RuleDefinition): Promise<void> {
  await db.transaction('rw', db.rules, db.outbox, async () => {
    const record = await db.rules.get(id);
    if (!record) return;
    // The form does not show the account condition: an edit keeps it.
    const whole = { ...input, accountId: record.accountId };
    await db.rules.put({
      ...record,
      ...ruleFieldsOf(whole, record.currency),
      updatedAt: new Date().toISOString(),
      pending: 1,
    });
    const waiting = (await pendingFor(db, id))
      .filter((e) => e.operationName === 'createRule' || e.operationName === 'updateRule')
      .at(-1);
    if (waiting?.seq !== undefined) {
      const queued = waiting.variables.input as Record<string, unknown>;
      const folded = { ...queued, ...whole, id };
      await db.outbox.update(waiting.seq, { variables: { ...waiting.variables, input: folded } });
      return;
    }
    await enqueue(db, 'updateRule', id, { input: { ...whole, id, baseVersion: record.version } });
  });
  notifyLocalWrite();
}

/** Moves a rule to `position` (0 is tried first); the others move to make room. */
export async function moveRule(db: PaceDatabase, id: string, position: number): Promise<void> {
  await db.transaction('rw', db.rules, db.outbox, async () => {
    const rules = await ordered(db);
    const moving = rules.find((rule) => rule.id === id);
    if (!moving) return;
    const others = rules.filter((rule) => rule.id !== id);
    others.splice(Math.max(0, Math.min(position, others.length)), 0, moving);
    await renumber(db, others);
    await db.rules.update(id, { pending: 1 });
    await enqueue(db, 'moveRule', id, { id, position });
  });
  notifyLocalWrite();
}

/** Deletes a rule on this device (the rules after it move up) and queues the delete. */
export async function deleteRule(db: PaceDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.rules, db.outbox, async () => {
    if (!(await db.rules.get(id))) return;
    await db.rules.delete(id);
    await renumber(db, await ordered(db));
    // Kept even when the create was never sent: the moves queued after it count places with it.
    await enqueue(db, 'deleteRule', id, { id });
  });
  notifyLocalWrite();
}

/** True while a rule write of this device waits in the outbox. */
export async function hasQueuedRuleWrites(db: PaceDatabase): Promise<boolean> {
  return (await db.outbox.toArray()).some((entry) => isRuleOperation(entry.operationName));
}
