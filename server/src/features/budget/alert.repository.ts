import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { alertsSent } from './alert.table';

/** Which alert keys a user was already sent, and when. */
export class AlertRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): AlertRepository {
    return new AlertRepository(tx);
  }

  /** Last sending time (ms) of each of `keys` that was sent. */
  async findSentAt(userId: string, keys: readonly string[]): Promise<Record<string, number>> {
    if (keys.length === 0) return {};
    const rows = await this.db
      .select()
      .from(alertsSent)
      .where(and(eq(alertsSent.userId, userId), inArray(alertsSent.key, [...keys])));
    return Object.fromEntries(rows.map((row) => [row.key, row.sentAt.getTime()]));
  }

  async markSent(userId: string, keys: readonly string[], sentAt: Date): Promise<void> {
    if (keys.length === 0) return;
    await this.db
      .insert(alertsSent)
      .values(keys.map((key) => ({ userId, key, sentAt })))
      .onConflictDoUpdate({ target: [alertsSent.userId, alertsSent.key], set: { sentAt } });
  }
}
