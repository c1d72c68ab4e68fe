import { describe, expect, it } from 'vitest';
import {
  applyRules,
  globMatches,
  patternProblem,
  suggestionPhrase,
  type RuleDefinition,
  type RuleSubject,
} from './rule.rules';

const subject = (merchant: string | null, amountMinor = 1000): RuleSubject => ({
  merchant,
  description: '',
  amountMinor,
  direction: 'expense',
  accountId: null,
});

const rule = (id: string, position: number, fields: Partial<RuleDefinition>): RuleDefinition => ({
  id,
  position,
  textPattern: null,
  textMatch: 'contains',
  minAmountMinor: null,
  maxAmountMinor: null,
  accountId: null,
  setCategoryId: null,
  renameMerchant: null,
  addTags: [],
  ...fields,
});

describe('glob', () => {
  it.each<[string, string, boolean]>([
    ['pizza*', 'pizza place #42', true],
    ['*place*', 'pizza place #42', true],
    ['pizza place #??', 'pizza place #42', true],
    ['pizza place #?', 'pizza place #42', false],
    ['*', '', true],
    ['a*b', 'ab', true],
    ['a*b', 'acb', true],
    ['a*b', 'acbc', false],
  ])('%s ~ %s → %s', (pattern, text, expected) => {
    expect(globMatches(pattern, text)).toBe(expected);
  });

  it('stays fast on the patterns that make regular expressions backtrack', () => {
    const pattern = '*a*a*a*a*a*a*a*b';
    const started = performance.now();
    expect(globMatches(pattern, 'a'.repeat(500))).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('patterns', () => {
  it.each<[string, 'contains' | 'glob', string | null]>([
    ['pizza', 'contains', null],
    ['', 'contains', 'The pattern is empty.'],
    ['  ', 'glob', 'The pattern is empty.'],
    ['x'.repeat(101), 'contains', 'The pattern is longer than 100 characters.'],
    ['a\u0000b', 'contains', 'The pattern holds a control character.'],
    ['*?*', 'glob', 'The pattern matches everything.'],
    ['*a*b*c*d*e*f*g*h*i', 'glob', 'A pattern may hold at most 8 * wildcards.'],
  ])('%j (%s) → %s', (pattern, match, problem) => {
    expect(patternProblem(pattern, match)).toBe(problem);
  });
});

describe('several rules', () => {
  it('first category and first rename win; tags of every match add up, in order', () => {
    const rules = [
      rule('b', 1, { textPattern: 'café', setCategoryId: 'dining_out', addTags: ['b'] }),
      rule('a', 0, { textPattern: 'CAFE', setCategoryId: 'coffee', addTags: ['a'] }),
      rule('c', 2, { minAmountMinor: 500, renameMerchant: 'Cafe', addTags: ['a', 'c'] }),
      rule('d', 3, { maxAmountMinor: 100, setCategoryId: 'books' }),
    ];
    expect(applyRules(rules, subject('Le Cafe du Coin'))).toEqual({
      categoryId: 'coffee',
      merchant: 'Cafe',
      tags: ['a', 'b', 'c'],
      ruleIds: ['a', 'b', 'c'],
    });
    expect(applyRules(rules, subject('Bookshop', 50)).categoryId).toBe('books');
    expect(applyRules(rules, subject(null, 200)).ruleIds).toEqual([]);
  });
});

describe('suggestion phrase', () => {
  it.each<[readonly (string | null)[], string | null]>([
    [['PIZZA PLACE #42'], 'pizza place'],
    [['Pizza Place'], 'pizza place'],
    [[null, 'Café 2026-03-01 ref 7781'], 'cafe ref'],
    [['#42 0815'], null],
    [['12', 'Luigi 12'], 'luigi'],
  ])('%j → %s', (texts, expected) => {
    expect(suggestionPhrase(texts)).toBe(expected);
  });
});
