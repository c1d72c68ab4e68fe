import { describe, expect, it } from 'vitest';
import { classifyLines, type ExistingRow } from './import-duplicates.rules';
import type { NormalisedRow, ParsedLine } from './import-row.rules';

const row = (payee: string, extra: Partial<NormalisedRow> = {}): NormalisedRow => ({
  occurredOn: '2026-03-05',
  amountMinor: 1230,
  direction: 'expense',
  payee,
  memo: '',
  ...extra,
});
const lines = (...rows: Array<NormalisedRow | string>): ParsedLine[] =>
  rows.map((r, i) => (typeof r === 'string' ? { line: i + 2, error: r } : { line: i + 2, row: r }));
const stored: ExistingRow = {
  bookedOn: '2026-03-05',
  amountMinor: 1230,
  direction: 'expense',
  payee: 'Corner Cafe',
  externalId: null,
};
const categoryOf = (given: string | undefined) => (given === 'nope' ? null : (given ?? 'flex'));

describe('classifyLines', () => {
  it.each([
    [
      'a known bank id',
      [row('X', { externalId: 'B1' })],
      'DUPLICATE',
      'bank id B1 is already in the ledger',
    ],
    [
      'a bank id repeated in the file',
      [row('X', { externalId: 'B2' }), row('Y', { externalId: 'B2' })],
      'DUPLICATE',
      'bank id B2 repeats line 2',
    ],
    [
      'a similar stored payee',
      [row('CORNER CAFE.')],
      'DUPLICATE',
      'same date, amount and payee as a transaction in the ledger',
    ],
    [
      'a similar earlier line',
      [row('Shop A'), row('shop a')],
      'DUPLICATE',
      'same date, amount and payee as line 2',
    ],
    ['a different payee', [row('Bakery')], 'NEW', undefined],
    ['another amount', [row('Corner Cafe', { amountMinor: 999 })], 'NEW', undefined],
    ['another direction', [row('Corner Cafe', { direction: 'income' })], 'NEW', undefined],
    [
      'two lines with different bank ids',
      [row('Shop', { externalId: 'C1' }), row('Shop', { externalId: 'C2' })],
      'NEW',
      undefined,
    ],
    [
      'an unknown category',
      [row('Bakery', { categoryId: 'nope' })],
      'INVALID',
      'unknown category "nope"',
    ],
    ['an unreadable line', ['amount is zero'], 'INVALID', 'amount is zero'],
  ] as const)('%s', (_, given, status, reason) => {
    const verdicts = classifyLines(
      lines(...given),
      { rows: [stored], externalIds: new Set(['B1']) },
      categoryOf,
    );
    const last = verdicts[verdicts.length - 1];
    expect(last?.status).toBe(status);
    expect(last && 'reason' in last ? last.reason : undefined).toBe(reason);
  });

  it('gives new rows their resolved category', () => {
    expect(
      classifyLines(lines(row('Bakery')), { rows: [], externalIds: new Set() }, categoryOf)[0],
    ).toMatchObject({ status: 'NEW', row: { categoryId: 'flex' } });
  });
});
