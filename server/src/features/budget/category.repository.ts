import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { preparedOn } from '../../infra/db/prepared';
import { nextChangeSeq } from './budget.table';
import { userCategories, type UserCategoryRow } from './category.table';

export type CategoryChanges = Partial<Pick<UserCategoryRow, 'name' | 'behaviour' | 'priority'>> & {
  updatedAt: Date;
};

/** A user's own categories. */
export class CategoryRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): CategoryRepository {
    return new CategoryRepository(tx);
  }

  async list(userId: string): Promise<UserCategoryRow[]> {
    const query = preparedOn(this.db, 'categories.list', (db) =>
      db
        .select()
        .from(userCategories)
        .where(eq(userCategories.userId, sql.placeholder('user')))
        .orderBy(asc(userCategories.createdAt), asc(userCategories.id))
        .prepare('categories_list'),
    );
    return query.execute({ user: userId });
  }

  async find(userId: string, id: string): Promise<UserCategoryRow | null> {
    const [row] = await this.db
      .select()
      .from(userCategories)
      .where(and(eq(userCategories.userId, userId), eq(userCategories.id, id)));
    return row ?? null;
  }

  async insert(row: Omit<UserCategoryRow, 'version' | 'changeSeq'>): Promise<UserCategoryRow> {
    const [inserted] = await this.db.insert(userCategories).values(row).returning();
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  }

  async update(userId: string, id: string, changes: CategoryChanges): Promise<UserCategoryRow> {
    const [row] = await this.db
      .update(userCategories)
      .set({ ...changes, version: sql`${userCategories.version} + 1`, changeSeq: nextChangeSeq() })
      .where(and(eq(userCategories.userId, userId), eq(userCategories.id, id)))
      .returning();
    if (!row) throw new Error('category vanished under the user lock');
    return row;
  }

  /** Categories written after change number `since`, oldest first. */
  async listChangedSince(userId: string, since: number, limit: number): Promise<UserCategoryRow[]> {
    return this.db
      .select()
      .from(userCategories)
      .where(and(eq(userCategories.userId, userId), gt(userCategories.changeSeq, since)))
      .orderBy(asc(userCategories.changeSeq))
      .limit(limit);
  }
}
