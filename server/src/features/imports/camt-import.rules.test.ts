import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCamtImport } from './camt-import.rules';
import { RowError } from './import-row.rules';

const SAMPLE = readFileSync(
  path.resolve(import.meta.dirname, '../../../test/imports/fixtures/camt053-sample.xml'),
  'utf8',
);

/** A statement of one entry in camt.053 version `version`, the entry's XML given. */
function statement(entry: string, version = '02'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}">
<BkToCstmrStmt><Stmt><Acct><Id><IBAN>DE02100500000054540402</IBAN></Id></Acct>
<Ntry>${entry}</Ntry>
</Stmt></BkToCstmrStmt></Document>`;
}

describe('parseCamtImport', () => {
  it('reads the sample: a debit, a credit, a batch split per transaction, a pending notice', () => {
    const lines = parseCamtImport(SAMPLE, { currency: 'EUR' });
    expect(
      lines.map((l) => [l.line, l.row?.occurredOn, l.row?.direction, l.row?.amountMinor]),
    ).toEqual([
      [37, '2026-03-03', 'expense', 2340],
      [65, '2026-03-04', 'income', 285000],
      [109, '2026-03-05', 'expense', 9620],
      [127, '2026-03-05', 'expense', 4550],
      [147, '2026-03-09', 'expense', 1299],
    ]);
    expect(lines[0]?.row).toMatchObject({
      payee: 'Müller Bäckerei',
      memo: 'Kartenzahlung 03.03 08:12 Brötchen & Kaffee',
      externalId: '2026030300012345',
    });
    expect(lines[1]?.row).toMatchObject({
      payee: 'Nordlicht Logistik GmbH',
      memo: 'Gehalt März 2026',
    });
    expect(lines[3]?.row).toMatchObject({
      payee: 'Fitnessstudio Öztürk',
      memo: 'Mitgliedsbeitrag März 2026',
      externalId: '2026030500031415-2',
    });
    expect(lines.map((l) => (l.row ? l.notice : l.error))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'the bank has not booked this entry yet (status PDNG)',
    ]);
    expect(lines[4]?.row?.externalId).toMatch(/^camt:[0-9a-f]{32}$/);
  });

  it('gives a row without a bank reference the same id on every read, and twins different ones', () => {
    const twin = `<Amt Ccy="EUR">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-03</Dt></BookgDt>`;
    const text = statement(`${twin}</Ntry><Ntry>${twin}`);
    const first = parseCamtImport(text, { currency: 'EUR' }).map((l) => l.row?.externalId);
    const again = parseCamtImport(text, { currency: 'EUR' }).map((l) => l.row?.externalId);
    expect(first).toEqual(again);
    expect(new Set(first).size).toBe(2);
  });

  it.each([
    [
      'version .08: Sts/Cd, DtTm, Pty/Nm, AddtlNtryInf',
      '08',
      `<Amt Ccy="EUR">1234.5</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
       <BookgDt><DtTm>2026-03-31T23:10:00+02:00</DtTm></BookgDt><AddtlNtryInf>Erstattung</AddtlNtryInf>
       <NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Finanzamt Köln</Nm></Pty></Dbtr></RltdPties></TxDtls></NtryDtls>`,
      {
        occurredOn: '2026-03-31',
        amountMinor: 123450,
        direction: 'income',
        payee: 'Finanzamt Köln',
        memo: 'Erstattung',
      },
    ],
    [
      'no booking date: the value date',
      '04',
      `<Amt Ccy="EUR">0.01</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><ValDt><Dt>2026-02-28</Dt></ValDt><NtryRef>R-9</NtryRef>`,
      { occurredOn: '2026-02-28', amountMinor: 1, direction: 'expense', externalId: 'R-9' },
    ],
    [
      'EndToEndId when the bank gives no reference; NOTPROVIDED is none',
      '05',
      `<Amt Ccy="EUR">7.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt>
       <AcctSvcrRef>NOTPROVIDED</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>E2E-1</EndToEndId></Refs></TxDtls></NtryDtls>`,
      { externalId: 'E2E-1' },
    ],
    [
      'numeric character references',
      '06',
      `<Amt Ccy="EUR">3.10</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt>
       <NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Caf&#233; K&#xF6;ln</Nm></Cdtr></RltdPties></TxDtls></NtryDtls>`,
      { payee: 'Café Köln' },
    ],
  ])('%s', (_, version, entry, expected) => {
    const [line] = parseCamtImport(statement(entry, version), { currency: 'EUR' });
    expect(line?.error).toBeUndefined();
    expect(line?.row).toMatchObject(expected);
  });

  it.each([
    [
      'another currency',
      `<Amt Ccy="USD">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt>`,
      'the entry is in USD; the budget is in EUR',
    ],
    [
      'no date',
      `<Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>`,
      'the entry has no booking or value date',
    ],
    [
      'an impossible date',
      `<Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-02-30</Dt></BookgDt>`,
      '"2026-02-30" is not a date',
    ],
    [
      'no direction',
      `<Amt Ccy="EUR">1.00</Amt><Sts>BOOK</Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt>`,
      'CdtDbtInd is neither DBIT nor CRDT',
    ],
    [
      'a negative amount',
      `<Amt Ccy="EUR">-1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt>`,
      '"-1.00" is not a positive amount',
    ],
  ])('a row with %s carries its problem', (_, entry, error) => {
    expect(parseCamtImport(statement(entry), { currency: 'EUR' })).toEqual([{ line: 4, error }]);
  });

  it.each([
    [
      'another XML document',
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>',
      'the file is not a camt.053 statement',
    ],
    [
      'camt.052 (an intraday report)',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt/></Document>',
      'the file is not a camt.053 statement',
    ],
    [
      'a DOCTYPE with entities',
      `<!DOCTYPE d [<!ENTITY x "${'y'.repeat(10)}">]>${statement('<Amt>&x;</Amt>')}`,
      'the XML declares a DOCTYPE',
    ],
    ['broken XML', statement('<Amt Ccy="EUR">1.00</Am>'), 'the XML is not well-formed'],
    [
      'deep nesting',
      statement('<A>'.repeat(100) + '</A>'.repeat(100)),
      'the XML is nested too deeply',
    ],
    ['CSV', 'date,amount\n2026-03-01,-1.00\n', 'the file is not a camt.053 statement'],
  ])('refuses %s with a typed error', (_, text, message) => {
    expect(() => parseCamtImport(text, { currency: 'EUR' })).toThrow(RowError);
    expect(() => parseCamtImport(text, { currency: 'EUR' })).toThrow(message);
  });
});
