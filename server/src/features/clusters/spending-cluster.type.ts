import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { SpendingCluster as EngineCluster } from '@pace/engine/clusters';
import { toMoney, Money } from '../../graphql/money.type';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars';
import type { SpendingClustersView } from './spending-cluster.service';

export enum SpendingClustersStateGql {
  READY = 'ready',
  COMPUTING = 'computing',
}
registerEnumType(SpendingClustersStateGql, {
  name: 'SpendingClustersState',
  description: 'Whether the clusters are of the current ledger.',
  valuesConfig: {
    READY: { description: 'Computed from the ledger as it is now.' },
    COMPUTING: {
      description:
        'The ledger changed (or nothing was computed yet): a background job is computing the clusters; the fields show the previous result, or nothing. Ask again in a few seconds.',
    },
  },
});

export enum SpendingClustersStatusGql {
  OK = 'ok',
  NOT_ENOUGH_DATA = 'not_enough_data',
}
registerEnumType(SpendingClustersStatusGql, {
  name: 'SpendingClustersStatus',
  description: 'Whether the ledger held enough spending to cluster.',
  valuesConfig: {
    OK: { description: 'Clusters were found.' },
    NOT_ENOUGH_DATA: {
      description:
        'Fewer than `neededTransactions` expenses (or fewer than 3 days with spending) in the year up to the latest one.',
    },
  },
});

export enum ClusterDayKindGql {
  WEEKEND = 'weekend',
  WEEKDAY = 'weekday',
  MIXED = 'mixed',
}
registerEnumType(ClusterDayKindGql, {
  name: 'ClusterDayKind',
  description: 'When a cluster’s days fall.',
  valuesConfig: {
    WEEKEND: { description: 'At least 60 % of its days are Saturdays or Sundays.' },
    WEEKDAY: { description: 'At most 10 % of its days are Saturdays or Sundays.' },
    MIXED: { description: 'Weekdays and weekends alike.' },
  },
});

export enum ClusterTicketSizeGql {
  SMALL = 'small',
  TYPICAL = 'typical',
  LARGE = 'large',
}
registerEnumType(ClusterTicketSizeGql, {
  name: 'ClusterTicketSize',
  description: 'A cluster’s average ticket against the person’s average ticket.',
  valuesConfig: {
    SMALL: { description: 'At most 1/1.6 of the person’s average ticket.' },
    TYPICAL: { description: 'Close to the person’s average ticket.' },
    LARGE: { description: 'At least 1.6 times the person’s average ticket.' },
  },
});

export enum ClusterActivityGql {
  BUSY = 'busy',
  TYPICAL = 'typical',
  QUIET = 'quiet',
}
registerEnumType(ClusterActivityGql, {
  name: 'ClusterActivity',
  description: 'Transactions per day of a cluster against the person’s days with spending.',
  valuesConfig: {
    BUSY: { description: 'At least 1.5 times as many transactions a day.' },
    TYPICAL: { description: 'About as many transactions a day.' },
    QUIET: { description: 'At most 1/1.5 as many transactions a day.' },
  },
});

@ObjectType({ description: 'A category of a spending cluster.' })
export class ClusterCategory {
  @Field(() => String, { description: 'The category id.' }) categoryId!: string;
  @Field(() => String, { description: 'Its display name (the plan’s, the person’s or built-in).' })
  categoryName!: string;
  @Field(() => Money, { description: 'Spent in it on the cluster’s days.' }) amount!: Money;
  @Field(() => Int, { description: 'Share of the cluster’s spending, in basis points.' })
  shareBasisPoints!: number;
}

@ObjectType('SpendingCluster', {
  description: 'A group of days with similar spending, named by its traits.',
})
export class SpendingClusterGql {
  @Field(() => String, {
    description:
      'An English name from the traits, e.g. "Weekend dining out" (a client may word one from the traits).',
  })
  name!: string;
  @Field(() => String, { description: 'The category with the most spending on these days.' })
  dominantCategoryId!: string;
  @Field(() => String, { description: 'Display name of the dominant category.' })
  dominantCategoryName!: string;
  @Field(() => ClusterDayKindGql, { description: 'Weekend, weekday or mixed days.' })
  dayKind!: ClusterDayKindGql;
  @Field(() => ClusterTicketSizeGql, { description: 'Small, typical or large tickets.' })
  ticketSize!: ClusterTicketSizeGql;
  @Field(() => ClusterActivityGql, { description: 'Busy, typical or quiet days.' })
  activity!: ClusterActivityGql;
  @Field(() => Int, { description: 'Days in the cluster.' }) dayCount!: number;
  @Field(() => Int, { description: 'Expenses on those days.' }) transactionCount!: number;
  @Field(() => Money, { description: 'Spent on those days.' }) total!: Money;
  @Field(() => Money, { description: 'Average expense, rounded to the minor unit.' })
  averageTicket!: Money;
  @Field(() => Float, { description: 'Expenses per day.' }) transactionsPerDay!: number;
  @Field(() => Int, { description: 'Share of its days on Saturdays or Sundays, in basis points.' })
  weekendShareBasisPoints!: number;
  @Field(() => [ClusterCategory], { description: 'Its largest categories (at most three).' })
  topCategories!: ClusterCategory[];
}

