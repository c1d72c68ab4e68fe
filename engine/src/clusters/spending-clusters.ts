/**
 * Spending clusters (domain §8): k-means (the `ml-kmeans` package) over the person's days with
 * spending in the last year of their ledger, on standardised day features (see day-features.ts),
 * with k from 2 to 6 chosen by the mean silhouette (ties: the smaller k), each cluster named by its
 * dominant traits. Deterministic: days are ordered by date and k-means++ starts from a fixed seed,
 * so the same ledger in any order gives the same clusters.
 */
import { kmeans } from 'ml-kmeans';
import type { LedgerTransaction } from '../month/types';
import type { LocalDate } from '../time/calendar';
import {
  rawFeaturesOf,
  spendingDaysOf,
  standardise,
  topCategoriesOf,
  type SpendingDay,
} from './day-features';
import { figuresOf, namesOf, traitsOf, type ClusterFigures, type ClusterTraits } from './naming';
import { distanceMatrix, meanSilhouette } from './silhouette';

/** Fewer live expenses than this in the window: "not enough data". */
export const MIN_CLUSTER_TRANSACTIONS = 30;
/** Fewer days with spending than this: "not enough data" (two clusters need three points). */
export const MIN_CLUSTER_DAYS = 3;
/** The k tried. */
export const CLUSTER_K_MIN = 2;
export const CLUSTER_K_MAX = 6;
/** Seed of the k-means++ initialisation. */
export const CLUSTER_SEED = 20_260_801;
/** Bumped whenever the method changes, so stored results of an older method are recomputed. */
export const CLUSTER_METHOD_VERSION = 1;

/** What the clustering reads. */
export interface SpendingClustersInput {
  readonly ledger: readonly LedgerTransaction[];
  /** The budget's currency; entries in another currency are left out. */
  readonly currency: string;
  /** Display names of categories (the person's own); built-in ones are known. */
  readonly categoryNames?: ReadonlyMap<string, string>;
}

/** One cluster of days. */
export interface SpendingCluster extends ClusterFigures {
  /** English name from the traits, unique within the result. */
  readonly name: string;
  readonly traits: ClusterTraits;
  /** Dates of the cluster's days, oldest first. */
  readonly dates: readonly LocalDate[];
}

/** The silhouette of one k tried. */
export interface ClusterCandidate {
  readonly k: number;
  readonly silhouette: number;
}

/** The clusters of a ledger, or why there are none. */
export interface SpendingClusters {
  readonly status: 'ok' | 'not_enough_data';
  readonly methodVersion: number;
  /** Live expenses and days with spending in the window. */
  readonly transactionCount: number;
  readonly dayCount: number;
  readonly neededTransactions: number;
  /** First and last day of the window with spending (null without spending). */
  readonly from: LocalDate | null;
  readonly to: LocalDate | null;
  /** The k chosen (0 when not enough data; 1 when every day looks the same). */
  readonly k: number;
  readonly silhouette: number | null;
  readonly candidates: readonly ClusterCandidate[];
  /** Largest spending first. */
  readonly clusters: readonly SpendingCluster[];
  /** Figures of all the window's days, which the traits are measured against. */
  readonly overall: ClusterFigures | null;
}

/** Clusters the person's days with spending by k-means, k chosen by silhouette (domain §8). */
export function computeSpendingClusters(input: SpendingClustersInput): SpendingClusters {
  const days = spendingDaysOf(input.ledger, input.currency);
  const transactionCount = days.reduce((sum, day) => sum + day.transactionCount, 0);
  const base = {
    methodVersion: CLUSTER_METHOD_VERSION,
    transactionCount,
    dayCount: days.length,
    neededTransactions: MIN_CLUSTER_TRANSACTIONS,
    from: days[0]?.date ?? null,
    to: days.at(-1)?.date ?? null,
  };
  if (transactionCount < MIN_CLUSTER_TRANSACTIONS || days.length < MIN_CLUSTER_DAYS) {
    return {
      ...base,
      status: 'not_enough_data',
      k: 0,
      silhouette: null,
      candidates: [],
      clusters: [],
      overall: null,
    };
  }
  const points = standardise(rawFeaturesOf(days, topCategoriesOf(days)));
  const choice = chooseClustering(points);
  const groups = Array.from({ length: choice.k }, () => [] as SpendingDay[]);
  days.forEach((day, i) => groups[choice.labels[i] ?? 0]?.push(day));
  const overall = figuresOf(days);
  const described = groups
    .filter((group) => group.length > 0)
    .map((group) => {
      const figures = figuresOf(group);
      return { figures, traits: traitsOf(figures, overall), dates: group.map((day) => day.date) };
    })
    .sort(
      (a, b) =>
        b.figures.totalMinor - a.figures.totalMinor ||
        ((a.dates[0] ?? '') < (b.dates[0] ?? '') ? -1 : 1),
    );
  const names = namesOf(described, input.categoryNames ?? new Map());
  return {
    ...base,
    status: 'ok',
    k: described.length,
    silhouette: choice.silhouette,
    candidates: choice.candidates,
    clusters: described.map((d, i) => ({
      ...d.figures,
      name: names[i] ?? '',
      traits: d.traits,
      dates: d.dates,
    })),
    overall,
  };
}

interface Clustering {
  readonly k: number;
  readonly labels: readonly number[];
  readonly silhouette: number | null;
  readonly candidates: readonly ClusterCandidate[];
}

/** k-means for each k that the distinct points allow; the best mean silhouette wins. */
function chooseClustering(points: readonly number[][]): Clustering {
  const distinct = new Set(points.map((p) => p.join(','))).size;
  const kMax = Math.min(CLUSTER_K_MAX, points.length - 1, distinct);
  if (kMax < CLUSTER_K_MIN) {
    return { k: 1, labels: points.map(() => 0), silhouette: null, candidates: [] };
  }
  const distances = distanceMatrix(points);
  const data = points.map((p) => [...p]);
  let best: Clustering | undefined;
  const candidates: ClusterCandidate[] = [];
  for (let k = CLUSTER_K_MIN; k <= kMax; k += 1) {
    const { clusters } = kmeans(data, k, { seed: CLUSTER_SEED, initialization: 'kmeans++' });
    const silhouette = meanSilhouette(distances, clusters, k);
    candidates.push({ k, silhouette });
    if (best === undefined || silhouette > (best.silhouette ?? -Infinity)) {
      best = { k, labels: clusters, silhouette, candidates };
    }
  }
  return {
    k: best?.k ?? 1,
    labels: best?.labels ?? points.map(() => 0),
    silhouette: best?.silhouette ?? null,
    candidates,
  };
}
