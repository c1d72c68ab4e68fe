import { describe, expect, it } from 'vitest';
import {
  MAX_TAGS_PER_TRANSACTION,
  describeTagProblem,
  matchesTags,
  normaliseTag,
  normaliseTags,
} from './tags';

describe('normaliseTag', () => {
  it.each([
    ['Trip', 'trip'],
    ['  trip  ', 'trip'],
    ['#Trip', 'trip'],
    ['##trip', 'trip'],
    ['# trip', 'trip'],
    ['Summer   Trip\t2026', 'summer trip 2026'],
    ['İSTANBUL', 'i̇stanbul'],
    ['TITLE', 'title'], // the same in every locale (no Turkish dotless i)
    ['Ünïcödé', 'ünïcödé'],
    ['e\u0301te', 'éte'], // composed (NFC)
    ['c#', 'c#'], // only a leading # goes
    ['   ', ''],
    ['#', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseTag(raw)).toBe(expected);
  });
});

describe('normaliseTags', () => {
  it('merges duplicates in first-given order', () => {
    expect(normaliseTags(['Work', '#work', 'trip', ' WORK ', 'Trip'])).toEqual({
      ok: true,
      tags: ['work', 'trip'],
    });
  });

  it('accepts an empty list', () => {
    expect(normaliseTags([])).toEqual({ ok: true, tags: [] });
  });

  it.each([
    [[''], { kind: 'empty', index: 0 }],
    [['ok', ' # '], { kind: 'empty', index: 1 }],
    [['a\u0000b'], { kind: 'control_character', index: 0 }],
    [['x'.repeat(41)], { kind: 'too_long', index: 0, tag: 'x'.repeat(41) }],
  ])('refuses %j', (raw, problem) => {
    expect(normaliseTags(raw)).toEqual({ ok: false, problem });
  });

  it('counts characters, not UTF-16 units: 40 emoji fit', () => {
    expect(normaliseTags(['😀'.repeat(40)]).ok).toBe(true);
    expect(normaliseTags(['😀'.repeat(41)]).ok).toBe(false);
  });

  it('allows 20 tags, refuses 21, and counts after merging duplicates', () => {
    const twenty = Array.from({ length: MAX_TAGS_PER_TRANSACTION }, (_, i) => `t${i}`);
    expect(normaliseTags(twenty).ok).toBe(true);
    expect(normaliseTags([...twenty, 'T0', '#t1']).ok).toBe(true);
    expect(normaliseTags([...twenty, 'one more'])).toEqual({
      ok: false,
      problem: { kind: 'too_many', count: 21 },
    });
  });

  it('describes each problem with the field', () => {
    expect(describeTagProblem({ kind: 'empty', index: 2 })).toBe('tags[2] is empty.');
    expect(describeTagProblem({ kind: 'too_many', count: 25 }, 'filter.tags')).toMatch(
      /^filter\.tags holds 25 tags; at most 20/,
    );
  });
});

describe('matchesTags', () => {
  it.each([
    [['trip', 'work'], ['trip'], 'any', true],
    [['trip'], ['trip', 'work'], 'any', true],
    [['trip'], ['trip', 'work'], 'all', false],
    [['trip', 'work', 'x'], ['trip', 'work'], 'all', true],
    [[], ['trip'], 'any', false],
    [undefined, [], 'all', true],
  ] as const)('%j against %j (%s) → %s', (tags, wanted, match, expected) => {
    expect(matchesTags(tags, wanted, match)).toBe(expected);
  });
});
