import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { nextChangeSeq } from '../budget';
import { categoryRules, type CategoryRuleRow } from './rule.table';

export type NewRuleRow = Omit<CategoryRuleRow, 'version' | 'changeSeq' | 'deletedAt'>;
export type RuleChanges = Partial<
  Pick<
    CategoryRuleRow,
    | 'position'
    | 'textPattern'
    | 'textMatch'
    | 'minAmountMinor'
    | 'maxAmountMinor'
    | 'accountId'
    | 'setCategoryId'
    | 'renameMerchant'
    | 'addTags'
    | 'deletedAt'
  >
> & { updatedAt: Date };

/** A person's categorisation rules. */
export class RuleRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): RuleRepository {
    return new RuleRepository(tx);
  }

  /** The live rules in the order they are tried. */
  async list(userId: string): Promise<CategoryRuleRow[]> {
    return this.db
      .select()
      .from(categoryRules)
      .where(and(eq(categoryRules.userId, userId), isNull(categoryRules.deletedAt)))
      .orderBy(asc(categoryRules.position), asc(categoryRules.id));
  }

  /** A rule by id, whoever owns it and deleted or not (callers check both). */
  async find(id: string): Promise<CategoryRuleRow | null> {
    const [row] = await this.db.select().from(categoryRules).where(eq(categoryRules.id, id));
    return row ?? null;
  }

  /** Inserts unless the id exists; null when it did (a replay, or another person's id). */
  async insertUnlessExists(row: NewRuleRow): Promise<CategoryRuleRow | null> {
    const [inserted] = await this.db
      .insert(categoryRules)
      .values(row)
      .onConflictDoNothing({ target: categoryRules.id })
      .returning();
    return inserted ?? null;
  }

  /** Applies changes with a new version and change number. */
  async update(id: string, changes: RuleChanges): Promise<CategoryRuleRow> {
    const [row] = await this.db
      .update(categoryRules)
      .set({ ...changes, version: sql`${categoryRules.version} + 1`, changeSeq: nextChangeSeq() })
      .where(eq(categoryRules.id, id))
      .returning();
    if (!row) throw new Error('rule vanished under the user lock');
    return row;
  }

  /**
   * Gives a rule another place in the order with a new change number (devices learn of it) but
   * the same version: the version guards its conditions and actions, which a move leaves alone,
   * so an edit made on a device while another one reordered is not a conflict.
   */
  async reposition(id: string, position: number, updatedAt: Date): Promise<CategoryRuleRow> {
    const [row] = await this.db
      .update(categoryRules)
      .set({ position, updatedAt, changeSeq: nextChangeSeq() })
      .where(eq(categoryRules.id, id))
      .returning();
    if (!row) throw new Error('rule vanished under the user lock');
    return row;
  }

  /** Rules written after change number `since` (tombstones included), oldest first. */
  async listChangedSince(userId: string, since: number, limit: number): Promise<CategoryRuleRow[]> {
    return this.db
      .select()
      .from(categoryRules)
      .where(and(eq(categoryRules.userId, userId), gt(categoryRules.changeSeq, since)))
      .orderBy(asc(categoryRules.changeSeq))
      .limit(limit);
  }
}
