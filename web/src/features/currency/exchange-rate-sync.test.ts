import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase } from '@/lib/db';
import { pullChanges } from '@/lib/sync/pull';
import type { GraphqlTransport } from '@/lib/sync/transport';
import { mirroredExchangeRates } from './exchange-rate-sync';

interface RateChange {
  cursor: string;
  kind: 'EXCHANGE_RATE';
  id: string;
  deleted: boolean;
  exchangeRate: {
    fromCurrency: string;
    toCurrency: string;
    rateOn: string;
    rate: string;
    source: 'MANUAL';
  };
}

function rateChange(
  cursor: string,
  id: string,
  rate: Omit<RateChange['exchangeRate'], 'source'>,
): RateChange {
  return {
    cursor,
    kind: 'EXCHANGE_RATE',
    id,
    deleted: false,
    exchangeRate: { ...rate, source: 'MANUAL' },
  };
}

/** A stand-in server answering `changes(since)` with one page per pull. */
function serverWith(pages: RateChange[][]): GraphqlTransport {
  let pull = 0;
  return (async () => {
    const changes = pages[pull] ?? [];
    pull += 1;
    return {
      changes: { changes, cursor: changes.at(-1)?.cursor ?? 'end', hasMore: false },
    };
  }) as unknown as GraphqlTransport;
}

const MONTH = { currency: 'JPY', quote: 'EUR', from: '2026-11-06', to: '2026-12-06' };

describe('the device mirror of entered exchange rates', () => {
  let db: PaceDatabase;

  beforeEach(async () => {
    db = new PaceDatabase(`rates-${Math.random()}`);
    await db.open();
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('keeps the rates pulled from changes, exact, and lists them offline newest first', async () => {
    const server = serverWith([
      [
        rateChange('c1', 'r1', {
          fromCurrency: 'JPY',
          toCurrency: 'EUR',
          rateOn: '2026-12-01',
          rate: '0.0062',
        }),
        rateChange('c2', 'r2', {
          fromCurrency: 'EUR',
          toCurrency: 'JPY',
          rateOn: '2026-12-04',
          rate: '162.18',
        }),
        rateChange('c3', 'r3', {
          fromCurrency: 'USD',
          toCurrency: 'EUR',
          rateOn: '2026-12-04',
          rate: '0.95',
        }),
        rateChange('c4', 'r4', {
          fromCurrency: 'JPY',
          toCurrency: 'EUR',
          rateOn: '2026-10-01',
          rate: '0.0063',
        }),
      ],
    ]);
    await pullChanges(db, server);
    expect(await mirroredExchangeRates(db, MONTH)).toEqual([
      { id: 'r2', fromCurrency: 'EUR', toCurrency: 'JPY', rateOn: '2026-12-04', rate: '162.18' },
      { id: 'r1', fromCurrency: 'JPY', toCurrency: 'EUR', rateOn: '2026-12-01', rate: '0.0062' },
    ]);
    expect((await db.meta.get('changesCursor'))?.value).toBe('c4');
  });

  it('replaces the rate of a pair and day when it is entered again on another device', async () => {
    const first = { fromCurrency: 'JPY', toCurrency: 'EUR', rateOn: '2026-12-01', rate: '0.0062' };
    const server = serverWith([
      [rateChange('c1', 'r1', first)],
      [rateChange('c2', 'r1', { ...first, rate: '0.00615' })],
    ]);
    await pullChanges(db, server);
    await pullChanges(db, server);
    expect(await mirroredExchangeRates(db, MONTH)).toEqual([
      { id: 'r1', ...first, rate: '0.00615' },
    ]);
  });
});
