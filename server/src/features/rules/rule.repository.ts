import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
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

/**
 * A person's categorisation rules. The pattern and the new payee name (usually merchant names)
 * are encrypted at rest, bound to the rule id; rules are matched in memory after reading.
 */
export class RuleRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
  ) {}

  with(tx: Db): RuleRepository {
    return new RuleRepository(tx, this.cipher);
  }

  private open(row: CategoryRuleRow): CategoryRuleRow {
    return openRule(this.cipher, row);
  }

  /** The live rules in the order they are tried. */
  async list(userId: string): Promise<CategoryRuleRow[]> {
    const rows = await this.db
      .select()
      .from(categoryRules)
      .where(and(eq(categoryRules.userId, userId), isNull(categoryRules.deletedAt)))
      .orderBy(asc(categoryRules.position), asc(categoryRules.id));
    return rows.map((row) => this.open(row));
  }

  /** A rule by id, whoever owns it and deleted or not (callers check both). */
  async find(id: string): Promise<CategoryRuleRow | null> {
    const [row] = await this.db.select().from(categoryRules).where(eq(categoryRules.id, id));
    return row ? this.open(row) : null;
  }

  /** Inserts unless the id exists; null when it did (a replay, or another person's id). */
  async insertUnlessExists(row: NewRuleRow): Promise<CategoryRuleRow | null> {
    const [inserted] = await this.db
      .insert(categoryRules)
      .values(sealRule(this.cipher, row.id, row))
      .onConflictDoNothing({ target: categoryRules.id })
      .returning();
    return inserted ? this.open(inserted) : null;
  }

  /** Applies changes with a new version and change number. */
  async update(id: string, changes: RuleChanges): Promise<CategoryRuleRow> {
    const [row] = await this.db
      .update(categoryRules)
      .set({
        ...sealRule(this.cipher, id, changes),
        version: sql`${categoryRules.version} + 1`,
        changeSeq: nextChangeSeq(),
      })
      .where(eq(categoryRules.id, id))
      .returning();
    if (!row) throw new Error('rule vanished under the user lock');
    return this.open(row);
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
    return this.open(row);
  }

  /** Rules written after change number `since` (tombstones included), oldest first. */
  async listChangedSince(userId: string, since: number, limit: number): Promise<CategoryRuleRow[]> {
    const rows = await this.db
      .select()
      .from(categoryRules)
      .where(and(eq(categoryRules.userId, userId), gt(categoryRules.changeSeq, since)))
      .orderBy(asc(categoryRules.changeSeq))
      .limit(limit);
    return rows.map((row) => this.open(row));
  }
}

/** The encrypted columns' associated data: a ciphertext opens only in its own rule and column. */
export function ruleTextContext(column: 'text_pattern' | 'rename_merchant', id: string): string {
  return `category_rules.${column}:${id}`;
}

/** Values or changes as stored: the pattern and the new payee name encrypted when present. */
function sealRule<T extends Partial<Pick<CategoryRuleRow, 'textPattern' | 'renameMerchant'>>>(
  cipher: FieldCipher,
  id: string,
  values: T,
): T {
  return {
    ...values,
    ...(values.textPattern !== undefined
      ? {
          textPattern: cipher.encryptNullable(
            values.textPattern,
            ruleTextContext('text_pattern', id),
          ),
        }
      : {}),
    ...(values.renameMerchant !== undefined
      ? {
          renameMerchant: cipher.encryptNullable(
            values.renameMerchant,
            ruleTextContext('rename_merchant', id),
          ),
        }
      : {}),
  };
}

/** A stored rule as the rest of the server reads it: decrypted (legacy plaintext passes through). */
function openRule(cipher: FieldCipher, row: CategoryRuleRow): CategoryRuleRow {
  return {
    ...row,
    textPattern: cipher.decryptNullable(row.textPattern, ruleTextContext('text_pattern', row.id)),
    renameMerchant: cipher.decryptNullable(
      row.renameMerchant,
      ruleTextContext('rename_merchant', row.id),
    ),
  };
}
