import {
  cursorInstant,
  decodeCursor as decodeOpaque,
  encodeCursor as encodeOpaque,
  isCursorId,
} from '../../graphql/cursor';
import {
  connectionFromKeyset,
  type Connection,
  type ConnectionArgs,
  type SortKey,
} from '../../graphql/relay';
import { isUuid } from '../../graphql/ids';
import type { Clock } from '../../infra/clock';
import type { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationError } from './notification.errors';
import type { NotificationRepository } from './notification.repository';
import type {
  NotificationRow,
  NotificationSettingsRow,
  NotificationType,
  PushDeviceRow,
  PushSubscriptionRow,
} from './notification.table';

export const MAX_NOTIFICATION_PAGE = 100;

export interface NotificationPage {
  rows: NotificationRow[];
  hasNextPage: boolean;
}

export interface NotificationSettingsChange {
  types?: ReadonlyArray<{ type: NotificationType; enabled: boolean }>;
  pushEnabled?: boolean;
  emailEnabled?: boolean;
  /** `HH:MM`; both given (or both null) to change the quiet hours. */
  quietHoursStart?: string | null;
  quietHoursEnd?: string | null;
}

export interface PushSubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** The person's side: the notification centre, its settings and push registrations. */
export class NotificationService {
  constructor(
    private readonly deps: {
      repository: NotificationRepository;
      delivery: NotificationDeliveryService;
      clock: Clock;
      newId: () => string;
      /** The VAPID public key browsers subscribe with; null: push is not configured. */
      pushPublicKey: string | null;
      timeZoneOf: (userId: string) => Promise<string>;
      /** Development and tests: a push service on http://localhost (never in production). */
      allowLocalPushEndpoints: boolean;
      /** Firebase credentials are configured: the mobile app can register for FCM. */
      devicePushConfigured?: boolean;
    },
  ) {}

  async list(userId: string, options: { first: number; after?: string | null }) {
    if (options.first < 1 || options.first > MAX_NOTIFICATION_PAGE)
      throw new NotificationError('NOTIFICATION_PAGE_SIZE', { max: MAX_NOTIFICATION_PAGE });
    const after = options.after ? decodeCursor(options.after) : undefined;
    const rows = await this.deps.repository.list({ userId, limit: options.first + 1, after });
    return { rows: rows.slice(0, options.first), hasNextPage: rows.length > options.first };
  }

  /** A Relay page of the person's notifications, newest first, forward or backward. */
  connection(userId: string, args: ConnectionArgs): Promise<Connection<NotificationRow>> {
    const position = (key: SortKey | null) => {
      const at = key && instantIdOf(key);
      return at ? { createdAt: at.at, id: at.id } : null;
    };
    return connectionFromKeyset(
      args,
      {
        key: (row) => [row.createdAt.toISOString(), row.id],
        keyLength: 2,
        isKey: (key) => instantIdOf(key) !== null,
      },
      (window) =>
        this.deps.repository.list({
          userId,
          limit: window.limit,
          after: position(window.after),
          before: position(window.before),
          backward: window.backward,
        }),
    );
  }

  unreadCount(userId: string): Promise<number> {
    return this.deps.repository.countUnread(userId);
  }

  /** One of the person's notifications, or null. */
  async find(userId: string, id: string): Promise<NotificationRow | null> {
    return isUuid(id) ? this.deps.repository.findById(userId, id) : null;
  }

  /** Marks one notification read (again: no change) and returns it. */
  async markRead(userId: string, id: string): Promise<NotificationRow> {
    if (!isUuid(id)) throw new NotificationError('NOTIFICATION_NOT_FOUND');
    await this.deps.repository.markRead(userId, id, this.deps.clock.now());
    const row = await this.deps.repository.findById(userId, id);
    if (!row) throw new NotificationError('NOTIFICATION_NOT_FOUND');
    return row;
  }

  /** Marks every unread notification read; returns how many were unread. */
  markAllRead(userId: string): Promise<number> {
    return this.deps.repository.markRead(userId, null, this.deps.clock.now());
  }

  async settings(userId: string) {
    return {
      row: await this.deps.delivery.settingsOf(userId),
      timeZone: await this.deps.timeZoneOf(userId),
      pushPublicKey: this.deps.pushPublicKey,
    };
  }

  async updateSettings(userId: string, change: NotificationSettingsChange) {
    const current = await this.deps.delivery.settingsOf(userId);
    const disabled = new Set(current.disabledTypes);
    for (const { type, enabled } of change.types ?? []) {
      if (enabled) disabled.delete(type);
      else disabled.add(type);
    }
    const next: NotificationSettingsRow = {
      ...current,
      disabledTypes: [...disabled].sort(),
      pushEnabled: change.pushEnabled ?? current.pushEnabled,
      emailEnabled: change.emailEnabled ?? current.emailEnabled,
      ...quietChange(change),
      updatedAt: this.deps.clock.now(),
    };
    await this.deps.repository.saveSettings(next);
    return this.settings(userId);
  }

