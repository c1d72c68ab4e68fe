import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDED_LOOKS, classifyLines, type ExistingRow } from './import-duplicates.rules';
import {
  payeeSimilarity,
  SIMILAR_PAYEE,
  type NormalisedRow,
  type ParsedLine,
} from './import-row.rules';

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

  it('costs work linear in the file and the ledger: 2,000 look-alike lines against 2,000 look-alike stored rows', () => {
    // Nine shared words and one of its own: every line is 82 % alike with every stored row.
    const words = 'north side fresh market store and deli co ltd';
    const work = { comparisons: 0 };
    const verdicts = classifyLines(
      lines(...Array.from({ length: 2000 }, (_, i) => row(`${words} L${i}`))),
      {
        rows: Array.from({ length: 2000 }, (_, i) => cafe({ payee: `${words} R${i}` })),
        externalIds: new Set(),
      },
      categoryOf,
      { work },
    );
    expect(verdicts.every((v) => v.status === 'DUPLICATE')).toBe(true);
    // Comparing every line with every stored row would be 4,000,000.
    expect(work.comparisons).toBeGreaterThan(0);
    expect(work.comparisons).toBeLessThanOrEqual(2000 * BOUNDED_LOOKS);
  });

  it('pairs only alike rows of the same date, direction and amount, one to one, also when bounded', () => {
    const payees = ['Corner Cafe', 'corner cafe', 'Corner Cafe Ltd', 'Bakery', 'Bakery Two', ''];
    const arbitraryRow = fc.record({
      payee: fc.constantFrom(...payees),
      day: fc.constantFrom('2026-03-05', '2026-03-06'),
      amountMinor: fc.constantFrom(1230, 990),
      bankId: fc.option(fc.constantFrom('B1', 'B2', 'B3'), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryRow, { maxLength: 12 }),
        fc.array(arbitraryRow, { maxLength: 12 }),
        fc.constantFrom(0, 20_000),
        (given, ledger, budget) => {
          const stored = ledger.map((r) =>
            cafe({
              payee: r.payee,
              bookedOn: r.day,
              amountMinor: r.amountMinor,
              externalId: r.bankId ?? null,
            }),
          );
          const verdicts = classifyLines(
            lines(
              ...given.map((g) =>
                row(g.payee, {
                  occurredOn: g.day,
                  amountMinor: g.amountMinor,
                  ...(g.bankId ? { externalId: `F${g.bankId}` } : {}),
                }),
              ),
            ),
            { rows: stored, externalIds: new Set() },
            categoryOf,
            { budget },
          );
          const used = new Map<string, number>();
          for (const verdict of verdicts) {
            if (verdict.status !== 'DUPLICATE' || verdict.reason.startsWith('bank id')) continue;
            const line = verdict.row;
            const partner = stored.find(
              (r) =>
                r.bookedOn === line.occurredOn &&
                r.amountMinor === line.amountMinor &&
                payeeSimilarity(r.payee, line.payee) >= SIMILAR_PAYEE &&
                (line.externalId === undefined || r.externalId === null),
            );
            expect(partner).toBeDefined();
            const key = `${line.occurredOn}|${line.amountMinor}`;
            used.set(key, (used.get(key) ?? 0) + 1);
          }
          for (const [key, count] of used) {
            const room = stored.filter((r) => `${r.bookedOn}|${r.amountMinor}` === key).length;
            expect(count).toBeLessThanOrEqual(room);
          }
        },
      ),
      { numRuns: 300, seed: 20261205 },
    );
  });
});
