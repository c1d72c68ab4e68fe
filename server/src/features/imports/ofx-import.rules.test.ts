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

  // Hostile sizes: the old parser searched from each opening tag to the file's end and counted
  // lines from the file's start for each statement, so these sizes cost minutes; now one pass.
  const tiny = (n: number) =>
    `<STMTTRN>\n<TRNTYPE>DEBIT\n<DTPOSTED>20260305\n<TRNAMT>-1.${String(n % 100).padStart(2, '0')}\n<FITID>F${n}\n<NAME>SHOP ${n}\n</STMTTRN>\n`;

  it('reads 8,000 tiny statements, each with its own line', () => {
    const text = `OFXHEADER:100\n<OFX>\n${Array.from({ length: 8000 }, (_, n) => tiny(n)).join('')}</OFX>\n`;
    const rows = parseOfxImport(text, { currency: 'USD' });
    expect(rows).toHaveLength(8000);
    expect(rows[0]?.line).toBe(3);
    expect(rows[7999]).toEqual({
      line: 3 + 7999 * 7,
      row: {
        occurredOn: '2026-03-05',
        amountMinor: 199,
        direction: 'expense',
        payee: 'SHOP 7999',
        memo: '',
        externalId: 'F7999',
      },
    });
  });

  it('stays linear at sizes where a quadratic pass would outlast the test timeout', () => {
    const many = Array.from({ length: 60_000 }, (_, n) => tiny(n)).join('');
    expect(parseOfxImport(`<OFX>\n${many}`, { currency: 'USD' })).toHaveLength(60_000);
    // Unbalanced: 200,000 opening tags and no closing one read as no statements.
    expect(
      parseOfxImport(`<OFX>${'<STMTTRN><NAME>x'.repeat(200_000)}`, { currency: 'USD' }),
    ).toEqual([]);
    // An opening tag inside an aggregate stays part of it, as before.
    const nested = parseOfxImport(
      `<OFX><STMTTRN><DTPOSTED>20260301<TRNAMT>-2.00<STMTTRN><NAME>A</STMTTRN>`,
      { currency: 'USD' },
    );
    expect(nested).toEqual([
      {
        line: 1,
        row: {
          occurredOn: '2026-03-01',
          amountMinor: 200,
          direction: 'expense',
          payee: 'A',
          memo: '',
        },
      },
    ]);
  });
});
