import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { nextChangeSeq } from '../budget';
import {
  accountReconciliations,
  moneyAccounts,
  transfers,
  type AccountReconciliationRow,
  type MoneyAccountRow,
  type TransferRow,
} from './money-account.table';

export type MoneyAccountChanges = Partial<
  Pick<
    MoneyAccountRow,
    'name' | 'kind' | 'openingBalanceMinor' | 'openingOn' | 'isArchived' | 'reconciledThrough'
  >
> & { updatedAt: Date };

export type TransferChanges = Partial<
  Pick<
    TransferRow,
    'fromAccountId' | 'toAccountId' | 'amountMinor' | 'transferredOn' | 'note' | 'deletedAt'
  >
> & { updatedAt: Date };

/** Money accounts, transfers and reconciliations. */
export class MoneyAccountRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): MoneyAccountRepository {
    return new MoneyAccountRepository(tx);
  }

  /** An account by id, whoever owns it (callers check). */
  async find(id: string): Promise<MoneyAccountRow | null> {
    const [row] = await this.db.select().from(moneyAccounts).where(eq(moneyAccounts.id, id));
    return row ?? null;
  }

  /** The person's accounts: the default one first, then oldest first. */
  async listOfUser(userId: string): Promise<MoneyAccountRow[]> {
    return this.db
      .select()
      .from(moneyAccounts)
      .where(eq(moneyAccounts.userId, userId))
      .orderBy(desc(moneyAccounts.isDefault), asc(moneyAccounts.createdAt), asc(moneyAccounts.id));
  }

  /** Inserts unless the id exists; null when it did (a replay, or another person's id). */
  async insertUnlessExists(
    row: Omit<MoneyAccountRow, 'version' | 'changeSeq'>,
  ): Promise<MoneyAccountRow | null> {
    const [inserted] = await this.db
      .insert(moneyAccounts)
      .values(row)
      .onConflictDoNothing({ target: moneyAccounts.id })
      .returning();
    return inserted ?? null;
  }

  async update(id: string, changes: MoneyAccountChanges): Promise<MoneyAccountRow> {
    const [row] = await this.db
      .update(moneyAccounts)
      .set({ ...changes, version: sql`${moneyAccounts.version} + 1`, changeSeq: nextChangeSeq() })
      .where(eq(moneyAccounts.id, id))
      .returning();
    if (!row) throw new Error('money account vanished under the user lock');
    return row;
  }

  async findTransfer(id: string): Promise<TransferRow | null> {
    const [row] = await this.db.select().from(transfers).where(eq(transfers.id, id));
    return row ?? null;
  }

  /** The person's live transfers (tombstones left out). */
  async listTransfers(userId: string): Promise<TransferRow[]> {
    return this.db
      .select()
      .from(transfers)
      .where(and(eq(transfers.userId, userId), sql`${transfers.deletedAt} is null`));
  }

  async insertTransferUnlessExists(
    row: Omit<TransferRow, 'version' | 'changeSeq'>,
  ): Promise<TransferRow | null> {
    const [inserted] = await this.db
      .insert(transfers)
      .values(row)
      .onConflictDoNothing({ target: transfers.id })
      .returning();
    return inserted ?? null;
  }

  async updateTransfer(id: string, changes: TransferChanges): Promise<TransferRow> {
    const [row] = await this.db
      .update(transfers)
      .set({ ...changes, version: sql`${transfers.version} + 1`, changeSeq: nextChangeSeq() })
      .where(eq(transfers.id, id))
      .returning();
    if (!row) throw new Error('transfer vanished under the user lock');
    return row;
  }

  async insertReconciliation(row: AccountReconciliationRow): Promise<AccountReconciliationRow> {
    const [inserted] = await this.db.insert(accountReconciliations).values(row).returning();
    if (!inserted) throw new Error('reconciliation insert returned no row');
    return inserted;
  }

  /** The account's latest statement check, or null. */
  async latestReconciliation(accountId: string): Promise<AccountReconciliationRow | null> {
    const [row] = await this.db
      .select()
      .from(accountReconciliations)
      .where(eq(accountReconciliations.accountId, accountId))
      .orderBy(desc(accountReconciliations.createdAt), desc(accountReconciliations.id))
      .limit(1);
    return row ?? null;
  }

  /** Accounts written after change number `since`, oldest first. */
  async listChangedSince(userId: string, since: number, limit: number): Promise<MoneyAccountRow[]> {
    return this.db
      .select()
      .from(moneyAccounts)
      .where(and(eq(moneyAccounts.userId, userId), gt(moneyAccounts.changeSeq, since)))
      .orderBy(asc(moneyAccounts.changeSeq))
      .limit(limit);
  }

  /** Transfers written after change number `since` (tombstones included), oldest first. */
  async listTransfersChangedSince(
    userId: string,
    since: number,
    limit: number,
  ): Promise<TransferRow[]> {
    return this.db
      .select()
      .from(transfers)
      .where(and(eq(transfers.userId, userId), gt(transfers.changeSeq, since)))
      .orderBy(asc(transfers.changeSeq))
      .limit(limit);
  }
}
