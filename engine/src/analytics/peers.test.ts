import { describe, expect, it } from 'vitest';
import {
  PEER_MIN_GROUP,
  aggregatedQuantile,
  comparePeers,
  isSamePeerGroup,
  peerGroupOf,
} from './peers';

describe('peer groups', () => {
  it.each([
    // US income bands (annual, inclusive): low ≤ 36,000; 6,000 × 12 = 72,000 is middle
    [{ currency: 'USD', region: 'US', incomeMinor: 600000 }, 'US', 'middle'],
    [{ currency: 'USD', region: 'us', incomeMinor: 300000 }, 'US', 'low'],
    [{ currency: 'USD', incomeMinor: 300000, additionalIncomeMinor: 1 }, 'US', 'lower_middle'],
    [{ currency: 'USD', region: 'US-CA', incomeMinor: 590000 }, 'US-CA', 'lower_middle'],
    [{ currency: 'EUR', region: 'DE', incomeMinor: 300000 }, 'DE', 'middle'],
    [{ currency: 'EUR', incomeMinor: 300000 }, 'NONE', 'middle'],
  ])('%j → %s %s', (settings, region, tier) => {
    expect(peerGroupOf(settings)).toEqual({ currency: settings.currency, region, tier });
  });

  it('compares groups field by field', () => {
    const a = peerGroupOf({ currency: 'USD', region: 'US', incomeMinor: 600000 });
    expect(isSamePeerGroup(a, peerGroupOf({ currency: 'USD', incomeMinor: 620000 }))).toBe(true);
    expect(isSamePeerGroup(a, peerGroupOf({ currency: 'USD', incomeMinor: 900000 }))).toBe(false);
  });
});

describe('micro-aggregated quantiles', () => {
  it.each([
    [[10, 20, 30, 40, 50], 0.5, 30], // mean of 20, 30, 40
    [[10, 20, 30, 40, 50], 0, 20], // the lowest three
    [[10, 20, 30, 40, 50], 1, 40], // the highest three
    [[7], 0.5, 7],
    [[], 0.5, 0],
  ])('%j at %f → %f', (sorted, q, value) => {
    expect(aggregatedQuantile(sorted, q)).toBe(value);
  });
});

/** Peer i spends 1000 + 50·i² on groceries and 500 + 11·i on dining out: every share distinct. */
const peers = (count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      new Map([
        ['groceries', 1000 + 50 * i * i],
        ['dining_out', 500 + 11 * i],
        ['my-own-category', 100],
      ]),
  );

describe('peer comparison', () => {
  const viewer = new Map([
    ['groceries', 1000],
    ['dining_out', 9000],
  ]);

  it('says only how many are needed below 20 peers', () => {
    expect(comparePeers({ viewer, peers: peers(PEER_MIN_GROUP - 1) })).toEqual({
      isReported: false,
      reason: 'NOT_ENOUGH_PEERS',
      neededPeers: 20,
    });
    // Peers who spent nothing that month do not count.
    expect(comparePeers({ viewer, peers: [...peers(19), new Map()] }).isReported).toBe(false);
  });

  it('answers with 20 peers, with figures that are no single peer’s share', () => {
    const group = peers(PEER_MIN_GROUP);
    const result = comparePeers({ viewer, peers: group });
    if (!result.isReported) throw new Error('expected figures');
    expect(
      result.categories.map((c) => [c.categoryId, c.viewerShareBasisPoints, c.position]),
    ).toEqual([
      ['groceries', 1000, 'below'],
      ['dining_out', 9000, 'above'],
    ]);
    const peerShares = group.flatMap((p) => {
      const total = [...p.values()].reduce((s, v) => s + v, 0);
      return [...p.entries()].map(([id, v]) => [id, Math.round((v * 10000) / total)] as const);
    });
    for (const c of result.categories) {
      expect(c.lowerQuartileBasisPoints).toBeLessThanOrEqual(c.medianBasisPoints);
      expect(c.medianBasisPoints).toBeLessThanOrEqual(c.upperQuartileBasisPoints);
      for (const figure of [
        c.lowerQuartileBasisPoints,
        c.medianBasisPoints,
        c.upperQuartileBasisPoints,
      ])
        expect(peerShares.filter(([id, share]) => id === c.categoryId && share === figure)).toEqual(
          [],
        );
    }
    // A person's own category is never compared.
    expect(result.categories.some((c) => c.categoryId === 'my-own-category')).toBe(false);
  });
});
