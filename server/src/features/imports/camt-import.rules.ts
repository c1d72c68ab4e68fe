import { XMLParser } from 'fast-xml-parser';
import {
  RowError,
  localDateOfParts,
  parseSignedAmount,
  withContentIds,
  type NormalisedRow,
  type ParsedLine,
} from './import-row.rules';
import { paidOnStatement } from './statement-rate.rules';

/** The camt.053 versions read: the bank-to-customer statement of ISO 20022, .02 to .08. */
const CAMT_053 =
  /xmlns(?::[\w.-]+)?\s*=\s*["']urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.0[2-8]["']/;
/** Deeper nesting than any statement needs: refused before parsing, so parsing stays bounded. */
const MAX_DEPTH = 40;

/** An element as the XML parser gives it: text, attributes under `@_`, children by name. */
type Node = string | { [name: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Exact text: "12.30" stays "12.30", references stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Only the five XML entities; a DOCTYPE (where others would come from) is refused beforehand.
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd'].includes(name),
});

/**
 * Reads the booked entries of an ISO 20022 camt.053 bank-to-customer statement (versions .02 to
 * .08). Each `Ntry` is a row; a batched entry with several `TxDtls` gives one row per transaction.
 * CdtDbtInd DBIT is money out. Pending entries (status PDNG, or anything not BOOK) are read and
 * carry a notice instead of being imported. A card line paid in another currency gives the amount
 * paid in `AmtDtls/InstdAmt/Amt[@Ccy]` and its rate in `CcyXchg/XchgRate` (of one `UnitCcy`, else
 * of one `SrcCcy`); the entry's own `Amt` stays the booked amount.
 */
export function parseCamtImport(text: string, options: { currency: string }): ParsedLine[] {
  const statements = readStatements(text);
  const positions = elementLines(text);
  const lines: ParsedLine[] = [];
  const accounts: string[] = [];
  let entryIndex = 0;
  for (const statement of statements) {
    const account = textOf(pick(statement, 'Acct', 'Id', 'IBAN')) || textOf(pick(statement, 'Id'));
    for (const entry of listOf(pick(statement, 'Ntry'))) {
      const where = positions[entryIndex] ?? { line: 1, details: [] };
      entryIndex += 1;
      for (const read of readEntry(entry, where, options.currency)) {
        lines.push(read.parsed);
        accounts.push(account);
      }
    }
  }
  return withContentIds(lines, 'camt', (_, index) => accounts[index] ?? '');
}

function readStatements(text: string): Node[] {
  const body = text.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new RowError('the XML declares a DOCTYPE');
  if (!/<([\w.-]+:)?BkToCstmrStmt[\s>]/.test(body) || !CAMT_053.test(body))
    throw new RowError('the file is not a camt.053 statement');
  if (depthOf(body) > MAX_DEPTH) throw new RowError('the XML is nested too deeply');
  let document: unknown;
  try {
    document = parser.parse(body, true);
  } catch (error) {
    throw new RowError(
      `the XML is not well-formed: ${error instanceof Error ? error.message : ''}`,
    );
  }
  const statement = pick(document, 'Document', 'BkToCstmrStmt');
  if (statement === undefined) throw new RowError('the file is not a camt.053 statement');
  return listOf(pick(statement, 'Stmt'));
}

/** The deepest element nesting, counted over the tags in one pass. */
function depthOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const tag of text.matchAll(/<(\/?)[A-Za-z_][^<>]*?(\/?)>/g)) {
    if (tag[1] === '/') depth -= 1;
    else if (tag[2] !== '/') depth += 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** Line numbers of each `Ntry` and of the `TxDtls` inside it, in document order. */
function elementLines(text: string): Array<{ line: number; details: number[] }> {
  const entries: Array<{ line: number; details: number[] }> = [];
  let line = 1;
  let counted = 0;
  for (const tag of text.matchAll(/<(?:[\w.-]+:)?(Ntry|TxDtls)[\s>]/g)) {
    for (; counted < tag.index; counted += 1) if (text.charCodeAt(counted) === 10) line += 1;
    if (tag[1] === 'Ntry') entries.push({ line, details: [] });
    else entries[entries.length - 1]?.details.push(line);
  }
  return entries;
}

interface EntryRead {
  parsed: ParsedLine;
}

function readEntry(
  entry: Node,
  where: { line: number; details: number[] },
  currency: string,
): EntryRead[] {
  const details = listOf(pick(entry, 'NtryDtls')).flatMap((d) => listOf(pick(d, 'TxDtls')));
  const isBatch = details.length > 1 && details.every((d) => amountNode(d) !== undefined);
  const parts = isBatch ? details : [details[0]];
  return parts.map((detail, index) => {
    const line = isBatch ? (where.details[index] ?? where.line) : where.line;
    try {
      const row = readRow(entry, detail, currency, isBatch ? index : null);
      const status = entryStatus(entry);
      const notice =
        status === 'BOOK'
          ? undefined
          : `the bank has not booked this entry yet (status ${status || 'missing'})`;
      return { parsed: { line, row, ...(notice ? { notice } : {}) } };
    } catch (error) {
      if (error instanceof RowError) return { parsed: { line, error: error.message } };
      throw error;
    }
  });
}

/** `Sts` is a code up to .06 and a `Cd` inside it from .07 on. */
function entryStatus(entry: Node): string {
  const status = pick(entry, 'Sts');
  return (textOf(pick(status, 'Cd')) || textOf(status)).toUpperCase();
}

function amountNode(detail: Node | undefined): unknown {
  return pick(detail, 'Amt') ?? pick(detail, 'AmtDtls', 'TxAmt', 'Amt');
}

function readRow(
  entry: Node,
  detail: Node | undefined,
  currency: string,
  batchIndex: number | null,
): NormalisedRow {
  const amount = batchIndex === null ? pick(entry, 'Amt') : amountNode(detail);
  const amountText = textOf(amount);
  const ccy = textOf(pick(amount, '@_Ccy')).toUpperCase();
  if (!amountText) throw new RowError('the entry has no amount');
  if (ccy && ccy !== currency)
    throw new RowError(`the entry is in ${ccy}; the budget is in ${currency}`);
  const minor = parseSignedAmount(amountText, currency, '.');
  if (minor <= 0) throw new RowError(`"${amountText}" is not a positive amount`);
  const mark = (
    textOf(pick(detail, 'CdtDbtInd')) || textOf(pick(entry, 'CdtDbtInd'))
  ).toUpperCase();
  if (mark !== 'DBIT' && mark !== 'CRDT') throw new RowError('CdtDbtInd is neither DBIT nor CRDT');
  const occurredOn = bookingDate(entry);
  const parties = pick(detail, 'RltdPties');
  const party = mark === 'DBIT' ? 'Cdtr' : 'Dbtr';
  const payee = textOf(pick(parties, party, 'Nm')) || textOf(pick(parties, party, 'Pty', 'Nm'));
  const remittance = listOf(pick(detail, 'RmtInf', 'Ustrd'))
    .map(textOf)
    .join(' ');
  const memo =
    remittance || textOf(pick(detail, 'AddtlTxInf')) || textOf(pick(entry, 'AddtlNtryInf'));
  const externalId = importIdOf(entry, detail, batchIndex);
  const paid = paidOf(detail, batchIndex === null ? entry : undefined, minor, currency);
  return {
    occurredOn,
    amountMinor: minor,
    direction: mark === 'DBIT' ? 'expense' : 'income',
    payee: clean(payee),
    memo: clean(memo),
    ...(externalId ? { externalId } : {}),
    ...(paid ? { paid } : {}),
  };
}

/**
 * The amount instructed in another currency and its exchange rate (the transaction's details
 * first, then the entry's), or null when the line was paid in the budget currency.
 */
function paidOf(
  detail: Node | undefined,
  entry: Node | undefined,
  bookedMinor: number,
  currency: string,
) {
  const instructed = [detail, entry]
    .map((node) => pick(node, 'AmtDtls', 'InstdAmt'))
    .find((node) => node !== undefined);
  if (instructed === undefined) return null;
  const amount = pick(instructed, 'Amt');
  const paidCurrency = textOf(pick(amount, '@_Ccy')).toUpperCase();
  if (!paidCurrency || paidCurrency === currency) return null;
  const exchange =
    pick(instructed, 'CcyXchg') ??
    [detail, entry]
      .flatMap((node) => [
        pick(node, 'AmtDtls', 'TxAmt', 'CcyXchg'),
        pick(node, 'AmtDtls', 'CntrValAmt', 'CcyXchg'),
      ])
      .find((node) => node !== undefined);
  const rateText = textOf(pick(exchange, 'XchgRate'));
  if (!rateText) throw new RowError(`the amount in ${paidCurrency} has no exchange rate`);
  const unit = (
    textOf(pick(exchange, 'UnitCcy')) ||
    textOf(pick(exchange, 'SrcCcy')) ||
    paidCurrency
  ).toUpperCase();
  if (unit !== paidCurrency && unit !== currency)
    throw new RowError(`the exchange rate is of ${unit}, neither ${paidCurrency} nor ${currency}`);
  return paidOnStatement({
    bookedMinor,
    budgetCurrency: currency,
    paidCurrency,
    paidAmountText: textOf(amount),
    decimalSeparator: '.',
    rateText,
    rateUnit: unit === paidCurrency ? 'paid' : 'budget',
  });
}

function bookingDate(entry: Node) {
  for (const path of [
    ['BookgDt', 'Dt'],
    ['BookgDt', 'DtTm'],
    ['ValDt', 'Dt'],
    ['ValDt', 'DtTm'],
  ]) {
    const value = textOf(pick(entry, ...path));
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (!match) continue;
    const date = localDateOfParts(Number(match[1]), Number(match[2]), Number(match[3]));
    if (date) return date;
    throw new RowError(`"${value}" is not a date`);
  }
  throw new RowError('the entry has no booking or value date');
}

/**
 * The bank's own reference, stable across statements: AcctSvcrRef, NtryRef, then the payer's
 * EndToEndId. A transaction of a batch takes its own reference, else the entry's with its place.
 */
function importIdOf(entry: Node, detail: Node | undefined, batchIndex: number | null): string {
  const refs = pick(detail, 'Refs');
  const own = [textOf(pick(refs, 'AcctSvcrRef')), textOf(pick(refs, 'TxId'))].find(isReference);
  const entryRef = [textOf(pick(entry, 'AcctSvcrRef')), textOf(pick(entry, 'NtryRef'))].find(
    isReference,
  );
  const endToEnd = [textOf(pick(refs, 'EndToEndId'))].find(isReference);
  if (batchIndex === null) return entryRef ?? own ?? endToEnd ?? '';
  return own ?? (entryRef ? `${entryRef}/${batchIndex + 1}` : (endToEnd ?? ''));
}

function isReference(text: string): boolean {
  return text !== '' && text.toUpperCase() !== 'NOTPROVIDED' && text.toUpperCase() !== 'NONREF';
}

/** The child at `path`, or undefined; the first of a repeated element. */
function pick(node: unknown, ...path: string[]): unknown {
  let current: unknown = node;
  for (const name of path) {
    if (Array.isArray(current)) current = current[0];
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

function listOf(value: unknown): Node[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Node[];
}

/** The text of an element (with or without attributes), numeric references decoded. */
function textOf(value: unknown): string {
  if (Array.isArray(value)) return textOf(value[0]);
  const raw =
    typeof value === 'string'
      ? value
      : value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)['#text']
        : undefined;
  if (typeof raw !== 'string') return '';
  return raw.replace(/&#(x[0-9a-f]{1,6}|[0-9]{1,7});/gi, (whole, code: string) => {
    const point =
      code.startsWith('x') || code.startsWith('X') ? parseInt(code.slice(1), 16) : +code;
    return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
  });
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
