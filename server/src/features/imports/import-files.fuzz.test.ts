import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCamtImport } from './camt-import.rules';
import { parseCsvImport, type CsvOptions } from './csv-import.rules';
import { RowError, type ParsedLine } from './import-row.rules';
import { parseMt940Import } from './mt940-import.rules';
import { parseOfxImport } from './ofx-import.rules';
import { parseQifImport } from './qif-import.rules';

/**
 * Hostile-file fuzzer for the CSV, OFX, QIF, camt.053 and MT940 readers: seeds mutated with
 * hostile fragments (NUL, lone surrogates, huge lines, deep nesting, unbalanced tags and quotes,
 * a DOCTYPE) and arbitrary UTF-16.
 * Each reader either refuses the file with a typed RowError or returns one entry per row, each
 * parsed or carrying its problem. Runs are bounded by count (no clock).
 */
const CSV: CsvOptions = {
  delimiter: ',',
  hasHeader: true,
  columns: { date: 'Date', amount: 'Amount', payee: 'Payee', memo: 'Memo', externalId: 'Id' },
  dateFormat: 'MM/DD/YYYY',
  decimalSeparator: '.',
  signConvention: 'NEGATIVE_IS_EXPENSE',
  currency: 'USD',
};
const SEEDS = {
  csv: 'Date,Amount,Payee,Memo,Id\n03/05/2026,-12.30,Corner Cafe,latte,A1\n03/06/2026,"2,500.00",ACME,,A2\n',
  ofx: '<OFX><CURDEF>USD<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260305<TRNAMT>-1.00<FITID>1<NAME>A &amp; B</STMTTRN></BANKTRANLIST></OFX>',
  qif: '!Type:Bank\nD03/05/2026\nT-12.30\nPCorner Cafe\n^\nD03/06/2026\nT2,500.00\nPACME\n^\n',
  camt: '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="USD">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-05</Dt></BookgDt><NtryDtls><TxDtls><AmtDtls><TxAmt><Amt Ccy="USD">0.40</Amt></TxAmt></AmtDtls></TxDtls><TxDtls><Amt Ccy="USD">0.60</Amt></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>',
  mt940:
    ':20:X\n:25:1/2\n:60F:C260301USD1,00\n:61:2603050305D12,30NMSCNONREF//B1\n:86:166?00X?20SVWZ+Miete?32Hans\n:61:260306C1,00NTRF\n:86:Text\n-\n',
};
const parsers = {
  csv: (text: string) => parseCsvImport(text, CSV),
  ofx: (text: string) => parseOfxImport(text, { currency: 'USD' }),
  qif: (text: string) =>
    parseQifImport(text, { currency: 'USD', dateFormat: 'MM/DD/YYYY', decimalSeparator: '.' }),
  camt: (text: string) => parseCamtImport(text, { currency: 'USD' }),
  mt940: (text: string) => parseMt940Import(text, { currency: 'USD' }),
};

const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const hostile = fc.oneof(
  fc.constantFrom(
    '\u0000',
    '\ud800',
    '\udfff',
    '"',
    '""',
    ',',
    '\r',
    '\n',
    '^',
    '!Type:Bank\n',
    '<STMTTRN>',
    '<Ntry>',
    '</TxDtls>',
    '<!DOCTYPE x [<!ENTITY a "b">]>',
    '&#x0;',
    ':61:',
    ':86:?20',
    '?3',
    '{4:',
    '<Ntry><A>'.repeat(2_000),
    '</STMTTRN>',
    '<',
    '&amp;',
    '-',
    '9'.repeat(400),
    'x'.repeat(100_000),
    '<STMTTRN>'.repeat(2_000),
    '<A>'.repeat(5_000),
    '"'.repeat(3_001),
    'T-1\n^\n'.repeat(2_000),
  ),
  fc.string({ unit: anyUnit, maxLength: 50 }),
);
/** A seed with hostile fragments inserted at arbitrary places, or arbitrary text. */
const fileFrom = (seed: string) =>
  fc.oneof(
    fc
      .array(fc.tuple(fc.nat({ max: seed.length }), hostile), { maxLength: 8 })
      .map((edits) =>
        edits.reduce((text, [at, piece]) => text.slice(0, at) + piece + text.slice(at), seed),
      ),
    fc.string({ unit: anyUnit, maxLength: 2_000 }),
  );

function checkOutcome(read: () => ParsedLine[]): void {
  let lines: ParsedLine[];
  try {
    lines = read();
  } catch (error) {
    expect(error).toBeInstanceOf(RowError);
    return;
  }
  for (const entry of lines) {
    expect(Number.isInteger(entry.line) && entry.line >= 1).toBe(true);
    if (entry.row) {
      expect(Number.isSafeInteger(entry.row.amountMinor)).toBe(true);
      expect(entry.row.amountMinor).toBeGreaterThanOrEqual(0);
      expect(entry.row.occurredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } else {
      expect(typeof entry.error).toBe('string');
    }
  }
}

describe('hostile import files', () => {
  for (const kind of ['csv', 'ofx', 'qif', 'camt', 'mt940'] as const) {
    it(`${kind}: a typed refusal or every row parsed or reported`, () => {
      fc.assert(
        fc.property(fileFrom(SEEDS[kind]), (text) => checkOutcome(() => parsers[kind](text))),
        { numRuns: 150, seed: 16 },
      );
    });
  }
});
