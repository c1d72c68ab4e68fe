import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../graphql/money.type';
import { LocalDateScalar } from '../../graphql/scalars';
import {
  encodeNotificationCursor,
  timeOfMinute,
  type NotificationPage,
} from './notification.service';
import {
  NOTIFICATION_TYPES,
  type NotificationParams,
  type NotificationRow,
  type NotificationSettingsRow,
  type PushDeviceRow,
  type PushSubscriptionRow,
} from './notification.table';
import { Node } from '../../graphql/node';
import { SpendingPaceLevelGql } from '../analytics';
import { PushDevicePlatform } from './notification.input';
import { connectionTypes } from '../../graphql/relay';

export enum NotificationKind {
  BUDGET_LEVEL = 'budget_level',
  PACE = 'pace',
  LARGE_TRANSACTION = 'large_transaction',
  DEFICIT = 'deficit',
  GOAL_MILESTONE = 'goal_milestone',
  WIN = 'win',
  MORNING = 'morning',
  WEBHOOK_DISABLED = 'webhook_disabled',
  BILL_DUE = 'bill_due',
}
registerEnumType(NotificationKind, {
  name: 'NotificationType',
  description: 'What a notification is about; each type can be switched off in the settings.',
  valuesConfig: {
    BUDGET_LEVEL: {
      description: 'A category’s spending on a day reached 80, 90 or 100 % of its allocation.',
    },
    PACE: {
      description:
        'A category is spending fast enough to run out before the month ends (at most once a day per category).',
    },
    LARGE_TRANSACTION: { description: 'An expense above the large-transaction threshold.' },
    DEFICIT: { description: 'The month has overspend no other category could cover.' },
    GOAL_MILESTONE: { description: 'A goal’s savings crossed 25, 50, 75, 90 or 100 %.' },
    WIN: {
      description: '7, 14 or 30 days in a row at most 80 % of plan (at most once a week).',
    },
    MORNING: { description: 'The morning note at 08:00 local time: today’s budget and advice.' },
    WEBHOOK_DISABLED: {
      description: 'A webhook endpoint was switched off after failing for 3 days.',
    },
    BILL_DUE: {
      description:
        'A recurring expense posts tomorrow (sent with the 08:00 local run the day before, once per recurring expense and date): `categoryName` is its description (or category), `date` its day, `amount` what it books.',
    },
  },
});

@ObjectType({
  implements: Node,
  description:
    'One in-app notification. The app words it in the person’s language from its type and facts.',
})
export class Notification {
  @Field(() => ID, { description: 'The notification’s id.' })
  id!: string;

  @Field(() => NotificationKind, { description: 'What it is about.' })
  type!: NotificationKind;

  @Field(() => String, {
    description: 'Deduplication key: one notification per key within its type’s window.',
  })
  groupKey!: string;

  @Field(() => ID, { nullable: true, description: 'The category (or goal) concerned.' })
  categoryId!: string | null;

  @Field(() => String, { nullable: true, description: 'Its name when the notification was made.' })
  categoryName!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The local day concerned.' })
  date!: string | null;

  @Field(() => Int, { nullable: true, description: 'BUDGET_LEVEL: 80, 90 or 100.' })
  level!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'PACE: watch, warning or critical.',
    deprecationReason: 'Use spendingPace. Removal after 2027-06-30.',
  })
  paceLevel!: string | null;

  @Field(() => SpendingPaceLevelGql, {
    nullable: true,
    description: 'PACE: how fast the category is being spent; null for other types.',
  })
  get spendingPace(): SpendingPaceLevelGql | null {
    return (this.paceLevel as SpendingPaceLevelGql | null) ?? null;
  }

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'PACE: the day the month budget runs out at this pace (null: not this month).',
  })
  runOutOn!: string | null;

  @Field(() => Money, {
    nullable: true,
    description: 'The amount concerned: spent, the expense, the deficit, saved or today’s budget.',
  })
  amount!: Money | null;

  @Field(() => Money, {
    nullable: true,
    description: 'BUDGET_LEVEL: the allocation; GOAL_MILESTONE: the target.',
  })
  allocation!: Money | null;

  @Field(() => Int, {
    nullable: true,
    description: 'GOAL_MILESTONE: the percent reached; WIN: the streak milestone (7, 14, 30).',
  })
  milestone!: number | null;

  @Field(() => Int, { nullable: true, description: 'WIN: the streak’s length in days.' })
  streakDays!: number | null;

  @Field(() => String, { nullable: true, description: 'MORNING: the day’s advice, in a line.' })
  advice!: string | null;

  @Field(() => Date, { description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was read; null while unread.' })
  readAt!: Date | null;
}

@ObjectType({ description: 'One notification in a page.' })
export class NotificationEdge {
  @Field(() => String, { description: 'Opaque; pass it as `after` to read what follows.' })
  cursor!: string;

  @Field(() => Notification, { description: 'The notification.' })
  node!: Notification;
}

@ObjectType({ description: 'Where a page of notifications stands.' })
export class NotificationPageInfo {
  @Field(() => Boolean, { description: 'Whether older notifications follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the page’s last notification, for `after`; null when empty.',
  })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of the viewer’s notifications, newest first.' })
export class NotificationConnection {
  @Field(() => [NotificationEdge], { description: 'This page’s notifications, newest first.' })
  edges!: NotificationEdge[];

  @Field(() => NotificationPageInfo, { description: 'Whether more follow, and from where.' })
  pageInfo!: NotificationPageInfo;

  @Field(() => Int, { description: 'How many of all the viewer’s notifications are unread.' })
  unreadCount!: number;
}

@ObjectType({ description: 'Whether one type of notification is on.' })
export class NotificationTypeSetting {
  @Field(() => NotificationKind, { description: 'The type.' })
  type!: NotificationKind;

  @Field(() => Boolean, { description: 'False: this type is neither stored nor sent.' })
  enabled!: boolean;
}

@ObjectType({ description: 'How the viewer wants to be told.' })
export class NotificationSettings {
  @Field(() => [NotificationTypeSetting], { description: 'Every type, on or off.' })
  types!: NotificationTypeSetting[];

  @Field(() => Boolean, { description: 'Push to the browsers and devices registered for it.' })
  pushEnabled!: boolean;

  @Field(() => Boolean, { description: 'Also send each notification by e-mail.' })
  emailEnabled!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Quiet hours start (HH:MM, local time): push and e-mail wait until they end.',
  })
  quietHoursStart!: string | null;

  @Field(() => String, { nullable: true, description: 'Quiet hours end (HH:MM, local time).' })
  quietHoursEnd!: string | null;

  @Field(() => String, { description: 'The IANA time zone quiet hours are read in.' })
  timeZone!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The VAPID public key to subscribe browsers with; null: push is not configured.',
  })
  pushPublicKey!: string | null;
}

