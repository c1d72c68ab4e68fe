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
      'same date, amount and payee as ledger transaction "Corner Cafe"',
    ],
    // Lines without bank ids are never duplicates of each other: two coffees are two purchases.
    ['a similar earlier line', [row('Shop A'), row('shop a')], 'NEW', undefined],
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

  const cafe = (extra: Partial<ExistingRow> = {}): ExistingRow => ({ ...stored, ...extra });
  const statusesOf = (given: NormalisedRow[], rows: ExistingRow[], ids: string[] = []) =>
    classifyLines(lines(...given), { rows, externalIds: new Set(ids) }, categoryOf).map(
      (verdict) => verdict.status,
    );

  it.each<[string, NormalisedRow[], ExistingRow[], string[]]>([
    ['two identical lines, empty ledger', [row('Cafe'), row('Cafe')], [], ['NEW', 'NEW']],
    [
      'two identical lines, one stored row',
      [row('Corner Cafe'), row('CORNER CAFE')],
      [cafe()],
      ['DUPLICATE', 'NEW'],
    ],
    [
      'three identical lines, two stored rows',
      [row('Corner Cafe'), row('Corner Cafe'), row('Corner Cafe')],
      [cafe(), cafe()],
      ['DUPLICATE', 'DUPLICATE', 'NEW'],
    ],
    ['one line, two stored rows', [row('Corner Cafe')], [cafe(), cafe()], ['DUPLICATE']],
    [
      'a line with a bank id and one without, one stored row without',
      [row('Corner Cafe', { externalId: 'K1' }), row('Corner Cafe')],
      [cafe()],
      ['DUPLICATE', 'NEW'],
    ],
    [
      'a line with a bank id, a stored row with another bank id',
      [row('Corner Cafe', { externalId: 'K2' })],
      [cafe({ externalId: 'S1' })],
      ['NEW'],
    ],
    [
      'a line without a bank id, a stored row with one',
      [row('Corner Cafe')],
      [cafe({ externalId: 'S1' })],
      ['DUPLICATE'],
    ],
    [
      'a repeated bank id after its first line matched a stored row',
      [row('Corner Cafe', { externalId: 'K3' }), row('Corner Cafe', { externalId: 'K3' })],
      [cafe()],
      ['DUPLICATE', 'DUPLICATE'],
    ],
    [
      'a known bank id does not use up a stored row',
      [row('Corner Cafe', { externalId: 'K4' }), row('Corner Cafe')],
      [cafe()],
      ['DUPLICATE', 'DUPLICATE'],
    ],
    [
      // 4 of 5 words shared is 80 % alike: the first line could take either row, the second only
      // the first row, so the first line must give way for both to pair.
      'the most pairs when payees are alike but not the same',
      [row('Cafe One Two Three Four'), row('Cafe One Two Three Four Five')],
      [cafe({ payee: 'Cafe One Two Three Four' }), cafe({ payee: 'Cafe One Two Three' })],
      ['DUPLICATE', 'DUPLICATE'],
    ],
    [
      'rows of another day are not used up',
      [row('Corner Cafe'), row('Corner Cafe', { occurredOn: '2026-03-06' })],
      [cafe(), cafe({ bookedOn: '2026-03-06' })],
      ['DUPLICATE', 'DUPLICATE'],
    ],
  ])('pairs lines one to one with stored rows: %s', (_, given, rows, expected) => {
    expect(statusesOf(given, rows, ['K4'])).toEqual(expected);
  });

  it('pairs 2,000 identical lines with 1,500 identical stored rows', () => {
    const statuses = statusesOf(
      Array.from({ length: 2000 }, () => row('Corner Cafe')),
      Array.from({ length: 1500 }, () => cafe()),
    );
    expect(statuses.filter((s) => s === 'DUPLICATE')).toHaveLength(1500);
    expect(statuses.slice(1500).every((s) => s === 'NEW')).toBe(true);
  });

  it('names the stored row a line pairs with, and its bank id', () => {
    const verdicts = classifyLines(
      lines(row('Corner Cafe'), row('Corner Cafe')),
      { rows: [cafe({ payee: 'CORNER CAFE', externalId: 'S9' })], externalIds: new Set() },
      categoryOf,
    );
    expect(verdicts).toEqual([
      expect.objectContaining({
        line: 2,
        status: 'DUPLICATE',
        reason: 'same date, amount and payee as ledger transaction "CORNER CAFE" (bank id S9)',
      }),
      expect.objectContaining({ line: 3, status: 'NEW' }),
    ]);
  });
});
