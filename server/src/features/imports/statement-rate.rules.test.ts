import { describe, expect, it } from 'vitest';
import { parseCamtImport } from './camt-import.rules';
import { parseCsvImport } from './csv-import.rules';
import { parseOfxImport } from './ofx-import.rules';

/** A card statement in OFX 1 (SGML): one line paid in yen, one in euros. */
const OFX_CARD = `OFXHEADER:100
DATA:OFXSGML
VERSION:102

<OFX>
<CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS>
<CURDEF>EUR
<BANKTRANLIST>
<STMTTRN>
<TRNTYPE>DEBIT
<DTPOSTED>20261204
<TRNAMT>-7.40
<FITID>CARD-0001
<NAME>RAMEN KOBO TOKYO
<ORIGCURRENCY>
<CURRATE>0.0061666
<CURSYM>JPY
</ORIGCURRENCY>
</STMTTRN>
<STMTTRN>
<TRNTYPE>DEBIT
<DTPOSTED>20261205
<TRNAMT>-3.20
<FITID>CARD-0002
<NAME>BAECKEREI
</STMTTRN>
</BANKTRANLIST>
</CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>
</OFX>`;

/** A camt.053 statement of one card entry booked in euros, instructed in US dollars. */
function camtCard(exchange: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt><Stmt><Acct><Id><IBAN>DE02100500000054540402</IBAN></Id></Acct>
<Ntry>
  <NtryRef>2026120400077</NtryRef>
  <Amt Ccy="EUR">11.63</Amt>
  <CdtDbtInd>DBIT</CdtDbtInd>
  <Sts><Cd>BOOK</Cd></Sts>
  <BookgDt><Dt>2026-12-04</Dt></BookgDt>
  <NtryDtls><TxDtls>
    <AmtDtls>
      <InstdAmt>
        <Amt Ccy="USD">12.50</Amt>
        <CcyXchg>${exchange}</CcyXchg>
      </InstdAmt>
    </AmtDtls>
    <RltdPties><Cdtr><Nm>Corner Deli New York</Nm></Cdtr></RltdPties>
  </TxDtls></NtryDtls>
</Ntry>
</Stmt></BkToCstmrStmt></Document>`;
}

describe('statement lines paid in another currency', () => {
  it('OFX: keeps the booked amount, CURRATE as printed and the yen behind it', () => {
    const [ramen, bakery] = parseOfxImport(OFX_CARD, { currency: 'EUR' });
    expect(ramen?.row).toMatchObject({
      amountMinor: 740,
      direction: 'expense',
      paid: { amountMinor: 1200, currency: 'JPY', rate: '0.0061666' },
    });
    expect(bakery?.row?.amountMinor).toBe(320);
    expect(bakery?.row?.paid).toBeUndefined();
  });

  it('OFX: a foreign line without a rate is a row error, not a guess', () => {
    const text = OFX_CARD.replace('<CURRATE>0.0061666\n', '');
    expect(parseOfxImport(text, { currency: 'EUR' })[0]?.error).toBe('ORIGCURRENCY has no CURRATE');
  });

  it('CAMT: keeps the instructed amount and the rate of one unit paid, exactly', () => {
    const [line] = parseCamtImport(
      camtCard(
        '<SrcCcy>USD</SrcCcy><TrgtCcy>EUR</TrgtCcy><UnitCcy>USD</UnitCcy><XchgRate>0.9304</XchgRate>',
      ),
      { currency: 'EUR' },
    );
    expect(line?.row).toMatchObject({
      amountMinor: 1163,
      payee: 'Corner Deli New York',
      paid: { amountMinor: 1250, currency: 'USD', rate: '0.9304' },
    });
  });

  it('CAMT: a rate of one euro (UnitCcy EUR) is inverted to 10 significant digits', () => {
    const [line] = parseCamtImport(
      camtCard(
        '<SrcCcy>EUR</SrcCcy><TrgtCcy>USD</TrgtCcy><UnitCcy>EUR</UnitCcy><XchgRate>1.0748</XchgRate>',
      ),
      { currency: 'EUR' },
    );
    // 1 / 1.0748 = 0.930405657…
    expect(line?.row?.paid).toEqual({ amountMinor: 1250, currency: 'USD', rate: '0.9304056569' });
  });

  it('CAMT: an instructed amount in the budget currency is a plain line', () => {
    const text = camtCard('<XchgRate>1</XchgRate>').replace(
      '<Amt Ccy="USD">12.50</Amt>',
      '<Amt Ccy="EUR">11.63</Amt>',
    );
    expect(parseCamtImport(text, { currency: 'EUR' })[0]?.row?.paid).toBeUndefined();
  });

  it('CAMT: a foreign amount without a rate is a row error', () => {
    const [line] = parseCamtImport(camtCard('<SrcCcy>USD</SrcCcy>'), { currency: 'EUR' });
    expect(line?.error).toBe('the amount in USD has no exchange rate');
  });

  it('CSV: reads the mapped original amount, currency and rate with the file’s decimal comma', () => {
    const text = [
      'Datum;Betrag;Empfänger;Originalbetrag;Währung;Kurs',
      '04.12.2026;-7,40;Ramen Kobo;1200;JPY;0,0061666',
      '05.12.2026;-3,20;Bäckerei;;;',
    ].join('\n');
    const lines = parseCsvImport(text, {
      delimiter: ';',
      hasHeader: true,
      columns: {
        date: 'Datum',
        amount: 'Betrag',
        payee: 'Empfänger',
        originalAmount: 'Originalbetrag',
        originalCurrencyCode: 'Währung',
        rate: 'Kurs',
      },
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
      signConvention: 'NEGATIVE_IS_EXPENSE',
      currency: 'EUR',
    });
    expect(lines.map((l) => [l.row?.amountMinor, l.row?.paid ?? null])).toEqual([
      [740, { amountMinor: 1200, currency: 'JPY', rate: '0.0061666' }],
      [320, null],
    ]);
  });

  it('CSV: a rate that is not an exact positive decimal is a row error', () => {
    const lines = parseCsvImport('d,a,c,r\n2026-12-04,-7.40,JPY,abc', {
      delimiter: ',',
      hasHeader: true,
      columns: { date: 'd', amount: 'a', originalCurrencyCode: 'c', rate: 'r' },
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
      signConvention: 'NEGATIVE_IS_EXPENSE',
      currency: 'EUR',
    });
    expect(lines[0]?.error).toBe('the rate "abc" is not a positive decimal (at most 12 decimals)');
  });
});
