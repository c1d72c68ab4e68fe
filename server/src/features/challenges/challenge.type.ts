import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { LocalDateScalar } from '../../graphql/scalars';
import type { ChallengeView, ParticipationView } from './challenge.service';
import { Node } from '../../graphql/node';
import { connectionTypes } from '../../graphql/relay';

export enum ChallengeKindGql {
  NO_SPEND_IN_CATEGORIES = 'NO_SPEND_IN_CATEGORIES',
  CAP_IN_CATEGORIES = 'CAP_IN_CATEGORIES',
  NO_SPEND_DAYS = 'NO_SPEND_DAYS',
}
registerEnumType(ChallengeKindGql, {
  name: 'ChallengeKind',
  description: 'What a challenge asks of the person over its days.',
  valuesConfig: {
    NO_SPEND_IN_CATEGORIES: { description: 'No expense at all in categoryIds.' },
    CAP_IN_CATEGORIES: {
      description: 'Expenses in categoryIds add up to no more than the cap over all its days.',
    },
    NO_SPEND_DAYS: {
      description:
        'No expense outside categoryIds (the allowed ones) on any of its days; bills, savings and goal contributions never count.',
    },
  },
});

export enum ChallengeStartRuleGql {
  TODAY = 'TODAY',
  WEEKEND = 'WEEKEND',
}
registerEnumType(ChallengeStartRuleGql, {
  name: 'ChallengeStartRule',
  description: 'The local day a challenge starts, from the day it is joined.',
  valuesConfig: {
    TODAY: { description: 'The day it is joined.' },
    WEEKEND: {
      description: 'The coming Saturday; on a Saturday or Sunday, the weekend in progress.',
    },
  },
});

export enum ChallengeStatusGql {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
registerEnumType(ChallengeStatusGql, {
  name: 'ChallengeStatus',
  description:
    'Where an attempt stands. COMPLETED and FAILED are recorded the first time they are seen and never change.',
  valuesConfig: {
    ACTIVE: { description: 'Running (or about to start): nothing broke it yet.' },
    COMPLETED: { description: 'Every day is over and the challenge held.' },
    FAILED: { description: 'Spending broke it on failedOn.' },
  },
});

export enum ChallengeUnavailableReasonGql {
  NO_BUDGET = 'NO_BUDGET',
  NOT_IN_PLAN = 'NOT_IN_PLAN',
}
registerEnumType(ChallengeUnavailableReasonGql, {
  name: 'ChallengeUnavailableReason',
  description: 'Why a challenge cannot be joined now.',
  valuesConfig: {
    NO_BUDGET: { description: 'A capped challenge needs a budget: onboarding is not finished.' },
    NOT_IN_PLAN: {
      description: 'This month’s plan gives the challenge’s categories nothing: nothing to cap.',
    },
  },
});

@ObjectType({
  implements: Node,
  description:
    'One attempt at a challenge with its progress, computed from the ledger as of the person’s today.',
})
export class ChallengeParticipation {
  @Field(() => ID, { description: 'The attempt’s UUID.' }) id!: string;
  @Field(() => ID, { description: 'The catalogue id of the challenge.' }) challengeId!: string;
  @Field(() => String, { description: 'The challenge’s title in English.' }) title!: string;
  @Field(() => ChallengeKindGql, { description: 'What the challenge asks.' })
  kind!: ChallengeKindGql;
  @Field(() => ChallengeStatusGql, { description: 'Where the attempt stands.' })
  status!: ChallengeStatusGql;
  @Field(() => LocalDateScalar, { description: 'Its first local day.' }) startsOn!: string;
  @Field(() => LocalDateScalar, { description: 'Its last local day.' }) endsOn!: string;
  @Field(() => LocalDateScalar, { description: 'Today in the person’s time zone.' })
  today!: string;
  @Field(() => Int, { description: 'Its length in days.' }) daysTotal!: number;
  @Field(() => Int, { description: 'Days of it that are over (0 before it starts).' })
  daysElapsed!: number;
  @Field(() => Int, { description: 'Days over on which it still held.' }) daysKept!: number;
  @Field(() => Money, {
    description:
      'Spending it counts, from its first day to today or its last day (for NO_SPEND_DAYS, spending outside the allowed categories).',
  })
  used!: Money;
  @Field(() => Money, {
    nullable: true,
    description: 'The cap fixed when it was joined (CAP_IN_CATEGORIES only).',
  })
  cap!: Money | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day spending broke it.' })
  failedOn!: string | null;
  @Field(() => Date, { description: 'When it was joined.' }) joinedAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When completion was first seen and recorded (once).',
  })
  completedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When failure was first seen and recorded.' })
  failedAt!: Date | null;
}