  async registerPush(userId: string, input: PushSubscriptionInput): Promise<PushSubscriptionRow> {
    if (!this.deps.pushPublicKey) throw new NotificationError('PUSH_NOT_CONFIGURED');
    assertPushInput(input, this.deps.allowLocalPushEndpoints);
    return this.deps.repository.savePushSubscription({
      id: this.deps.newId(),
      userId,
      endpoint: input.endpoint,
      p256dh: input.p256dh,
      auth: input.auth,
      createdAt: this.deps.clock.now(),
    });
  }

  /** Registers the mobile app's FCM token; registering it again moves it to this person. */
  async registerDevice(
    userId: string,
    input: { token: string; platform: 'android' | 'ios' },
  ): Promise<PushDeviceRow> {
    if (!this.deps.devicePushConfigured) throw new NotificationError('DEVICE_PUSH_NOT_CONFIGURED');
    if (!/^[^\s\p{Cc}]{1,4096}$/u.test(input.token))
      throw new NotificationError('PUSH_DEVICE_INVALID');
    return this.deps.repository.savePushDevice({
      id: this.deps.newId(),
      userId,
      token: input.token,
      platform: input.platform,
      createdAt: this.deps.clock.now(),
    });
  }

  /** Forgets an app's FCM token; true when it was this person's. */
  async unregisterDevice(userId: string, token: string): Promise<boolean> {
    return (await this.deps.repository.deletePushDevice(userId, token)) > 0;
  }

  /** Forgets a browser's subscription; true when it was this person's. */
  async unregisterPush(userId: string, endpoint: string): Promise<boolean> {
    return (await this.deps.repository.deletePushSubscription(userId, endpoint)) > 0;
  }
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:MM` as minutes after midnight. */
export function minuteOfTime(text: string): number | null {
  const match = HH_MM.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** A minute of the day as `HH:MM`. */
export function timeOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function quietChange(
  change: NotificationSettingsChange,
): Partial<Pick<NotificationSettingsRow, 'quietStartMinute' | 'quietEndMinute'>> {
  const { quietHoursStart: start, quietHoursEnd: end } = change;
  if (start === undefined && end === undefined) return {};
  if (start == null && end == null) return { quietStartMinute: null, quietEndMinute: null };
  const startMinute = start == null ? null : minuteOfTime(start);
  const endMinute = end == null ? null : minuteOfTime(end);
  if (startMinute === null || endMinute === null)
    throw new NotificationError('NOTIFICATION_SETTINGS_INVALID', {
      message: 'Quiet hours need both start and end as HH:MM (00:00–23:59), or both null.',
    });
  return { quietStartMinute: startMinute, quietEndMinute: endMinute };
}

function assertPushInput(input: PushSubscriptionInput, allowLocal: boolean): void {
  let url: URL | null = null;
  try {
    url = new URL(input.endpoint);
  } catch {
    url = null;
  }
  const isLocal = allowLocal && (url?.hostname === 'localhost' || url?.hostname === '127.0.0.1');
  const fine =
    url !== null &&
    input.endpoint.length <= 2048 &&
    (isLocal || (url.protocol === 'https:' && !isPrivateHost(url.hostname))) &&
    [input.p256dh, input.auth].every((key) => key.length > 0 && key.length <= 256);
  if (!fine)
    throw new NotificationError('PUSH_SUBSCRIPTION_INVALID', {
      message: 'The endpoint must be an https URL and both keys non-empty.',
    });
}

/** The server posts to the endpoint: never to itself or its network in production. */
function isPrivateHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    /^(127|10|0)\./.test(hostname) ||
    /^192\.168\./.test(hostname) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(hostname) ||
    /^169\.254\./.test(hostname) ||
    hostname.startsWith('[')
  );
}

export function encodeNotificationCursor(row: Pick<NotificationRow, 'createdAt' | 'id'>): string {
  return encodeOpaque([row.createdAt.toISOString(), row.id]);
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [instant, id] = decodeOpaque(cursor, 2) ?? [];
  const createdAt = instant === undefined ? null : cursorInstant(instant);
  if (!createdAt || !id || !isCursorId(id)) throw new NotificationError('NOTIFICATION_BAD_CURSOR');
  return { createdAt, id };
}

/** A cursor key (instant, id) as a position, or null unless a stored row could have it. */
function instantIdOf(key: SortKey): { at: Date; id: string } | null {
  const [instant, id] = key;
  const at = instant === undefined ? null : cursorInstant(instant);
  return at && id && isCursorId(id) ? { at, id } : null;
}
