import { describe, expect, it } from 'vitest';
import { headerSignatureOf, mappingProblem } from './csv-mapping.rules';

describe('headerSignatureOf', () => {
  it.each([
    [['Date', 'Amount'], [' date', 'AMOUNT '], true],
    [['\uFEFFBuchungstag', '"Betrag"'], ['buchungstag', 'betrag'], true],
    [['Booking  date', 'Amount'], ['booking date', 'amount'], true],
    [['Date', 'Amount'], ['Amount', 'Date'], false],
    [['Date', 'Amount'], ['Date', 'Amount', 'Payee'], false],
  ])('%j and %j match: %s', (left, right, same) => {
    expect(headerSignatureOf(left) === headerSignatureOf(right)).toBe(same);
  });
});

describe('mappingProblem', () => {
  const base = {
    name: 'Bank',
    header: ['Date', 'Amount', 'Out', 'In'],
    delimiter: ',',
    columns: { date: 'date', amount: 'Amount' },
  };
  it.each([
    ['a valid mapping', {}, null],
    ['columns by number', { columns: { date: '0', debit: '2', credit: '3' } }, null],
    ['an empty name', { name: '  ' }, 'the name must have 1 to 60 characters'],
    ['no header', { header: [] }, 'the header must have 1 to 200 columns'],
    ['a long delimiter', { delimiter: ';;' }, 'the delimiter must be one character'],
    [
      'no amount',
      { columns: { date: 'Date' } },
      'map an amount column, or debit and credit columns',
    ],
    [
      'an unknown column',
      { columns: { date: 'Datum', amount: 'Amount' } },
      'the date column "Datum" is not in the header',
    ],
    [
      'a column number past the header',
      { columns: { date: '9', amount: 'Amount' } },
      'the date column "9" is not in the header',
    ],
  ])('%s', (_, change, problem) => {
    expect(mappingProblem({ ...base, ...change })).toBe(problem);
  });
});
