import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import {
  compareCategoryOrder,
  createUserCategory,
  getCategory,
  resolveCategoryId,
} from './categories';
import { CATEGORY_TAXONOMY, type CategoryBehaviour, type CategoryPriority } from './taxonomy';

describe('taxonomy (domain §2)', () => {
  it.each<[string, CategoryBehaviour, CategoryPriority]>([
    ['rent', 'fixed', 'sacred'],
    ['mortgage', 'fixed', 'sacred'],
    ['utilities', 'fixed', 'sacred'],
    ['internet', 'fixed', 'sacred'],
    ['phone', 'fixed', 'sacred'],
    ['insurance', 'fixed', 'sacred'],
    ['debt', 'fixed', 'sacred'],
    ['loan', 'fixed', 'sacred'],
    ['car_payment', 'fixed', 'sacred'],
    ['childcare', 'fixed', 'sacred'],
    ['school_fees', 'fixed', 'sacred'],
    ['gym', 'fixed', 'sacred'],
    ['subscriptions', 'fixed', 'sacred'],
    ['savings', 'spread', 'sacred'],
    ['groceries', 'spread', 'protected'],
    ['transport_public', 'spread', 'protected'],
    ['medical', 'clustered', 'protected'],
    ['home_repairs', 'clustered', 'protected'],
    ['coffee', 'spread', 'flexible'],
    ['personal_care', 'spread', 'flexible'],
    ['clothing', 'clustered', 'flexible'],
    ['fuel', 'clustered', 'flexible'],
    ['car_upkeep', 'clustered', 'flexible'],
    ['home_goods', 'clustered', 'flexible'],
    ['dining_out', 'clustered', 'discretionary'],
    ['delivery', 'clustered', 'discretionary'],
    ['entertainment', 'clustered', 'discretionary'],
    ['gaming', 'clustered', 'discretionary'],
    ['hobbies', 'clustered', 'discretionary'],
    ['books', 'clustered', 'discretionary'],
    ['gadgets', 'clustered', 'discretionary'],
    ['taxis', 'clustered', 'discretionary'],
    ['travel', 'clustered', 'discretionary'],
    ['flex', 'spread', 'buffer'],
  ])('%s is %s / %s', (id, behaviour, priority) => {
    expect(getCategory(id)).toMatchObject({ id, behaviour, priority, isBuiltIn: true });
  });

  it('has unique ids and lists every category above', () => {
    const ids = CATEGORY_TAXONOMY.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(34);
  });

  it('is listed in processing order', () => {
    const sorted = [...CATEGORY_TAXONOMY].sort(compareCategoryOrder);
    expect(sorted.map((c) => c.priority)).toEqual(
      [...CATEGORY_TAXONOMY].map((c) => c.priority).sort((a, b) => rank(a) - rank(b)),
    );
  });

  it('throws CATEGORY_UNKNOWN for an unknown id', () => {
    expectCode(() => getCategory('yachts'), 'CATEGORY_UNKNOWN');
  });
});

function rank(priority: CategoryPriority): number {
  return ['sacred', 'protected', 'flexible', 'discretionary', 'buffer'].indexOf(priority);
}

describe('alias resolution', () => {
  it.each([
    ['food', 'groceries'],
    ['Restaurants', 'dining_out'],
    ['RESTAURANTS!', 'dining_out'],
    ['transportation', 'transport_public'],
    ['Public transport', 'transport_public'],
    ['dining_out', 'dining_out'],
    ['Dining out', 'dining_out'],
    ['Cafés', 'coffee'],
    ['taxi', 'taxis'],
    ['Uber', 'taxis'],
    ['flights', 'travel'],
    ['Netflix', 'subscriptions'],
    ['gas', 'fuel'],
    ['Gas bill', 'utilities'],
    ['Student loan', 'loan'],
    ['misc', 'flex'],
    ['Groceries', 'groceries'],
  ])('%s → %s', (alias, id) => {
    expect(resolveCategoryId(alias)).toBe(id);
  });

  it.each([['yachts'], [''], ['   ']])('%j resolves to nothing', (alias) => {
    expect(resolveCategoryId(alias)).toBeUndefined();
  });
});

describe('user categories', () => {
  it('default to spread and flexible', () => {
    expect(createUserCategory({ id: 'pets', name: ' Pets ' })).toEqual({
      id: 'pets',
      name: 'Pets',
      behaviour: 'spread',
      priority: 'flexible',
      isBuiltIn: false,
      aliases: [],
    });
  });

  it('keep a chosen behaviour and priority', () => {
    expect(
      createUserCategory({ id: 'u-1', name: 'Piano', behaviour: 'fixed', priority: 'sacred' }),
    ).toMatchObject({ behaviour: 'fixed', priority: 'sacred' });
  });

  it.each([['rent'], ['flex'], ['goal:trip'], ['bill:tax'], [''], ['has space']])(
    'cannot take the id %j',
    (id) => {
      expectCode(() => createUserCategory({ id, name: 'X' }), 'CATEGORY_INVALID');
    },
  );

  it('cannot be a second buffer', () => {
    expectCode(
      () => createUserCategory({ id: 'x', name: 'X', priority: 'buffer' as 'flexible' }),
      'CATEGORY_INVALID',
    );
  });
});
