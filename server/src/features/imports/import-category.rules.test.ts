import { describe, expect, it } from 'vitest';
import { categoryResolver } from './import-category.rules';

const own = [
  { id: 'c-pets', name: 'Pet Supplies' },
  { id: 'c-food', name: 'Food' },
  { id: 'c-later', name: 'pet supplies' },
];

describe('categoryResolver', () => {
  it.each<[string | undefined, string | null]>([
    [undefined, 'flex'],
    ['', 'flex'],
    ['groceries', 'groceries'],
    ['Restaurants', 'dining_out'],
    ['bill:water', 'bill:water'],
    ['goal:g1', 'goal:g1'],
    ['c-pets', 'c-pets'],
    [' c-pets ', 'c-pets'],
    ['Pet Supplies', 'c-pets'],
    ['  PET supplies ', 'c-pets'],
    // The user's own name comes before a built-in alias of the same words.
    ['food', 'c-food'],
    ['Pets', null],
    ['nope', null],
  ])('%j is %j', (given, expected) => {
    const categoryOf = categoryResolver(own);
    expect(categoryOf(given)).toBe(expected);
    expect(categoryOf(given)).toBe(expected);
  });

  it('knows no own category of an empty list', () => {
    expect(categoryResolver([])('Pet Supplies')).toBeNull();
    expect(categoryResolver([])('food')).toBe('groceries');
  });
});
