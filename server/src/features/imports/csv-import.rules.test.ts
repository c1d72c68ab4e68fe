import { describe, expect, it } from 'vitest';
import { parseCsvImport, type CsvOptions } from './csv-import.rules';
import { escapeFormula } from './transaction-export.service';

const US: CsvOptions = {
  delimiter: ',',
  hasHeader: true,
  columns: {
    date: 'Date',
    amount: 'Amount',
    payee: 'Payee',
    memo: 'Memo',
    category: 'Category',
    externalId: 'Id',
  },
  dateFormat: 'MM/DD/YYYY',
  decimalSeparator: '.',
  signConvention: 'NEGATIVE_IS_EXPENSE',
  currency: 'USD',
};

describe('parseCsvImport', () => {
  it('reads mapped columns into positive amounts with a direction', () => {
    const text =
      'Date,Amount,Payee,Memo,Category,Id\n03/05/2026,-12.30,Corner Cafe,latte,coffee,A1\n03/06/2026,"2,500.00",ACME Payroll,,,A2\n';
    expect(parseCsvImport(text, US)).toEqual([
      {
        line: 2,
        row: {
          occurredOn: '2026-03-05',
          amountMinor: 1230,
          direction: 'expense',
          payee: 'Corner Cafe',
          memo: 'latte',
          categoryId: 'coffee',
          externalId: 'A1',
        },
      },
      {
        line: 3,
        row: {
          occurredOn: '2026-03-06',
          amountMinor: 250000,
          direction: 'income',
          payee: 'ACME Payroll',
          memo: '',
          externalId: 'A2',
        },
      },
    ]);
  });

  it.each([
    ['DD.MM.YYYY', ',', ';', '05.03.2026;-1.234,56;Miete', '2026-03-05', 123456],
    ['DD/MM/YYYY', ',', ';', '05/03/2026;-12,3;Boulangerie', '2026-03-05', 1230],
    ['YYYY-MM-DD', '.', '\t', '2026-03-05\t-9.99\tShop', '2026-03-05', 999],
  ] as const)(
    'reads %s dates with %s decimals',
    (dateFormat, decimalSeparator, delimiter, line, occurredOn, amountMinor) => {
      const options: CsvOptions = {
        ...US,
        delimiter,
        hasHeader: false,
        dateFormat,
        decimalSeparator,
        columns: { date: '0', amount: '1', payee: '2' },
      };
      expect(parseCsvImport(line, options)).toEqual([
        {
          line: 1,
          row: {
            occurredOn,
            amountMinor,
            direction: 'expense',
            payee: expect.any(String) as string,
            memo: '',
          },
        },
      ]);
    },
  );

  it('reads debit and credit columns', () => {
    const options: CsvOptions = {
      ...US,
      columns: { date: 'Date', debit: 'Out', credit: 'In', payee: 'Payee' },
    };
    const rows = parseCsvImport(
      'Date,Out,In,Payee\n03/01/2026,10.00,,Shop\n03/02/2026,,99.00,Refund\n',
      options,
    );
    expect(rows.map((r) => [r.row?.direction, r.row?.amountMinor])).toEqual([
      ['expense', 1000],
      ['income', 9900],
    ]);
  });

  it('reports a bad row with its line and reason, and keeps reading', () => {
    const rows = parseCsvImport(
      'Date,Amount,Payee\n13/45/2026,-1.00,X\n03/01/2026,-1.005,Y\n03/01/2026,-1.00,Z\n',
      { ...US, columns: { date: 'Date', amount: 'Amount', payee: 'Payee' } },
    );
    expect(rows.map((r) => [r.line, r.error ?? 'ok'])).toEqual([
      [2, '"13/45/2026" is not a date in MM/DD/YYYY'],
      [3, '"-1.005" is not an amount in USD'],
      [4, 'ok'],
    ]);
  });

  it('refuses a mapping to a column the file does not have', () => {
    expect(() =>
      parseCsvImport('Date,Amount\n', { ...US, columns: { date: 'Date', amount: 'Betrag' } }),
    ).toThrow(/Betrag/);
  });
});

describe('re-importing our own export', () => {
  it.each(["=cmd|' /C calc'!A0", '@SUM(1+1)', '+1+1', '-2+3', '\tTAB', '\rCR', "'quoted", 'plain'])(
    'reads back %j as it was written before the export escaped it',
    (text) => {
      const cell = `"${escapeFormula(text).replaceAll('"', '""')}"`;
      const csv = `Date,Amount,Payee,Memo,Category,Id\n03/05/2026,-1.00,${cell},${cell},,X\n`;
      const [parsed] = parseCsvImport(csv, US);
      expect(parsed?.row).toMatchObject({ payee: text, memo: text });
    },
  );
});
