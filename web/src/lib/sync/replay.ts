import {
  saveTransaction,
  type ConflictRecord,
  type OutboxEntry,
  type PaceDatabase,
} from '@/lib/db';
import {
  SYNC_ARCHIVE_HABIT,
  SYNC_CHECK_IN_HABIT,
  SYNC_CREATE_HABIT,
  SYNC_DELETE_MOOD,
  SYNC_LOG_MOOD,
  SYNC_UPDATE_HABIT,
  SYNC_ADJUST_BUDGET,
  SYNC_CREATE_GOAL,
  SYNC_CREATE_TRANSACTION,
  SYNC_DELETE_ADJUSTMENT,
  SYNC_DELETE_GOAL,
  SYNC_DELETE_TRANSACTION,
  SYNC_RESTORE_TRANSACTION,
  SYNC_UPDATE_GOAL,
  SYNC_UPDATE_TRANSACTION,
} from '@/features/sync/sync.operations';
import {
  SYNC_CREATE_SPLIT,
  SYNC_DELETE_SPLIT,
  SYNC_UPDATE_SPLIT,
} from '@/features/splits/split.operations';
import { applySplitPayload, type WireSplitPayload } from '@/features/splits/split-sync';
import {
  applyMoneyPayload,
  type WireMoneyPayload,
} from '@/features/money-accounts/money-account-sync';
import {
  SYNC_CREATE_MONEY_ACCOUNT,
  SYNC_CREATE_TRANSFER,
  SYNC_DELETE_TRANSFER,
  SYNC_UPDATE_MONEY_ACCOUNT,
} from '@/features/money-accounts/money-account.operations';
import { SYNC_DELETE_TAG, SYNC_RENAME_TAG } from '@/features/tags/tag.operations';
import { acknowledgeTagChange, type WireTagPayload } from '@/features/tags/tag-sync';
import {
  RULE_CREATE,
  RULE_DELETE,
  RULE_MOVE,
  RULE_UPDATE,
} from '@/features/rules/rules.operations';
import { isRuleOperation } from '@/features/rules/rule-outbox';
import {
  applyRulePayload,
  settleRuleRefusal,
  type WireRulePayload,
} from '@/features/rules/rule-sync';
import {
  adjustmentRecordOf,
  goalRecordOf,
  transactionRecordOf,
  type WireAdjustment,
  type WireGoal,
  type WireTransaction,
} from './mappers';
import { GraphqlRequestError, NetworkUnavailableError, type GraphqlTransport } from './transport';
import { habitRecordOf, moodRecordOf } from './wellbeing';
import type { SyncHabitFieldsFragment, SyncMoodFieldsFragment } from '@/lib/graphql/generated';

const DOCUMENTS: Record<OutboxEntry['operationName'], string> = {
  createTransaction: SYNC_CREATE_TRANSACTION,
  updateTransaction: SYNC_UPDATE_TRANSACTION,
  deleteTransaction: SYNC_DELETE_TRANSACTION,
  restoreTransaction: SYNC_RESTORE_TRANSACTION,
  adjustBudget: SYNC_ADJUST_BUDGET,
  deleteBudgetAdjustment: SYNC_DELETE_ADJUSTMENT,
  createGoal: SYNC_CREATE_GOAL,
  updateGoal: SYNC_UPDATE_GOAL,
  deleteGoal: SYNC_DELETE_GOAL,
  createHabit: SYNC_CREATE_HABIT,
  updateHabit: SYNC_UPDATE_HABIT,
  archiveHabit: SYNC_ARCHIVE_HABIT,
  checkInHabit: SYNC_CHECK_IN_HABIT,
  logMood: SYNC_LOG_MOOD,
  deleteMood: SYNC_DELETE_MOOD,
  createSplitTransaction: SYNC_CREATE_SPLIT,
  updateSplit: SYNC_UPDATE_SPLIT,
  deleteSplit: SYNC_DELETE_SPLIT,
  createMoneyAccount: SYNC_CREATE_MONEY_ACCOUNT,
  updateMoneyAccount: SYNC_UPDATE_MONEY_ACCOUNT,
  createTransfer: SYNC_CREATE_TRANSFER,
  deleteTransfer: SYNC_DELETE_TRANSFER,
  renameTag: SYNC_RENAME_TAG,
  deleteTag: SYNC_DELETE_TAG,
  createRule: RULE_CREATE,
  updateRule: RULE_UPDATE,
  moveRule: RULE_MOVE,
  deleteRule: RULE_DELETE,
};

