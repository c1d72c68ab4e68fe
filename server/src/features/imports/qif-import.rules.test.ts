import { describe, expect, it } from 'vitest';
import { parseQifImport } from './qif-import.rules';

const QIF = `!Type:Bank
D03/05/2026
T-42.17
PWhole Foods
MWeekly shop
Lgroceries
^
D3/6'26
T2,500.00
PACME Payroll
^
D03/07/2026
T-10.00
PTransfer to savings
L[Savings]
^
D02/30/2026
T-1.00
PBad date
^
`;

describe('parseQifImport', () => {
  it('reads bank records, the Quicken short year, categories but not transfers', () => {
    const rows = parseQifImport(QIF, {
      currency: 'USD',
      dateFormat: 'MM/DD/YYYY',
      decimalSeparator: '.',
    });
    expect(rows).toEqual([
      {
        line: 2,
        row: {
          occurredOn: '2026-03-05',
          amountMinor: 4217,
          direction: 'expense',
          payee: 'Whole Foods',
          memo: 'Weekly shop',
          categoryId: 'groceries',
        },
      },
      {
        line: 8,
        row: {
          occurredOn: '2026-03-06',
          amountMinor: 250000,
          direction: 'income',
          payee: 'ACME Payroll',
          memo: '',
        },
      },
      {
        line: 12,
        row: {
          occurredOn: '2026-03-07',
          amountMinor: 1000,
          direction: 'expense',
          payee: 'Transfer to savings',
          memo: '',
        },
      },
      { line: 17, error: '"02/30/2026" is not a date in MM/DD/YYYY' },
    ]);
  });

  it.each([
    ['DD.MM.YYYY', ',', 'D05.03.2026\nT-1.234,56\nPMiete\n^\n', '2026-03-05', 123456],
    ['DD/MM/YYYY', '.', 'D05/03/2026\nU-9.99\n^\n', '2026-03-05', 999],
  ] as const)(
    'reads %s dates with %s decimals',
    (dateFormat, decimalSeparator, text, occurredOn, amountMinor) => {
      expect(
        parseQifImport(`!Type:Bank\n${text}`, { currency: 'EUR', dateFormat, decimalSeparator })[0]
          ?.row,
      ).toMatchObject({ occurredOn, amountMinor });
    },
  );
});
