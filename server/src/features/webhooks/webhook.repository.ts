import { and, asc, count, desc, eq, gt, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import type { Db } from '../../infra/db/database';
import {
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from './webhook.table';

/** The only SQL of webhook endpoints, deliveries and attempts. */
export class WebhookRepository {
  constructor(
    private readonly db: Db,
    /**
     * Encrypted at rest: endpoint secrets (bound to the endpoint id), delivery bodies (bound to the
     * delivery id) and response snippets (bound to the attempt id).
     */
    private readonly cipher: FieldCipher,
  ) {}

  with(tx: Db): WebhookRepository {
    return new WebhookRepository(tx, this.cipher);
  }

  private seal<T extends { secret?: string }>(id: string, changes: T): T {
    if (changes.secret === undefined) return changes;
    return {
      ...changes,
      secret: this.cipher.encryptText(changes.secret, webhookSecretContext(id)),
    };
  }

  private open(row: WebhookEndpointRow | undefined): WebhookEndpointRow | null {
    return row
      ? { ...row, secret: this.cipher.decryptText(row.secret, webhookSecretContext(row.id)) }
      : null;
  }

  private openDelivery(row: WebhookDeliveryRow): WebhookDeliveryRow {
    return {
      ...row,
      body: this.cipher.decryptText(row.body, webhookDeliveryBodyContext(row.id)),
    };
  }

  private openAttempt(row: WebhookAttemptRow): WebhookAttemptRow {
    return {
      ...row,
      responseSnippet: this.cipher.decryptNullable(
        row.responseSnippet,
        webhookResponseSnippetContext(row.id),
      ),
    };
  }

  transaction<T>(work: (repository: WebhookRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(this.with(tx)));
  }

  async insertEndpoint(row: WebhookEndpointRow): Promise<void> {
    await this.db.insert(webhookEndpoints).values(this.seal(row.id, row));
  }

  async findEndpoint(userId: string, id: string): Promise<WebhookEndpointRow | null> {
    const [row] = await this.db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.userId, userId), eq(webhookEndpoints.id, id)));
    return this.open(row);
  }

  async findEndpointOfAnyone(id: string): Promise<WebhookEndpointRow | null> {
    const [row] = await this.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    return this.open(row);
  }

  async listEndpoints(userId: string): Promise<WebhookEndpointRow[]> {
    const rows = await this.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.userId, userId))
      .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
    return rows.map((row) => this.open(row) ?? row);
  }

  async countEndpoints(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.userId, userId));
    return row?.n ?? 0;
  }

  /** The person's enabled endpoints subscribed to this event type. */
  async listSubscribed(userId: string, eventType: string): Promise<WebhookEndpointRow[]> {
    const rows = await this.db
      .select()
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.userId, userId),
          eq(webhookEndpoints.enabled, true),
          sql`${webhookEndpoints.eventTypes} @> ${JSON.stringify([eventType])}::jsonb`,
        ),
      );
    return rows.map((row) => this.open(row) ?? row);
  }

  async updateEndpoint(
    userId: string,
    id: string,
    changes: Partial<Omit<WebhookEndpointRow, 'id' | 'userId' | 'createdAt'>>,
  ): Promise<WebhookEndpointRow | null> {
    const [row] = await this.db
      .update(webhookEndpoints)
      .set(this.seal(id, changes))
      .where(and(eq(webhookEndpoints.userId, userId), eq(webhookEndpoints.id, id)))
      .returning();
    return this.open(row);
  }

  /** Marks the endpoint failing from `at` unless it already is; returns the row. */
  async markFailing(id: string, at: Date): Promise<WebhookEndpointRow | null> {
    const [row] = await this.db
      .update(webhookEndpoints)
      .set({
        failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at.toISOString()}::timestamptz)`,
      })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    return this.open(row);
  }

  async markHealthy(id: string): Promise<void> {
    await this.db
      .update(webhookEndpoints)
      .set({ failingSince: null })
      .where(eq(webhookEndpoints.id, id));
  }

  /** Disables the endpoint once: true only for the call that switched it off. */
  async disable(id: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(webhookEndpoints)
      .set({ enabled: false, disabledAt: at, updatedAt: at })
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.enabled, true)))
      .returning({ id: webhookEndpoints.id });
    return rows.length > 0;
  }

  async deleteEndpoint(userId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.userId, userId), eq(webhookEndpoints.id, id)))
      .returning({ id: webhookEndpoints.id });
    return rows.length > 0;
  }

  async insertDeliveries(rows: WebhookDeliveryRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insert(webhookDeliveries).values(
      rows.map((row) => ({
        ...row,
        body: this.cipher.encryptText(row.body, webhookDeliveryBodyContext(row.id)),
      })),
    );
  }

  async findDelivery(userId: string, id: string): Promise<WebhookDeliveryRow | null> {
    const [row] = await this.db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.userId, userId), eq(webhookDeliveries.id, id)));
    return row ? this.openDelivery(row) : null;
  }

  async findDeliveryOfAnyone(id: string): Promise<WebhookDeliveryRow | null> {
    const [row] = await this.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, id));
    return row ? this.openDelivery(row) : null;
  }

  async updateDelivery(
    id: string,
    changes: Partial<Omit<WebhookDeliveryRow, 'id' | 'userId' | 'endpointId'>>,
  ): Promise<WebhookDeliveryRow | null> {
    const [row] = await this.db
      .update(webhookDeliveries)
      .set(
        changes.body === undefined
          ? changes
          : {
              ...changes,
              body: this.cipher.encryptText(changes.body, webhookDeliveryBodyContext(id)),
            },
      )
      .where(eq(webhookDeliveries.id, id))
      .returning();
    return row ? this.openDelivery(row) : null;
  }

  /**
   * An endpoint's deliveries, newest first, strictly between the (createdAt, id) positions; with
   * `backward`, the last `limit` of them (still returned newest first).
   */
  async listDeliveries(options: {
    userId: string;
    endpointId: string;
    limit: number;
    after: { createdAt: Date; id: string } | null;
    before: { createdAt: Date; id: string } | null;
    backward: boolean;
  }): Promise<WebhookDeliveryRow[]> {
    const { after, before, backward } = options;
    const direction = backward ? asc : desc;
    const rows = await this.db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.userId, options.userId),
          eq(webhookDeliveries.endpointId, options.endpointId),
          after
            ? or(
                lt(webhookDeliveries.createdAt, after.createdAt),
                and(
                  eq(webhookDeliveries.createdAt, after.createdAt),
                  lt(webhookDeliveries.id, after.id),
                ),
              )
            : undefined,
          before
            ? or(
                gt(webhookDeliveries.createdAt, before.createdAt),
                and(
                  eq(webhookDeliveries.createdAt, before.createdAt),
                  gt(webhookDeliveries.id, before.id),
                ),
              )
            : undefined,
        ),
      )
      .orderBy(direction(webhookDeliveries.createdAt), direction(webhookDeliveries.id))
      .limit(options.limit);
    const opened = rows.map((row) => this.openDelivery(row));
    return backward ? opened.reverse() : opened;
  }

  /**
   * Deletes deliveries (with their attempts) that finished — succeeded or finally failed — before
   * `completedBefore`; pending ones stay whatever their age. Returns how many went.
   */
  async deleteCompletedBefore(completedBefore: Date): Promise<number> {
    const rows = await this.db
      .delete(webhookDeliveries)
      .where(
        and(
          inArray(webhookDeliveries.status, ['succeeded', 'failed']),
          lt(webhookDeliveries.completedAt, completedBefore),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    return rows.length;
  }

  /** Pending deliveries whose next attempt is due, the longest waiting first. */
  async listDue(now: Date, limit: number): Promise<WebhookDeliveryRow[]> {
    const rows = await this.db
      .select()
      .from(webhookDeliveries)
      .where(
        and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit);
    return rows.map((row) => this.openDelivery(row));
  }

  async countAttempts(deliveryId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(webhookAttempts)
      .where(eq(webhookAttempts.deliveryId, deliveryId));
    return row?.n ?? 0;
  }

  async insertAttempt(row: WebhookAttemptRow): Promise<void> {
    await this.db.insert(webhookAttempts).values({
      ...row,
      responseSnippet: this.cipher.encryptNullable(
        row.responseSnippet,
        webhookResponseSnippetContext(row.id),
      ),
    });
  }

  /** The attempts of these deliveries, oldest first. */
  async listAttempts(deliveryIds: readonly string[]): Promise<WebhookAttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    const rows = await this.db
      .select()
      .from(webhookAttempts)
      .where(inArray(webhookAttempts.deliveryId, [...deliveryIds]))
      .orderBy(asc(webhookAttempts.startedAt), asc(webhookAttempts.number));
    return rows.map((row) => this.openAttempt(row));
  }
}

/** The secret's associated data: it opens only as the secret of its own endpoint. */
export function webhookSecretContext(endpointId: string): string {
  return `webhook_endpoints.secret:${endpointId}`;
}

/**
 * A delivery body's associated data: it opens only as the body of its own delivery. The body is
 * decrypted before sending, so every attempt and replay sends (and signs) the same bytes.
 */
export function webhookDeliveryBodyContext(deliveryId: string): string {
  return `webhook_deliveries.body:${deliveryId}`;
}

/** A response snippet's associated data: it opens only in its own attempt. */
export function webhookResponseSnippetContext(attemptId: string): string {
  return `webhook_attempts.response_snippet:${attemptId}`;
}