/**
 * Queued changes whose mutation answers in a payload under another name: the mutation's field and
 * the record's field inside it. The queued names stay as they are, for entries already on devices.
 */
const PAYLOAD_ANSWERS: Partial<Record<OutboxEntry['operationName'], readonly [string, string]>> = {
  adjustBudget: ['moveBudget', 'budgetAdjustment'],
  deleteBudgetAdjustment: ['undoBudgetMove', 'budgetAdjustment'],
  logMood: ['recordMood', 'mood'],
  deleteMood: ['clearMood', 'removed'],
};

/** Errors that say nothing about the mutation itself: keep it and try again later. */
const RETRY_LATER = new Set([
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
]);

export interface ReplayResult {
  sent: number;
  conflicts: number;
  /** Why the replay stopped early (the entry stays queued), or null when the outbox emptied. */
  stoppedBy: 'network' | 'auth' | null;
}

type Payload =
  | { conflict: boolean; transaction: WireTransaction }
  | { conflict: boolean; goal: WireGoal }
  | WireAdjustment
  | { habit: SyncHabitFieldsFragment }
  | SyncMoodFieldsFragment
  | WireSplitPayload
  | WireMoneyPayload
  | WireTagPayload
  | boolean;

/**
 * Sends the outbox in order. A mutation the server took leaves the queue and its answer updates
 * the mirror; a stale edit becomes a conflict for the person to settle, a refused one a rejection;
 * an unreachable server stops the replay with everything still queued.
 */
export async function replayOutbox(
  db: PaceDatabase,
  transport: GraphqlTransport,
): Promise<ReplayResult> {
  // One replay at a time per database across this origin's tabs and its service worker (its
  // Background Sync replays when it finds no tab): two at once could send an entry twice, or a
  // later edit of a record before an earlier one.
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return replayInOrder(db, transport);
  return locks.request(`pace-outbox:${db.name}`, () => replayInOrder(db, transport));
}

async function replayInOrder(db: PaceDatabase, transport: GraphqlTransport): Promise<ReplayResult> {
  const result: ReplayResult = { sent: 0, conflicts: 0, stoppedBy: null };
  for (;;) {
    const entry = await db.outbox.orderBy('seq').first();
    if (!entry?.seq) return result;
    let data: Record<string, Payload>;
    try {
      data = await transport<Record<string, Payload>>(
        DOCUMENTS[entry.operationName],
        entry.variables,
      );
    } catch (error) {
      if (
        error instanceof NetworkUnavailableError ||
        (error instanceof GraphqlRequestError && RETRY_LATER.has(error.code))
      ) {
        await db.outbox.update(entry.seq, {
          attempts: entry.attempts + 1,
          lastError: error instanceof GraphqlRequestError ? error.code : 'NETWORK',
        });
        result.stoppedBy = error instanceof NetworkUnavailableError ? 'network' : 'auth';
        return result;
      }
      if (!(error instanceof GraphqlRequestError)) throw error;
      // Moving or deleting a rule that is gone: nothing to settle.
      if (await settleRuleRefusal(db, entry, error.code)) continue;
      await reject(db, entry, entry.seq, error.code);
      result.conflicts += 1;
      continue;
    }
    const answer = PAYLOAD_ANSWERS[entry.operationName];
    const payload = answer
      ? (data[answer[0]] as unknown as Record<string, Payload> | null | undefined)?.[answer[1]]
      : data[entry.operationName];
    if (payload === undefined || payload === null)
      throw new Error(`no ${entry.operationName} in the answer`);
    const conflict = await acknowledge(db, entry, entry.seq, payload);
    result.sent += 1;
    if (conflict) result.conflicts += 1;
  }
}

