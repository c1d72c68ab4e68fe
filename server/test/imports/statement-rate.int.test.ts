import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { budgetClient, fixedClock, ONBOARD } from '../budget/budget-client';

const clock = fixedClock('2026-12-07T09:00:00Z');

/** A camt.053 statement: one card entry booked in euros for an amount paid in US dollars. */
const CAMT_CARD = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt><Stmt><Acct><Id><IBAN>DE02100500000054540402</IBAN></Id></Acct>
<Ntry>
  <NtryRef>2026120400077</NtryRef>
  <Amt Ccy="EUR">11.63</Amt>
  <CdtDbtInd>DBIT</CdtDbtInd>
  <Sts><Cd>BOOK</Cd></Sts>
  <BookgDt><Dt>2026-12-04</Dt></BookgDt>
  <NtryDtls><TxDtls>
    <AmtDtls><InstdAmt>
      <Amt Ccy="USD">12.50</Amt>
      <CcyXchg><SrcCcy>USD</SrcCcy><TrgtCcy>EUR</TrgtCcy><UnitCcy>USD</UnitCcy><XchgRate>0.9304</XchgRate></CcyXchg>
    </InstdAmt></AmtDtls>
    <RltdPties><Cdtr><Nm>Corner Deli New York</Nm></Cdtr></RltdPties>
  </TxDtls></NtryDtls>
</Ntry>
<Ntry>
  <NtryRef>2026120500078</NtryRef>
  <Amt Ccy="EUR">3.20</Amt>
  <CdtDbtInd>DBIT</CdtDbtInd>
  <Sts><Cd>BOOK</Cd></Sts>
  <BookgDt><Dt>2026-12-05</Dt></BookgDt>
  <NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Bäckerei am Markt</Nm></Cdtr></RltdPties></TxDtls></NtryDtls>
</Ntry>
</Stmt></BkToCstmrStmt></Document>`;

/** The same kind of line in an OFX card statement, paid in yen. */
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
</BANKTRANLIST>
</CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>
</OFX>`;

const IMPORT = `mutation($input: ImportTransactionsInput!) {
  importTransactions(input: $input) { committed imported failed } }`;
const CHANGES = `{ changes { changes { kind transaction {
  merchant bookedOn amount { amount currency } paidAmount { amount currency }
  rate rateOn rateSource rateEstimated } } } }`;

interface Tx {
  merchant: string | null;
  bookedOn: string;
  amount: { amount: string; currency: string };
  paidAmount: { amount: string; currency: string } | null;
  rate: string | null;
  rateOn: string | null;
  rateSource: string | null;
  rateEstimated: boolean;
}

describe(`imports keep a statement line's own currency and rate (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock, config: { FX_ECB_URL: '' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function importAs(format: string, content: string): Promise<Tx[]> {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, {
      input: { currency: 'EUR', region: 'DE', timeZone: 'Europe/Berlin', income: '3000.00' },
    });
    const report = await client.call<{ importTransactions: { failed: number; imported: number } }>(
      IMPORT,
      { input: { importId: randomUUID(), format, content } },
    );
    expect(report.importTransactions.failed).toBe(0);
    const data = await client.call<{ changes: { changes: { kind: string; transaction: Tx }[] } }>(
      CHANGES,
    );
    return data.changes.changes
      .filter((change) => change.kind === 'TRANSACTION')
      .map((change) => change.transaction)
      .sort((a, b) => (a.bookedOn < b.bookedOn ? -1 : 1));
  }

  it('camt.053: a card line paid in dollars keeps its dollars and the statement’s rate; the euros booked stay', async () => {
    const [deli, bakery] = await importAs('CAMT053', CAMT_CARD);
    expect(deli).toEqual({
      merchant: 'Corner Deli New York',
      bookedOn: '2026-12-04',
      amount: { amount: '11.63', currency: 'EUR' },
      paidAmount: { amount: '12.50', currency: 'USD' },
      rate: '0.9304',
      rateOn: '2026-12-04',
      rateSource: 'STATEMENT',
      rateEstimated: false,
    });
    expect(bakery).toMatchObject({
      amount: { amount: '3.20', currency: 'EUR' },
      paidAmount: null,
      rate: null,
      rateSource: null,
    });
  });

  it('CSV: a saved mapping keeps the original amount, currency and rate columns; the import reads them', async () => {
    const header = ['Datum', 'Betrag', 'Empfänger', 'Originalbetrag', 'Währung', 'Kurs'];
    const columns = {
      date: 'Datum',
      amount: 'Betrag',
      payee: 'Empfänger',
      originalAmount: 'Originalbetrag',
      originalCurrencyCode: 'Währung',
      rate: 'Kurs',
    };
    const csv = { delimiter: ';', hasHeader: true, columns };
    const content = `${header.join(';')}\n04.12.2026;-7,40;Ramen Kobo;1200;JPY;0,0061666\n`;
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, {
      input: { currency: 'EUR', region: 'DE', timeZone: 'Europe/Berlin', income: '3000.00' },
    });
    const saved = await client.call<{
      saveCsvMapping: { csvMapping: { columns: Record<string, string | null> } };
    }>(
      `mutation($input: SaveCsvMappingInput!) { saveCsvMapping(input: $input) { csvMapping {
        columns { originalAmount originalCurrencyCode rate } } } }`,
      {
        input: {
          name: 'Karte',
          header,
          ...csv,
          dateFormat: 'DD_MM_YYYY_DOTS',
          decimalSeparator: 'COMMA',
          signConvention: 'NEGATIVE_IS_EXPENSE',
        },
      },
    );
    expect(saved.saveCsvMapping.csvMapping.columns).toEqual({
      originalAmount: 'Originalbetrag',
      originalCurrencyCode: 'Währung',
      rate: 'Kurs',
    });
    await client.call(IMPORT, {
      input: {
        importId: randomUUID(),
        format: 'CSV',
        content,
        csv,
        dateFormat: 'DD_MM_YYYY_DOTS',
        decimalSeparator: 'COMMA',
      },
    });
    const data = await client.call<{ changes: { changes: { kind: string; transaction: Tx }[] } }>(
      CHANGES,
    );
    expect(data.changes.changes.find((c) => c.kind === 'TRANSACTION')?.transaction).toMatchObject({
      amount: { amount: '7.40', currency: 'EUR' },
      paidAmount: { amount: '1200', currency: 'JPY' },
      rate: '0.0061666',
      rateSource: 'STATEMENT',
    });
  });

  it('OFX: a card line with ORIGCURRENCY keeps the yen paid and CURRATE', async () => {
    const [ramen] = await importAs('OFX', OFX_CARD);
    expect(ramen).toMatchObject({
      amount: { amount: '7.40', currency: 'EUR' },
      paidAmount: { amount: '1200', currency: 'JPY' },
      rate: '0.0061666',
      rateOn: '2026-12-04',
      rateSource: 'STATEMENT',
    });
  });
});
