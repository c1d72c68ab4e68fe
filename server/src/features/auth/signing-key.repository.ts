import { desc, notInArray } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { signingKeys, type SigningKeyRow } from './auth.table';

export class SigningKeyRepository {
  constructor(private readonly db: Db) {}

  /** Newest first. */
  async newest(limit: number): Promise<SigningKeyRow[]> {
    return this.db
      .select()
      .from(signingKeys)
      .orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid))
      .limit(limit);
  }

  async insert(row: SigningKeyRow): Promise<void> {
    await this.db.insert(signingKeys).values(row);
  }

  async deleteAllBut(kids: string[]): Promise<void> {
    if (kids.length === 0) return;
    await this.db.delete(signingKeys).where(notInArray(signingKeys.kid, kids));
  }
}