/** Applies the server's answer; true when it was a conflict. */
async function acknowledge(db: PaceDatabase, entry: OutboxEntry, seq: number, payload: Payload) {
  return db.transaction(
    'rw',
    [
      db.outbox,
      db.transactions,
      db.ledger,
      db.goals,
      db.adjustments,
      db.conflicts,
      db.habits,
      db.moods,
      db.meta,
      db.moneyAccounts,
      db.transfers,
      db.rules,
      db.settings,
    ],
    async () => {
      await db.outbox.delete(seq);
      const stillQueued = (await db.outbox.where('recordId').equals(entry.recordId).count()) > 0;
      // Habits and moods: the server's copy replaces this device's once nothing else is queued.
      if (typeof payload === 'boolean') return false;
      if (isRuleOperation(entry.operationName)) {
        // Rules: the device's order stands until its rule writes are all sent (rule-sync).
        return applyRulePayload(db, entry, payload as unknown as WireRulePayload, stillQueued);
      }
      if ('habit' in payload) {
        if (!stillQueued) await db.habits.put(habitRecordOf(payload.habit));
        return false;
      }
      if ('score' in payload) {
        if (!stillQueued) await db.moods.put(moodRecordOf(payload));
        return false;
      }
      if ('transactionCount' in payload) {
        // A tag renamed or removed across the ledger: laid over the copies answered meanwhile.
        await acknowledgeTagChange(db, entry, payload);
        return false;
      }
      if ('account' in payload || 'transfer' in payload) {
        // Accounts and transfers: the server's copy wins (a stale archive flag is not worth a choice).
        await applyMoneyPayload(db, payload, stillQueued);
        return false;
      }
      if ('split' in payload) {
        // Kept with the server's version, so "keep mine" sends the parts again on top of it.
        if (payload.conflict && entry.operationName === 'updateSplit') {
          const input = {
            ...(entry.variables.input as object),
            baseVersion: payload.split.version,
          };
          await recordConflict(db, { ...entry, variables: { input } }, 'transaction', null);
        }
        await applySplitPayload(db, payload, stillQueued);
        return payload.conflict;
      }
      if ('transaction' in payload) {
        const server = transactionRecordOf(payload.transaction);
        if (payload.conflict && entry.operationName === 'updateTransaction') {
          await recordConflict(db, entry, 'transaction', server);
        }
        if (stillQueued) {
          await db.transactions.update(server.id, { version: server.version });
        } else {
          await saveTransaction(db, server.id, server.deletedAt ? undefined : server);
        }
        return payload.conflict;
      }
      if ('goal' in payload) {
        const server = goalRecordOf(payload.goal);
        if (payload.conflict && entry.operationName === 'updateGoal') {
          await recordConflict(db, entry, 'goal', server);
        }
        if (stillQueued) await db.goals.update(server.id, { version: server.version });
        else if (payload.goal.deletedAt) await db.goals.delete(server.id);
        else await db.goals.put(server);
        return payload.conflict;
      }
      if (!stillQueued) {
        if (payload.deletedAt) await db.adjustments.delete(payload.id);
        else {
          const order = (await db.adjustments.get(payload.id))?.order ?? 0;
          await db.adjustments.put(adjustmentRecordOf(payload, order));
        }
      }
      return false;
    },
  );
}

async function recordConflict(
  db: PaceDatabase,
  entry: OutboxEntry,
  entity: ConflictRecord['entity'],
  server: ConflictRecord['server'],
) {
  await db.conflicts.put({
    id: entry.recordId,
    kind: 'conflict',
    entity,
    operationName: entry.operationName,
    variables: entry.variables,
    server,
    code: null,
    detectedAt: new Date().toISOString(),
  });
}

/** A mutation the API refused for itself: kept as a rejection the person sees and settles. */
async function reject(db: PaceDatabase, entry: OutboxEntry, seq: number, code: string) {
  await db.transaction('rw', db.outbox, db.conflicts, async () => {
    await db.outbox.delete(seq);
    await db.conflicts.put({
      id: entry.recordId,
      kind: 'rejected',
      entity: entityOf(entry.operationName),
      operationName: entry.operationName,
      variables: entry.variables,
      server: null,
      code,
      detectedAt: new Date().toISOString(),
    });
  });
}

function entityOf(operationName: OutboxEntry['operationName']): ConflictRecord['entity'] {
  if (operationName.includes('Goal')) return 'goal';
  if (operationName.includes('Habit')) return 'habit';
  if (operationName.includes('Mood')) return 'mood';
  if (operationName.includes('Rule')) return 'rule';
  return 'transaction';
}