@ObjectType({ description: 'A device of the Pace mobile app registered for push through FCM.' })
export class PushDeviceRegistration {
  @Field(() => ID, { description: 'The registration’s id.' })
  id!: string;

  @Field(() => String, {
    description: 'The device’s operating system: android or ios.',
    deprecationReason: 'Use devicePlatform. Removal after 2027-06-30.',
  })
  platform!: string;

  @Field(() => PushDevicePlatform, { description: 'The device’s operating system.' })
  get devicePlatform(): PushDevicePlatform {
    return this.platform as PushDevicePlatform;
  }

  @Field(() => Date, { description: 'When it was registered.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A browser registered for Web Push.' })
export class PushSubscriptionRegistration {
  @Field(() => ID, { description: 'The registration’s id.' })
  id!: string;

  @Field(() => String, { description: 'The push service endpoint it was registered with.' })
  endpoint!: string;

  @Field(() => Date, { description: 'When it was registered.' })
  createdAt!: Date;
}

const str = (params: NotificationParams, key: string): string | null => {
  const value = params[key];
  return value === null || value === undefined ? null : String(value);
};
const int = (params: NotificationParams, key: string): number | null => {
  const value = params[key];
  return typeof value === 'number' ? value : null;
};
const money = (params: NotificationParams, key: string): Money | null => {
  const amount = str(params, key);
  const currency = str(params, 'currency');
  return amount === null || currency === null
    ? null
    : Object.assign(new Money(), { amount, currency });
};

export function toNotification(row: NotificationRow): Notification {
  const { params } = row;
  return Object.assign(new Notification(), {
    id: row.id,
    type: row.type as NotificationKind,
    groupKey: row.groupKey,
    categoryId: str(params, 'categoryId'),
    categoryName: str(params, 'categoryName'),
    date: str(params, 'date'),
    level: int(params, 'level'),
    paceLevel: str(params, 'paceLevel'),
    runOutOn: str(params, 'runOutOn'),
    amount: money(params, 'amount'),
    allocation: money(params, 'allocation'),
    milestone: int(params, 'milestone'),
    streakDays: int(params, 'streakDays'),
    advice: str(params, 'advice'),
    createdAt: row.createdAt,
    readAt: row.readAt,
  });
}

export function toNotificationConnection(
  page: NotificationPage,
  unreadCount: number,
): NotificationConnection {
  const edges = page.rows.map((row) =>
    Object.assign(new NotificationEdge(), {
      cursor: encodeNotificationCursor(row),
      node: toNotification(row),
    }),
  );
  return Object.assign(new NotificationConnection(), {
    edges,
    unreadCount,
    pageInfo: Object.assign(new NotificationPageInfo(), {
      hasNextPage: page.hasNextPage,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
  });
}

export function toNotificationSettings(settings: {
  row: NotificationSettingsRow;
  timeZone: string;
  pushPublicKey: string | null;
}): NotificationSettings {
  const { row } = settings;
  const time = (minute: number | null) => (minute === null ? null : timeOfMinute(minute));
  return Object.assign(new NotificationSettings(), {
    types: NOTIFICATION_TYPES.map((type) =>
      Object.assign(new NotificationTypeSetting(), {
        type: type as NotificationKind,
        enabled: !row.disabledTypes.includes(type),
      }),
    ),
    pushEnabled: row.pushEnabled,
    emailEnabled: row.emailEnabled,
    quietHoursStart: time(row.quietStartMinute),
    quietHoursEnd: time(row.quietEndMinute),
    timeZone: settings.timeZone,
    pushPublicKey: settings.pushPublicKey,
  });
}

export function toPushSubscriptionRegistration(
  row: PushSubscriptionRow,
): PushSubscriptionRegistration {
  return Object.assign(new PushSubscriptionRegistration(), {
    id: row.id,
    endpoint: row.endpoint,
    createdAt: row.createdAt,
  });
}

export function toPushDeviceRegistration(row: PushDeviceRow): PushDeviceRegistration {
  return Object.assign(new PushDeviceRegistration(), {
    id: row.id,
    platform: row.platform,
    createdAt: row.createdAt,
  });
}

/**
 * The notifications a page at a time, forward or backward. Named `NotificationList…` because
 * `NotificationConnection` is the deprecated `notifications` field's type until it is removed.
 */
export const NotificationListConnection = connectionTypes(
  Notification,
  'NotificationList',
  'notifications',
);
