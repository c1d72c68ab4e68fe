/**
 * Peer comparison (domain §8): how the person's spending mix compares with people of the same
 * income band and region, shown only when the group is large enough (k-anonymity) and never as
 * one peer's figures.
 *
 * Decisions: a group is (currency, region, income tier); the region is the person's region code
 * (ISO 3166, upper case) or, without one, their currency's default profile; the tier is the plan's
 * (domain §3.1, income plus additional income). Peers are the other people of the group who spent
 * something that month; at least 20 are needed, and below that only the number needed is said,
 * never how many there are. Figures are shares of each peer's spending (savings and goals left
 * out), on built-in categories only (a person's own categories are theirs alone). Each quartile is
 * micro-aggregated: the mean of the three peers' shares nearest its rank, so no figure is a single
 * peer's share.
 */
import { findCategory } from '../categories/categories';
import type { IncomeTier, RegionalProfile } from '../plan/profiles';
import { REGIONAL_PROFILES } from '../plan/profiles';
import { incomeTierOf, normaliseRegion, resolveProfile } from '../plan/tier';
import { sharesInBasisPoints } from './breakdown';

/** People a group needs (besides the person) before anything is shown. */
export const PEER_MIN_GROUP = 20;
/** Peers' shares averaged into each figure. */
export const PEER_AGGREGATE_SIZE = 3;

/** Who a person is compared with. */
export interface PeerGroup {
  readonly currency: string;
  readonly region: string;
  readonly tier: IncomeTier;
}

/** The settings a peer group is read from. */
export interface PeerGroupInput {
  readonly currency: string;
  readonly region?: string;
  readonly incomeMinor: number;
  readonly additionalIncomeMinor?: number;
  readonly profiles?: readonly RegionalProfile[];
}

/** The peer group of a person's plan settings. */
export function peerGroupOf(settings: PeerGroupInput): PeerGroup {
  const profiles = settings.profiles ?? REGIONAL_PROFILES;
  const profile = resolveProfile(settings.region, settings.currency, profiles);
  const income = settings.incomeMinor + (settings.additionalIncomeMinor ?? 0);
  return {
    currency: settings.currency,
    region: normaliseRegion(settings.region) ?? profile?.id.toUpperCase() ?? 'NONE',
    tier: incomeTierOf(income, settings.currency, profile),
  };
}

/** Whether two groups are the same. */
export function isSamePeerGroup(a: PeerGroup, b: PeerGroup): boolean {
  return a.currency === b.currency && a.region === b.region && a.tier === b.tier;
}

export type PeerPosition = 'below' | 'within' | 'above';

/** One category: the person's share against the peers' quartiles (basis points). */
export interface PeerCategory {
  readonly categoryId: string;
  readonly viewerShareBasisPoints: number;
  readonly lowerQuartileBasisPoints: number;
  readonly medianBasisPoints: number;
  readonly upperQuartileBasisPoints: number;
  /** Below the lower quartile, within the middle half, or above the upper quartile. */
  readonly position: PeerPosition;
}

export type PeerComparison =
  | {
      readonly isReported: false;
      readonly reason: 'NOT_ENOUGH_PEERS';
      readonly neededPeers: number;
    }
  | { readonly isReported: true; readonly categories: readonly PeerCategory[] };

/** A quantile of sorted values as the mean of the `PEER_AGGREGATE_SIZE` values nearest its rank. */
export function aggregatedQuantile(sorted: readonly number[], q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const size = Math.min(PEER_AGGREGATE_SIZE, n);
  const rank = Math.round(q * (n - 1));
  const start = Math.min(Math.max(rank - Math.floor(size / 2), 0), n - size);
  let sum = 0;
  for (let i = start; i < start + size; i += 1) sum += sorted[i] ?? 0;
  return Math.round(sum / size);
}

const isComparable = (id: string) => findCategory(id)?.isBuiltIn === true;

/**
 * The person's shares against their peers' (each a map of spending per category). Categories are
 * those the person or the middle half of the peers spend on, largest median first.
 */
export function comparePeers(input: {
  viewer: ReadonlyMap<string, number>;
  peers: readonly ReadonlyMap<string, number>[];
}): PeerComparison {
  const peerShares = input.peers.map(sharesInBasisPoints).filter((shares) => shares.size > 0);
  if (peerShares.length < PEER_MIN_GROUP)
    return { isReported: false, reason: 'NOT_ENOUGH_PEERS', neededPeers: PEER_MIN_GROUP };
  const viewer = sharesInBasisPoints(input.viewer);
  const ids = new Set<string>();
  for (const shares of [viewer, ...peerShares])
    for (const id of shares.keys()) if (isComparable(id)) ids.add(id);
  const categories = [...ids]
    .map((categoryId): PeerCategory => {
      const sorted = peerShares.map((s) => s.get(categoryId) ?? 0).sort((a, b) => a - b);
      const lower = aggregatedQuantile(sorted, 0.25);
      const upper = aggregatedQuantile(sorted, 0.75);
      const own = viewer.get(categoryId) ?? 0;
      return {
        categoryId,
        viewerShareBasisPoints: own,
        lowerQuartileBasisPoints: lower,
        medianBasisPoints: aggregatedQuantile(sorted, 0.5),
        upperQuartileBasisPoints: upper,
        position: own < lower ? 'below' : own > upper ? 'above' : 'within',
      };
    })
    .filter((c) => c.viewerShareBasisPoints > 0 || c.upperQuartileBasisPoints > 0)
    .sort(
      (a, b) =>
        b.medianBasisPoints - a.medianBasisPoints ||
        b.viewerShareBasisPoints - a.viewerShareBasisPoints ||
        (a.categoryId < b.categoryId ? -1 : 1),
    );
  return { isReported: true, categories };
}
