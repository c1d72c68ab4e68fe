import { describe, expect, it } from 'vitest';
import { parseOfxImport } from './ofx-import.rules';

const SGML = `OFXHEADER:100
DATA:OFXSGML
VERSION:102

<OFX>
<BANKMSGSRSV1><STMTTRNRS><STMTRS>
<CURDEF>USD
<BANKTRANLIST>
<DTSTART>20260301
<STMTTRN>
<TRNTYPE>DEBIT
<DTPOSTED>20260305120000.000[-5:EST]
<TRNAMT>-42.17
<FITID>202603050001
<NAME>WHOLE FOODS &amp; CO
<MEMO>POS PURCHASE
</STMTTRN>
<STMTTRN>
<TRNTYPE>CREDIT
<DTPOSTED>20260306
<TRNAMT>2500.00
<FITID>202603060002
<NAME>ACME PAYROLL
</STMTTRN>
<STMTTRN>
<TRNTYPE>DEBIT
<DTPOSTED>2026-03-07
<TRNAMT>-1.00
<FITID>202603070003
</STMTTRN>
</BANKTRANLIST>
</STMTRS></STMTTRNRS></BANKMSGSRSV1>
</OFX>`;

const XML = `<?xml version="1.0"?><?OFX OFXHEADER="200" VERSION="220"?>
<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR</CURDEF><BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20260310</DTPOSTED><TRNAMT>-3,50</TRNAMT><FITID>X9</FITID><NAME>Bakery</NAME></STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;

describe('parseOfxImport', () => {
  it('reads SGML statement transactions, FITID as the bank id', () => {
    const rows = parseOfxImport(SGML, { currency: 'USD' });
    expect(rows[0]).toEqual({
      line: 10,
      row: {
        occurredOn: '2026-03-05',
        amountMinor: 4217,
        direction: 'expense',
        payee: 'WHOLE FOODS & CO',
        memo: 'POS PURCHASE',
        externalId: '202603050001',
      },
    });
    expect(rows[1]?.row).toMatchObject({
      occurredOn: '2026-03-06',
      amountMinor: 250000,
      direction: 'income',
      payee: 'ACME PAYROLL',
      externalId: '202603060002',
    });
    expect(rows[2]).toEqual({ line: 25, error: 'DTPOSTED "2026-03-07" is not a date' });
  });

  it('reads XML (OFX 2) with a decimal comma', () => {
    expect(parseOfxImport(XML, { currency: 'EUR' })).toEqual([
      {
        line: 3,
        row: {
          occurredOn: '2026-03-10',
          amountMinor: 350,
          direction: 'expense',
          payee: 'Bakery',
          memo: '',
          externalId: 'X9',
        },
      },
    ]);
  });

  it.each([
    [XML, 'USD', /statement is in EUR/],
    ['Date,Amount\n', 'USD', /not OFX/],
  ])('refuses a file it cannot import (%#)', (text, currency, message) => {
    expect(() => parseOfxImport(text, { currency })).toThrow(message);
  });
});
