import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, isNull, lt, lte, or } from 'drizzle-orm';
import type { LocalDate } from '@pace/engine';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import type { Db } from '../../infra/db/database';
import {
  notificationDailyRuns,
  notificationGroups,
  notifications,
  notificationSettings,
  pushDevices,
  pushSubscriptions,
  type NotificationRow,
  type PushDeviceRow,
  type NotificationSettingsRow,
  type PushSubscriptionRow,
} from './notification.table';

/** The only SQL of notifications, their settings, push subscriptions and daily runs. */
export class NotificationRepository {
  constructor(
    private readonly db: Db,
    /** Web Push keys are encrypted at rest, bound to their (unique) endpoint. */
    private readonly cipher: FieldCipher,
  ) {}

  with(tx: Db): NotificationRepository {
    return new NotificationRepository(tx, this.cipher);
  }

  transaction<T>(work: (repository: NotificationRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(this.with(tx)));
  }

  async findById(userId: string, id: string): Promise<NotificationRow | null> {
    const [row] = await this.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.id, id)));
    return row ?? null;
  }

  async findByIdOfAnyone(id: string): Promise<NotificationRow | null> {
    const [row] = await this.db.select().from(notifications).where(eq(notifications.id, id));
    return row ?? null;
  }

  /**
   * Claims a group key unless it made a notification less than `windowMs` before `at`: true when
   * this caller may notify. One upsert, so concurrent claims cannot both win.
   */
  async claimGroup(userId: string, groupKey: string, at: Date, windowMs: number): Promise<boolean> {
    const since = new Date(at.getTime() - windowMs);
    const rows = await this.db
      .insert(notificationGroups)
      .values({ userId, groupKey, lastAt: at })
      .onConflictDoUpdate({
        target: [notificationGroups.userId, notificationGroups.groupKey],
        set: { lastAt: at },
        setWhere: lte(notificationGroups.lastAt, since),
      })
      .returning({ groupKey: notificationGroups.groupKey });
    return rows.length > 0;
  }

  async insert(row: NotificationRow): Promise<void> {
    await this.db.insert(notifications).values(row).onConflictDoNothing();
  }

  /** Newest first, after the cursor's (createdAt, id); `backward`: the last rows before `before`. */
  async list(options: {
    userId: string;
    limit: number;
    after?: { createdAt: Date; id: string } | null;
    before?: { createdAt: Date; id: string } | null;
    backward?: boolean;
  }): Promise<NotificationRow[]> {
    const { after, before, backward } = options;
    const direction = backward ? asc : desc;
    const rows = await this.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, options.userId),
          after
            ? or(
                lt(notifications.createdAt, after.createdAt),
                and(eq(notifications.createdAt, after.createdAt), lt(notifications.id, after.id)),
              )
            : undefined,
          before
            ? or(
                gt(notifications.createdAt, before.createdAt),
                and(eq(notifications.createdAt, before.createdAt), gt(notifications.id, before.id)),
              )
            : undefined,
        ),
      )
      .orderBy(direction(notifications.createdAt), direction(notifications.id))
      .limit(options.limit);
    return backward ? rows.reverse() : rows;
  }

  async countUnread(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return row?.n ?? 0;
  }

  /** Marks one or all (id null) unread notifications read; returns how many changed. */
  async markRead(userId: string, id: string | null, readAt: Date): Promise<number> {
    const rows = await this.db
      .update(notifications)
      .set({ readAt })
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          id === null ? undefined : eq(notifications.id, id),
        ),
      )
      .returning({ id: notifications.id });
    return rows.length;
  }

  async findSettings(userId: string): Promise<NotificationSettingsRow | null> {
    const [row] = await this.db
      .select()
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, userId));
    return row ?? null;
  }

  async saveSettings(row: NotificationSettingsRow): Promise<void> {
    const { userId: _userId, ...set } = row;
    await this.db
      .insert(notificationSettings)
      .values(row)
      .onConflictDoUpdate({ target: notificationSettings.userId, set });
  }

  async listPushSubscriptions(userId: string): Promise<PushSubscriptionRow[]> {
    const rows = await this.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId));
    return rows.map((row) => this.openSubscription(row));
  }

  /** Stores a browser's subscription; the same endpoint registered again moves to this person. */
  async savePushSubscription(row: PushSubscriptionRow): Promise<PushSubscriptionRow> {
    const p256dh = this.cipher.encryptText(row.p256dh, pushKeyContext('p256dh', row.endpoint));
    const auth = this.cipher.encryptText(row.auth, pushKeyContext('auth', row.endpoint));
    const [saved] = await this.db
      .insert(pushSubscriptions)
      .values({ ...row, p256dh, auth })
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { userId: row.userId, p256dh, auth },
      })
      .returning();
    return saved ? this.openSubscription(saved) : row;
  }

  private openSubscription(row: PushSubscriptionRow): PushSubscriptionRow {
    return {
      ...row,
      p256dh: this.cipher.decryptText(row.p256dh, pushKeyContext('p256dh', row.endpoint)),
      auth: this.cipher.decryptText(row.auth, pushKeyContext('auth', row.endpoint)),
    };
  }

  async deletePushSubscription(userId: string, endpoint: string): Promise<number> {
    const rows = await this.db
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
      .returning({ id: pushSubscriptions.id });
    return rows.length;
  }

  /** A person's app devices, their FCM tokens in the clear. */
  async listPushDevices(userId: string): Promise<PushDeviceRow[]> {
    const rows = await this.db.select().from(pushDevices).where(eq(pushDevices.userId, userId));
    return rows.map((row) => this.openDevice(row));
  }

  /**
   * Stores an app's FCM token, encrypted; the same token registered again (found by its hash)
   * moves to this person.
   */
  async savePushDevice(row: Omit<PushDeviceRow, 'tokenHash'>): Promise<PushDeviceRow> {
    const tokenHash = pushTokenHashOf(row.token);
    const token = this.cipher.encryptText(row.token, pushDeviceContext(tokenHash));
    const [saved] = await this.db
      .insert(pushDevices)
      .values({ ...row, token, tokenHash })
      .onConflictDoUpdate({
        target: pushDevices.tokenHash,
        set: { userId: row.userId, platform: row.platform, token },
      })
      .returning();
    return saved ? this.openDevice(saved) : { ...row, tokenHash };
  }

  async deletePushDevice(userId: string, token: string): Promise<number> {
    const rows = await this.db
      .delete(pushDevices)
      .where(and(eq(pushDevices.userId, userId), eq(pushDevices.tokenHash, pushTokenHashOf(token))))
      .returning({ id: pushDevices.id });
    return rows.length;
  }

  private openDevice(row: PushDeviceRow): PushDeviceRow {
    return { ...row, token: this.cipher.decryptText(row.token, pushDeviceContext(row.tokenHash)) };
  }

  /** Records the daily run of a person's local day; false when it already ran. */
  async claimDailyRun(userId: string, on: LocalDate, ranAt: Date): Promise<boolean> {
    const rows = await this.db
      .insert(notificationDailyRuns)
      .values({ userId, on, ranAt })
      .onConflictDoNothing()
      .returning({ on: notificationDailyRuns.on });
    return rows.length > 0;
  }

  /** Forgets a claimed run whose work failed, so the next tick tries again. */
  async releaseDailyRun(userId: string, on: LocalDate): Promise<void> {
    await this.db
      .delete(notificationDailyRuns)
      .where(and(eq(notificationDailyRuns.userId, userId), eq(notificationDailyRuns.on, on)));
  }
}

/** How an FCM token is found without storing it in the clear: SHA-256, base64url. */
export function pushTokenHashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** An FCM token's associated data: it opens only in the row of its own hash (the unique key). */
export function pushDeviceContext(tokenHash: string): string {
  return `push_devices.token:${tokenHash}`;
}

/** A push key's associated data: it opens only for its own endpoint (the table's unique key). */
export function pushKeyContext(column: 'p256dh' | 'auth', endpoint: string): string {
  return `push_subscriptions.${column}:${endpoint}`;
}
