/**
 * Traits and names of spending clusters (domain §8): a cluster is named by what sets its days apart
 * from the person's other days — its dominant category, whether its days are weekend or weekday
 * days, and whether its tickets are small or large against the person's average ticket.
 */
import { allocateLargestRemainder } from '../money/allocate';
import { findCategory } from '../categories/categories';
import type { SpendingDay } from './day-features';

/** When a cluster's days fall: mostly weekends, almost only weekdays, or both. */
export type ClusterDayKind = 'weekend' | 'weekday' | 'mixed';
/** Average ticket of a cluster against the person's average ticket. */
export type ClusterTicketSize = 'small' | 'typical' | 'large';
/** Transactions per day of a cluster against the person's days with spending. */
export type ClusterActivity = 'busy' | 'typical' | 'quiet';

/** Weekend share from which a cluster is a weekend one (2 days in 7 is 29 % by chance). */
export const WEEKEND_CLUSTER_SHARE = 0.6;
/** Weekend share up to which a cluster is a weekday one. */
export const WEEKDAY_CLUSTER_SHARE = 0.1;
/** A ticket this many times below / above the person's average is small / large. */
export const TICKET_SIZE_FACTOR = 1.6;
/** This many times more / fewer transactions a day than usual is busy / quiet. */
export const ACTIVITY_FACTOR = 1.5;

/** A category of a cluster with its share of the cluster's spending. */
export interface ClusterCategory {
  readonly categoryId: string;
  readonly amountMinor: number;
  /** Share of the cluster's spending in basis points. */
  readonly shareBasisPoints: number;
}

/** What sets a cluster apart; the PWA words its name from these. */
export interface ClusterTraits {
  readonly dominantCategoryId: string;
  readonly dayKind: ClusterDayKind;
  readonly ticketSize: ClusterTicketSize;
  readonly activity: ClusterActivity;
}

/** Figures of one cluster of days, exact in minor units. */
export interface ClusterFigures {
  readonly dayCount: number;
  readonly transactionCount: number;
  readonly totalMinor: number;
  /** Rounded to the minor unit. */
  readonly averageTicketMinor: number;
  readonly transactionsPerDay: number;
  /** Share of the cluster's days that are Saturdays or Sundays, in basis points. */
  readonly weekendShareBasisPoints: number;
  /** Largest first (at most three). */
  readonly topCategories: readonly ClusterCategory[];
}

/** Figures of a set of days. */
export function figuresOf(days: readonly SpendingDay[]): ClusterFigures {
  const byCategory = new Map<string, number>();
  let transactionCount = 0;
  let totalMinor = 0;
  let weekendDays = 0;
  for (const day of days) {
    transactionCount += day.transactionCount;
    totalMinor += day.totalMinor;
    if (day.isWeekend) weekendDays += 1;
    for (const [id, amount] of day.byCategory)
      byCategory.set(id, (byCategory.get(id) ?? 0) + amount);
  }
  const ranked = [...byCategory.entries()].sort(
    ([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : 1),
  );
  const shares =
    totalMinor > 0
      ? allocateLargestRemainder(
          10_000,
          ranked.map(([, amount]) => amount),
        )
      : [];
  return {
    dayCount: days.length,
    transactionCount,
    totalMinor,
    averageTicketMinor: transactionCount === 0 ? 0 : Math.round(totalMinor / transactionCount),
    transactionsPerDay: days.length === 0 ? 0 : transactionCount / days.length,
    weekendShareBasisPoints:
      days.length === 0 ? 0 : Math.round((weekendDays / days.length) * 10_000),
    topCategories: ranked.slice(0, 3).map(([categoryId, amountMinor], i) => ({
      categoryId,
      amountMinor,
      shareBasisPoints: shares[i] ?? 0,
    })),
  };
}

/** The traits of a cluster against the figures of all the person's days. */
export function traitsOf(cluster: ClusterFigures, overall: ClusterFigures): ClusterTraits {
  const weekendShare = cluster.weekendShareBasisPoints / 10_000;
  const ticket = cluster.averageTicketMinor / Math.max(1, overall.averageTicketMinor);
  const pace = cluster.transactionsPerDay / Math.max(Number.EPSILON, overall.transactionsPerDay);
  return {
    dominantCategoryId: cluster.topCategories[0]?.categoryId ?? '',
    dayKind:
      weekendShare >= WEEKEND_CLUSTER_SHARE
        ? 'weekend'
        : weekendShare <= WEEKDAY_CLUSTER_SHARE
          ? 'weekday'
          : 'mixed',
    ticketSize:
      ticket * TICKET_SIZE_FACTOR <= 1
        ? 'small'
        : ticket >= TICKET_SIZE_FACTOR
          ? 'large'
          : 'typical',
    activity: pace >= ACTIVITY_FACTOR ? 'busy' : pace * ACTIVITY_FACTOR <= 1 ? 'quiet' : 'typical',
  };
}

/** English name of a category: the given one, the built-in one, or its id. */
function categoryNameOf(id: string, names: ReadonlyMap<string, string>): string {
  return names.get(id) ?? findCategory(id)?.name ?? id;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * English names ("Weekend dining out", "Small weekday groceries"), unique within one result: a
 * name two clusters share gets their activity, then their second category, then a number.
 */
export function namesOf(
  clusters: readonly { traits: ClusterTraits; figures: ClusterFigures }[],
  names: ReadonlyMap<string, string>,
): string[] {
  const base = clusters.map(({ traits }) => {
    const words = [
      traits.ticketSize === 'typical' ? '' : traits.ticketSize,
      traits.dayKind === 'mixed' ? '' : traits.dayKind,
    ].filter((word) => word !== '');
    const category = categoryNameOf(traits.dominantCategoryId, names);
    // A built-in name is a common noun ("Dining out"); a person's own name is kept as typed.
    const noun =
      words.length > 0 && findCategory(traits.dominantCategoryId) !== undefined
        ? category.charAt(0).toLowerCase() + category.slice(1)
        : category;
    return capitalise([...words, noun].join(' '));
  });
  const refinements: Array<(i: number, name: string) => string> = [
    (i, name) => {
      const activity = clusters[i]?.traits.activity ?? 'typical';
      return activity === 'typical'
        ? name
        : `${capitalise(activity)} ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
    },
    (i, name) => {
      const second = clusters[i]?.figures.topCategories[1];
      return second
        ? `${name} and ${categoryNameOf(second.categoryId, names).toLowerCase()}`
        : name;
    },
  ];
  let result = base;
  for (const refine of refinements) {
    const counts = countsOf(result);
    result = result.map((name, i) => ((counts.get(name) ?? 0) > 1 ? refine(i, name) : name));
  }
  const seen = new Map<string, number>();
  return result.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return (countsOf(result).get(name) ?? 0) > 1 ? `${name} ${n}` : name;
  });
}

function countsOf(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}
