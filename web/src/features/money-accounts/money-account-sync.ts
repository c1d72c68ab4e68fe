import { formatDecimal } from '@pace/engine';
import type { MoneyAccountKind, MoneyAccountRecord, PaceDatabase, TransferRecord } from '@/lib/db';
import { enqueue, notifyLocalWrite, pendingFor } from '@/lib/sync/outbox';
import { minorOf, type WireMoney } from '@/lib/sync/mappers';

/** A money account as the API sends it. */
export interface WireMoneyAccount {
  id: string;
  name: string;
  kind: string;
  currency: string;
  openingBalance: WireMoney;
  openingOn?: string | null;
  isDefault: boolean;
  isArchived: boolean;
  reconciledThrough?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A transfer as the API sends it. */
export interface WireTransfer {
  id: string;
  fromAccountId: string;
  toAccountId: string;
  amount: WireMoney;
  transferredOn: string;
  note: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string | null;
}

export function moneyAccountRecordOf(a: WireMoneyAccount): MoneyAccountRecord {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind.toLowerCase() as MoneyAccountKind,
    currency: a.currency,
    openingBalanceMinor: minorOf(a.openingBalance),
    openingOn: a.openingOn ?? null,
    isDefault: a.isDefault,
    isArchived: a.isArchived,
    reconciledThrough: a.reconciledThrough ?? null,
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    pending: 0,
  };
}

export function transferRecordOf(t: WireTransfer): TransferRecord {
  return {
    id: t.id,
    bookedOn: t.transferredOn,
    fromAccountId: t.fromAccountId,
    toAccountId: t.toAccountId,
    amountMinor: minorOf(t.amount),
    currency: t.amount.currency,
    note: t.note,
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    pending: 0,
  };
}

/** A pulled MONEY_ACCOUNT or TRANSFER change (inside a transaction over both tables). */
export async function applyMoneyChange(
  db: PaceDatabase,
  change: {
    id: string;
    deleted: boolean;
    moneyAccount?: WireMoneyAccount | null;
    transfer?: WireTransfer | null;
  },
): Promise<void> {
  if (change.moneyAccount) await db.moneyAccounts.put(moneyAccountRecordOf(change.moneyAccount));
  else if (change.transfer) {
    if (change.deleted || change.transfer.deletedAt) await db.transfers.delete(change.id);
    else await db.transfers.put(transferRecordOf(change.transfer));
  }
}

/** The answer to a replayed account or transfer write (inside a transaction over both tables). */
export type WireMoneyPayload =
  { conflict: boolean; account: WireMoneyAccount } | { conflict: boolean; transfer: WireTransfer };

export async function applyMoneyPayload(
  db: PaceDatabase,
  payload: WireMoneyPayload,
  stillQueued: boolean,
): Promise<void> {
  if ('account' in payload) {
    const server = moneyAccountRecordOf(payload.account);
    if (stillQueued) await db.moneyAccounts.update(server.id, { version: server.version });
    else await db.moneyAccounts.put(server);
    return;
  }
  const server = transferRecordOf(payload.transfer);
  if (stillQueued) await db.transfers.update(server.id, { version: server.version });
  else if (payload.transfer.deletedAt) await db.transfers.delete(server.id);
  else await db.transfers.put(server);
}

/** Stores accounts read from the API (the `accounts` query) unless a change of theirs waits. */
export async function saveAccounts(
  db: PaceDatabase,
  accounts: readonly WireMoneyAccount[],
): Promise<void> {
  await db.transaction('rw', db.moneyAccounts, db.outbox, async () => {
    for (const account of accounts)
      if ((await pendingFor(db, account.id)).length === 0)
        await db.moneyAccounts.put(moneyAccountRecordOf(account));
  });
}

const newId = (): string => crypto.randomUUID();
const nowIso = (): string => new Date().toISOString();

export interface NewMoneyAccount {
  name: string;
  kind: MoneyAccountKind;
  currency: string;
  openingBalanceMinor: number;
  /** Local date in the budget's time zone. */
  openingOn: string;
}

/** Creates an account on this device and queues it; returns its client id. */
export async function createMoneyAccount(
  db: PaceDatabase,
  input: NewMoneyAccount,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  const name = input.name.trim();
  await db.transaction('rw', db.moneyAccounts, db.outbox, async () => {
    await db.moneyAccounts.put({
      id,
      name,
      kind: input.kind,
      currency: input.currency,
      openingBalanceMinor: input.openingBalanceMinor,
      openingOn: input.openingOn,
      isDefault: false,
      isArchived: false,
      reconciledThrough: null,
      version: 0,
      createdAt: now,
      updatedAt: now,
      pending: 1,
    });
    await enqueue(db, 'createMoneyAccount', id, {
      input: {
        id,
        name,
        kind: input.kind.toUpperCase(),
        openingBalance: formatDecimal(input.openingBalanceMinor, input.currency),
        openingOn: input.openingOn,
      },
    });
  });
  notifyLocalWrite();
  return id;
}

/** Archives (or brings back) an account; folded into a create still waiting. */
export async function setAccountArchived(
  db: PaceDatabase,
  id: string,
  isArchived: boolean,
): Promise<void> {
  await db.transaction('rw', db.moneyAccounts, db.outbox, async () => {
    const record = await db.moneyAccounts.get(id);
    if (!record) return;
    await db.moneyAccounts.put({ ...record, isArchived, updatedAt: nowIso(), pending: 1 });
    const waiting = (await pendingFor(db, id)).at(-1);
    if (waiting?.seq !== undefined) {
      const input = { ...(waiting.variables.input as Record<string, unknown>), isArchived };
      await db.outbox.update(waiting.seq, { variables: { ...waiting.variables, input } });
      return;
    }
    await enqueue(db, 'updateMoneyAccount', id, {
      input: { id, baseVersion: record.version, isArchived },
    });
  });
  notifyLocalWrite();
}

export interface NewTransfer {
  fromAccountId: string;
  toAccountId: string;
  amountMinor: number;
  currency: string;
  /** Local date in the budget's time zone. */
  bookedOn: string;
  note?: string;
}

/** Records a transfer on this device and queues it; returns its client id. */
export async function createTransfer(db: PaceDatabase, input: NewTransfer): Promise<string> {
  const id = newId();
  const now = nowIso();
  const note = input.note?.trim() ?? '';
  await db.transaction('rw', db.transfers, db.outbox, async () => {
    await db.transfers.put({
      id,
      bookedOn: input.bookedOn,
      fromAccountId: input.fromAccountId,
      toAccountId: input.toAccountId,
      amountMinor: input.amountMinor,
      currency: input.currency,
      note,
      version: 0,
      createdAt: now,
      updatedAt: now,
      pending: 1,
    });
    await enqueue(db, 'createTransfer', id, {
      input: {
        id,
        fromAccountId: input.fromAccountId,
        toAccountId: input.toAccountId,
        amount: formatDecimal(input.amountMinor, input.currency),
        transferredOn: input.bookedOn,
        ...(note ? { note } : {}),
      },
    });
  });
  notifyLocalWrite();
  return id;
}

/** Deletes a transfer: a create not sent yet simply leaves the queue. */
export async function deleteTransfer(db: PaceDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.transfers, db.outbox, async () => {
    const waiting = await pendingFor(db, id);
    await db.transfers.delete(id);
    if (waiting.some((e) => e.operationName === 'createTransfer')) {
      await db.outbox.bulkDelete(waiting.flatMap((e) => (e.seq === undefined ? [] : [e.seq])));
      return;
    }
    await enqueue(db, 'deleteTransfer', id, { id });
  });
  notifyLocalWrite();
}
