import { describe, expect, it } from 'vitest';
import { csvDelimiterOf, detectBankFileFormat } from './import-format';

const CAMT =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">\n<BkToCstmrStmt>';
const MT940 =
  '{1:F01COBADEFFXXXX0000000000}{2:O940}{4:\n:20:STARTUMS\n:25:1/2\n:60F:C260301EUR1,00\n:61:260305D1,00NMSC\n-}';

describe('detectBankFileFormat', () => {
  it.each([
    ['statement.xml', CAMT, 'CAMT053'],
    ['export.camt', CAMT, 'CAMT053'],
    ['umsatz.txt', MT940, 'MT940'],
    ['konto.sta', ':20:X\r\n:61:260305C1,00NTRF\r\n', 'MT940'],
    ['bank.qfx', 'OFXHEADER:100\nDATA:OFXSGML', 'QFX'],
    ['bank.dat', '<OFX><BANKMSGSRSV1>', 'OFX'],
    ['money.txt', '!Type:Bank\nD03/05/2026', 'QIF'],
    ['bank.csv', 'Date,Amount\n2026-03-01,-1.00', 'CSV'],
    ['umsaetze.txt', 'Buchungstag;Betrag\n01.03.2026;-1,00', 'CSV'],
    [
      'other.xml',
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">',
      'CAMT053',
    ],
    ['photo.png', '\u0089PNG', null],
  ])('%s is %s', (name, content, format) => {
    expect(detectBankFileFormat(name, content)).toBe(format);
  });
});

describe('csvDelimiterOf', () => {
  it.each([
    ['Date,Amount,Payee', ','],
    ['Buchungstag;Betrag;"Empfänger, Name"', ';'],
    ['Date\tAmount', '\t'],
  ])('%j', (header, delimiter) => {
    expect(csvDelimiterOf(`${header}\nx`)).toBe(delimiter);
  });
});