@ObjectType({ description: 'The silhouette of one number of clusters tried.' })
export class ClusterCandidate {
  @Field(() => Int, { description: 'Number of clusters (2 to 6).' }) k!: number;
  @Field(() => Float, { description: 'Mean silhouette, −1 to 1; the highest wins.' })
  silhouette!: number;
}

@ObjectType('SpendingClusters', {
  description:
    'Spending clusters (k-means over the days of the last year with spending, k by silhouette), computed in the background and kept until the ledger changes.',
})
export class SpendingClustersGql {
  @Field(() => SpendingClustersStateGql, { description: 'Ready, or being computed.' })
  state!: SpendingClustersStateGql;
  @Field(() => SpendingClustersStatusGql, {
    nullable: true,
    description: 'Clusters found or not enough data; null while the first result is computed.',
  })
  status!: SpendingClustersStatusGql | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the result shown was computed.',
  })
  computedAt!: Date | null;
  @Field(() => Int, { description: 'Expenses in the year clustered.' }) transactionCount!: number;
  @Field(() => Int, { description: 'Days with spending in that year.' }) dayCount!: number;
  @Field(() => Int, { description: 'Expenses needed before clusters are found (30).' })
  neededTransactions!: number;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day with spending clustered.',
  })
  from!: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day with spending clustered.',
  })
  to!: string | null;
  @Field(() => Float, { nullable: true, description: 'Mean silhouette of the clusters chosen.' })
  silhouette!: number | null;
  @Field(() => [ClusterCandidate], { description: 'Every number of clusters tried.' })
  candidates!: ClusterCandidate[];
  @Field(() => [SpendingClusterGql], { description: 'The clusters, largest spending first.' })
  clusters!: SpendingClusterGql[];
}

/** The wire shape of a read. */
export function toSpendingClusters(view: SpendingClustersView): SpendingClustersGql {
  const { result, currency, categoryNames } = view;
  const nameOf = (id: string) => categoryNames.get(id) ?? id;
  const toCluster = (c: EngineCluster): SpendingClusterGql =>
    Object.assign(new SpendingClusterGql(), {
      name: c.name,
      dominantCategoryId: c.traits.dominantCategoryId,
      dominantCategoryName: nameOf(c.traits.dominantCategoryId),
      dayKind: c.traits.dayKind as ClusterDayKindGql,
      ticketSize: c.traits.ticketSize as ClusterTicketSizeGql,
      activity: c.traits.activity as ClusterActivityGql,
      dayCount: c.dayCount,
      transactionCount: c.transactionCount,
      total: toMoney(c.totalMinor, currency),
      averageTicket: toMoney(c.averageTicketMinor, currency),
      transactionsPerDay: c.transactionsPerDay,
      weekendShareBasisPoints: c.weekendShareBasisPoints,
      topCategories: c.topCategories.map((t) =>
        Object.assign(new ClusterCategory(), {
          categoryId: t.categoryId,
          categoryName: nameOf(t.categoryId),
          amount: toMoney(t.amountMinor, currency),
          shareBasisPoints: t.shareBasisPoints,
        }),
      ),
    });
  return Object.assign(new SpendingClustersGql(), {
    state: view.state as SpendingClustersStateGql,
    status: (result?.status ?? null) as SpendingClustersStatusGql | null,
    computedAt: view.computedAt,
    transactionCount: result?.transactionCount ?? 0,
    dayCount: result?.dayCount ?? 0,
    neededTransactions: result?.neededTransactions ?? 30,
    from: result?.from ?? null,
    to: result?.to ?? null,
    silhouette: result?.silhouette ?? null,
    candidates: (result?.candidates ?? []).map((c) => Object.assign(new ClusterCandidate(), c)),
    clusters: (result?.clusters ?? []).map(toCluster),
  });
}
