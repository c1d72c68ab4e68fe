import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RowError } from './import-row.rules';
import { detailsOf, parseMt940Import } from './mt940-import.rules';

const SAMPLE = readFileSync(
  path.resolve(import.meta.dirname, '../../../test/imports/fixtures/mt940-sample.sta'),
  'utf8',
);

const statement = (lines: string) =>
  `:20:STARTUMS\n:25:10050000/54540402\n:28C:1/1\n:60F:C260301EUR100,00\n${lines}\n:62F:C260331EUR100,00\n-`;

describe('parseMt940Import', () => {
  it('reads every statement of a multi-statement file, with German :86: subfields', () => {
    const lines = parseMt940Import(SAMPLE, { currency: 'EUR' });
    expect(
      lines.map((l) => [l.line, l.row?.occurredOn, l.row?.direction, l.row?.amountMinor]),
    ).toEqual([
      [6, '2026-03-02', 'expense', 2340],
      [9, '2026-03-04', 'income', 285000],
      [12, '2026-03-05', 'expense', 9620],
      [21, '2026-03-06', 'expense', 4550],
      [23, '2026-03-06', 'income', 1200],
      [25, '2026-01-02', 'expense', 875],
    ]);
    expect(lines.map((l) => [l.row?.payee, l.row?.memo])).toEqual([
      ['Müller Bäckerei', 'Kartenzahlung 02.03 08:12 Broetchen'],
      ['Nordlicht Logistik GmbH', 'Gehalt März 2026'],
      ['Stadtwerke Köln', 'Abschlag Strom März'],
      ['Fitnessstudio Öztürk', 'Mitgliedsbeitrag März 2026'],
      ['Streamingdienst Europa', 'Rueckbuchung Lastschrift'],
      ['', 'Cafe am Dom Köln Kartenzahlung'],
    ]);
    expect(lines[1]?.row?.externalId).toBe('2603040077881');
    expect(lines[0]?.row?.externalId).toMatch(/^mt940:[0-9a-f]{32}$/);
    expect(parseMt940Import(SAMPLE, { currency: 'EUR' })).toEqual(lines);
  });

  it.each([
    [
      'a debit with a decimal comma',
      '2603050305D1234,56NTRFNONREF',
      { occurredOn: '2026-03-05', amountMinor: 123456, direction: 'expense' },
    ],
    [
      'a credit without decimals',
      '260305C12,NTRFNONREF',
      { amountMinor: 1200, direction: 'income' },
    ],
    ['a reversal of a debit is money in', '260305RD3,00NRTINONREF', { direction: 'income' }],
    ['a reversal of a credit is money out', '260305RC3,00NRTINONREF', { direction: 'expense' }],
    [
      'a funds code letter',
      '2603050306CR50,00NTRFNONREF',
      { occurredOn: '2026-03-06', direction: 'income', amountMinor: 5000 },
    ],
    [
      'the entry date, not the value date',
      '2603070305D1,00NMSCNONREF',
      { occurredOn: '2026-03-05' },
    ],
    ['an entry date in the next year', '2512311231D1,00NMSC', { occurredOn: '2025-12-31' }],
    ['an entry date in the last year', '2601011231D1,00NMSC', { occurredOn: '2025-12-31' }],
    [
      'the customer reference when there is no bank one',
      '260305D1,00NTRFKD-4711',
      { externalId: 'KD-4711' },
    ],
    [
      'the bank reference first',
      '260305D1,00NTRFKD-4711//B-99\nsupplementary',
      { externalId: 'B-99' },
    ],
  ])('%s', (_, line, expected) => {
    const [read] = parseMt940Import(statement(`:61:${line}`), { currency: 'EUR' });
    expect(read?.error).toBeUndefined();
    expect(read?.row).toMatchObject(expected);
  });

  it.each([
    [
      '166?00GUTSCHRIFT?20SVWZ+Rechnung 12?21345?32ACME?33 GmbH',
      { payee: 'ACME GmbH', memo: 'Rechnung 12345' },
    ],
    [
      '105?00LASTSCHRIFT?20EREF+X1 MREF+M2?21 SVWZ+Beitrag?32Verein',
      { payee: 'Verein', memo: 'Beitrag' },
    ],
    ['020?00UEBERWEISUNG?20Miete April?60Wohnung 3', { payee: '', memo: 'Miete AprilWohnung 3' }],
    ['835?00ENTGELT', { payee: '', memo: 'ENTGELT' }],
    ['Free text\nover two lines', { payee: '', memo: 'Free text over two lines' }],
  ])(':86: %s', (details, expected) => {
    expect(detailsOf(details)).toEqual(expected);
  });

  it.each([
    ['a bad date', ':61:260230D1,00NMSC', '"260230" is not a date'],
    [
      'an unreadable line',
      ':61:yesterday D 12 EUR',
      '":61:yesterday D 12 EUR" is not a statement line',
    ],
    ['a zero amount', ':61:260305D0,00NMSC', 'amount is zero'],
  ])('a row with %s carries its problem', (_, line, error) => {
    expect(parseMt940Import(statement(line), { currency: 'EUR' })).toEqual([{ line: 5, error }]);
  });

  it.each([
    ['CSV', 'date,amount\n2026-03-01,-1.00\n', 'the file is not an MT940 statement'],
    [
      'a statement without entries',
      ':20:X\n:60F:C260301EUR1,00\n-',
      'the file is not an MT940 statement',
    ],
    [
      'another currency',
      statement(':61:260305D1,00NMSC').replace(/EUR/g, 'CHF'),
      'the statement is in CHF; the budget is in EUR',
    ],
  ])('refuses %s with a typed error', (_, text, message) => {
    expect(() => parseMt940Import(text, { currency: 'EUR' })).toThrow(RowError);
    expect(() => parseMt940Import(text, { currency: 'EUR' })).toThrow(message);
  });
});
