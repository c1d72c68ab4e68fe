import { describe, expect, it } from 'vitest';
import { MERCHANT_CHAIN_COUNT, inferCategoryId, matchMerchant } from './merchants';

describe('merchant dictionary', () => {
  it('knows about a hundred chains', () => {
    expect(MERCHANT_CHAIN_COUNT).toBeGreaterThanOrEqual(100);
  });

  it.each<[string, string | undefined]>([
    ['latte at starbucks', 'coffee'],
    ['STARBUCKS #1234 LONDON', 'coffee'],
    ["McDonald's 0042", 'dining_out'],
    ['MCDONALDS', 'dining_out'],
    ['Uber Eats order', 'delivery'],
    ['UBER *TRIP', 'taxis'],
    ['LIDL SAGT DANKE', 'groceries'],
    ['Aldi Süd', 'groceries'],
    ['TESCO STORES 3012', 'groceries'],
    ['Shell 4711', 'fuel'],
    ['Shellfish Bar', undefined],
    ['NETFLIX.COM', 'subscriptions'],
    ['Spotify AB', 'subscriptions'],
    ['AMZN Mktp DE', 'home_goods'],
    ['IKEA Wallau', 'home_goods'],
    ['ZARA 123', 'clothing'],
    ['H&M', 'clothing'],
    ['Pizza Place', 'dining_out'],
    ['PIZZA PLACE #42', 'dining_out'],
    ['Café de Flore', 'coffee'],
    ['Zaragoza', undefined],
    ['', undefined],
  ])('%s → %s', (text, expected) => {
    expect(matchMerchant(text)?.categoryId).toBe(expected);
  });

  it.each<[readonly (string | null)[], string | undefined]>([
    [['coffee'], 'coffee'],
    [['food'], 'groceries'],
    [[null, 'latte at starbucks'], 'coffee'],
    [['Pizza Place', ''], 'dining_out'],
    [['Corner shop 17'], undefined],
  ])('inferCategoryId(%j) → %s', (texts, expected) => {
    expect(inferCategoryId(texts)).toBe(expected);
  });
});
