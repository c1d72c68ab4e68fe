import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FLAG_KEY, isFlagOn, rolloutBucket } from './flag.rules';

describe('feature flag evaluation', () => {
  const people = Array.from({ length: 4000 }, () => randomUUID());

  it('puts a person in the same bucket every time, and buckets spread evenly', () => {
    const id = people[0]!;
    expect(rolloutBucket('new-insights', id)).toBe(rolloutBucket('new-insights', id));
    const counts = new Array<number>(10).fill(0);
    for (const p of people) counts[Math.floor(rolloutBucket('x', p) / 10)]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(300);
  });

  it('turns on about the rollout share, only adds people as it grows, and lets overrides win', () => {
    const flag = { key: 'receipts.v2', enabled: false, rolloutPercent: 25 };
    const on25 = people.filter((p) => isFlagOn(flag, p, undefined));
    expect(on25.length / people.length).toBeGreaterThan(0.2);
    expect(on25.length / people.length).toBeLessThan(0.3);
    const on50 = new Set(
      people.filter((p) => isFlagOn({ ...flag, rolloutPercent: 50 }, p, undefined)),
    );
    expect(on25.every((p) => on50.has(p))).toBe(true);
    expect(people.some((p) => isFlagOn({ ...flag, rolloutPercent: 0 }, p, undefined))).toBe(false);
    expect(people.every((p) => isFlagOn({ ...flag, enabled: true }, p, undefined))).toBe(true);
    expect(isFlagOn({ ...flag, enabled: true }, people[0]!, false)).toBe(false);
    expect(isFlagOn({ ...flag, rolloutPercent: 0 }, people[0]!, true)).toBe(true);
  });

  it('accepts keys as code writes them', () => {
    for (const key of ['insights', 'receipts.v2', 'new_advice-card'])
      expect(FLAG_KEY.test(key)).toBe(true);
    for (const key of ['', 'Insights', '1x', 'a..b', 'a b', 'a.'])
      expect(FLAG_KEY.test(key)).toBe(false);
  });
});
