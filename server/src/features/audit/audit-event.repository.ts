import { and, asc, desc, eq, gt, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { auditEvents, type AuditEventRow } from './audit-event.table';

export interface AuditFilter {
  event?: string;
  userId?: string;
  since?: Date;
  until?: Date;
}

export class AuditEventRepository {
  constructor(private readonly db: Db) {}

  async insert(row: AuditEventRow): Promise<void> {
    await this.db.insert(auditEvents).values(row);
  }

  /** Newest first; `after` is the (occurredAt, id) of the last row of the previous page. */
  async list(options: {
    limit: number;
    after?: { occurredAt: Date; id: string } | null;
    /** Only events listed before this one (newer); with `backward`, the last ones before it. */
    before?: { occurredAt: Date; id: string } | null;
    backward?: boolean;
    filter: AuditFilter;
  }): Promise<AuditEventRow[]> {
    const { filter, after, before, backward } = options;
    const conditions: Array<SQL | undefined> = [
      filter.event ? eq(auditEvents.event, filter.event) : undefined,
      filter.userId ? eq(auditEvents.userId, filter.userId) : undefined,
      filter.since ? gte(auditEvents.occurredAt, filter.since) : undefined,
      filter.until ? lt(auditEvents.occurredAt, filter.until) : undefined,
      after
        ? or(
            lt(auditEvents.occurredAt, after.occurredAt),
            and(eq(auditEvents.occurredAt, after.occurredAt), lt(auditEvents.id, after.id)),
          )
        : undefined,
      before
        ? or(
            gt(auditEvents.occurredAt, before.occurredAt),
            and(eq(auditEvents.occurredAt, before.occurredAt), gt(auditEvents.id, before.id)),
          )
        : undefined,
    ];
    const direction = backward ? asc : desc;
    const rows = await this.db
      .select()
      .from(auditEvents)
      .where(and(...conditions))
      .orderBy(direction(auditEvents.occurredAt), direction(auditEvents.id))
      .limit(options.limit);
    return backward ? rows.reverse() : rows;
  }

  /** Keeps a deleted person's events without anything that identifies them. */
  async anonymiseUser(userId: string): Promise<void> {
    await this.db
      .update(auditEvents)
      .set({ userId: null, ip: null, details: sql`'{}'::jsonb` })
      .where(eq(auditEvents.userId, userId));
  }
}