@ObjectType({ description: 'A challenge of the catalogue, with the viewer’s state.' })
export class Challenge {
  @Field(() => ID, { description: 'Stable catalogue id; clients translate texts by it.' })
  id!: string;
  @Field(() => ChallengeKindGql, { description: 'What it asks.' }) kind!: ChallengeKindGql;
  @Field(() => String, { description: 'Its title in English.' }) title!: string;
  @Field(() => Int, { description: 'Its length in local days.' }) days!: number;
  @Field(() => ChallengeStartRuleGql, { description: 'When it starts once joined.' })
  startRule!: ChallengeStartRuleGql;
  @Field(() => [String], {
    description:
      'Category ids it watches; for NO_SPEND_DAYS, the categories still allowed (may be empty).',
  })
  categoryIds!: string[];
  @Field(() => Int, {
    nullable: true,
    description:
      'CAP_IN_CATEGORIES: the cap as basis points (1/100 of a percent) of the person’s plan for these categories over the same number of days.',
  })
  capShareBps!: number | null;
  @Field(() => Money, {
    nullable: true,
    description: 'The cap the viewer would get by joining now; null when it does not cap.',
  })
  cap!: Money | null;
  @Field(() => Boolean, { description: 'Whether the viewer can join it now.' })
  isAvailable!: boolean;
  @Field(() => ChallengeUnavailableReasonGql, {
    nullable: true,
    description: 'Why it cannot be joined now; null when it can.',
  })
  unavailableReason!: ChallengeUnavailableReasonGql | null;
  @Field(() => ChallengeParticipation, {
    nullable: true,
    description: 'The viewer’s running attempt; null when not joined.',
  })
  current!: ChallengeParticipation | null;
  @Field(() => Int, { description: 'How many times the viewer completed it.' })
  completedCount!: number;
}

export function toChallengeParticipation(view: ParticipationView): ChallengeParticipation {
  const { row, definition, progress, currency } = view;
  return Object.assign(new ChallengeParticipation(), {
    id: row.id,
    challengeId: definition.id,
    title: definition.title,
    kind: definition.kind as ChallengeKindGql,
    status: progress.status as ChallengeStatusGql,
    startsOn: progress.startsOn,
    endsOn: progress.endsOn,
    today: view.today,
    daysTotal: progress.daysTotal,
    daysElapsed: progress.daysElapsed,
    daysKept: progress.daysKept,
    used: toMoney(progress.usedMinor, currency),
    cap: progress.capMinor === null ? null : toMoney(progress.capMinor, currency),
    failedOn: progress.failedOn,
    joinedAt: row.joinedAt,
    completedAt: row.completedAt,
    failedAt: row.failedAt,
  });
}

export function toChallenge(view: ChallengeView): Challenge {
  const { definition } = view;
  return Object.assign(new Challenge(), {
    id: definition.id,
    kind: definition.kind as ChallengeKindGql,
    title: definition.title,
    days: definition.days,
    startRule: definition.startRule as ChallengeStartRuleGql,
    categoryIds: [...definition.categoryIds],
    capShareBps: definition.capShareBps,
    cap:
      view.capMinor === null || view.currency === null
        ? null
        : toMoney(view.capMinor, view.currency),
    isAvailable: view.unavailableReason === null,
    unavailableReason: view.unavailableReason as ChallengeUnavailableReasonGql | null,
    current: view.current ? toChallengeParticipation(view.current) : null,
    completedCount: view.completedCount,
  });
}

/** The viewer’s attempts at challenges a page at a time. */
export const ChallengeParticipationConnection = connectionTypes(
  ChallengeParticipation,
  'ChallengeParticipation',
  'attempts at challenges',
);
