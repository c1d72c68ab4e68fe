import {
  RowError,
  directedAmount,
  localDateOfParts,
  parseSignedAmount,
  type NormalisedRow,
  type ParsedLine,
} from './import-row.rules';
import { paidOnStatement } from './statement-rate.rules';

/**
 * Reads the statement transactions of an OFX or QFX file, version 1 (SGML, leaf tags unclosed) or
 * 2 (XML). Only the STMTTRN aggregate is read: TRNTYPE, DTPOSTED, TRNAMT, FITID, NAME, PAYEE/NAME,
 * MEMO. TRNAMT is signed from the account holder's side: negative is money out. A card line paid in
 * another currency carries ORIGCURRENCY (CURRATE: units of the statement's currency for one unit of
 * CURSYM, the currency paid in); TRNAMT stays the booked amount and the paid one is TRNAMT / CURRATE.
 */
export function parseOfxImport(text: string, options: { currency: string }): ParsedLine[] {
  const declared = /<CURDEF>\s*([A-Za-z]{3})/i.exec(text)?.[1]?.toUpperCase();
  if (declared && declared !== options.currency) {
    throw new RowError(`the statement is in ${declared}; the budget is in ${options.currency}`);
  }
  const blocks = statementBlocks(text);
  if (blocks.length === 0 && !/<OFX>/i.test(text)) throw new RowError('the file is not OFX');
  const lineOf = lineCounter(text);
  return blocks.map((block) => {
    const line = lineOf(block.index);
    try {
      const row = readTransaction(leafValues(block.body), options.currency);
      const paid = originalCurrencyOf(block.body, row.amountMinor, options.currency);
      return { line, row: paid ? { ...row, paid } : row };
    } catch (error) {
      if (error instanceof RowError) return { line, error: error.message };
      throw error;
    }
  });
}

/**
 * Each STMTTRN aggregate: from an opening tag to the next closing one (an opening tag inside is
 * part of the body; an unclosed one is dropped). One pass over the tags, so the time is linear in
 * the file whatever its tags: no search restarts at each opening tag.
 */
function statementBlocks(text: string): Array<{ index: number; body: string }> {
  const blocks: Array<{ index: number; body: string }> = [];
  let open: { index: number; bodyStart: number } | null = null;
  for (const tag of text.matchAll(/<(\/?)STMTTRN>/gi)) {
    const isClose = tag[1] === '/';
    if (!isClose) {
      open ??= { index: tag.index, bodyStart: tag.index + tag[0].length };
    } else if (open) {
      blocks.push({ index: open.index, body: text.slice(open.bodyStart, tag.index) });
      open = null;
    }
  }
  return blocks;
}

/** Line numbers of increasing offsets, counting each newline once over the whole file. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let counted = 0;
  return (offset) => {
    for (; counted < offset; counted += 1) if (text.charCodeAt(counted) === 10) line += 1;
    return line;
  };
}

/** Leaf elements of an aggregate: `<NAME>value` up to the next tag, first occurrence wins. */
function leafValues(body: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const match of body.matchAll(/<([A-Za-z0-9.]+)>([^<]*)/g)) {
    const tag = (match[1] ?? '').toUpperCase();
    const value = decodeEntities((match[2] ?? '').trim());
    if (value && !values.has(tag)) values.set(tag, value);
  }
  return values;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function readTransaction(values: Map<string, string>, currency: string): NormalisedRow {
  const posted = values.get('DTPOSTED') ?? '';
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(posted);
  const occurredOn = match
    ? localDateOfParts(Number(match[1]), Number(match[2]), Number(match[3]))
    : null;
  if (!occurredOn) throw new RowError(`DTPOSTED "${posted}" is not a date`);
  const amountText = values.get('TRNAMT');
  if (!amountText) throw new RowError('TRNAMT is missing');
  // Some banks write a decimal comma in TRNAMT; OFX itself allows either.
  const separator = amountText.includes(',') && !amountText.includes('.') ? ',' : '.';
  const signed = parseSignedAmount(amountText, currency, separator);
  const externalId = values.get('FITID');
  return {
    occurredOn,
    ...directedAmount(signed, 'NEGATIVE_IS_EXPENSE'),
    payee: values.get('NAME') ?? '',
    memo: values.get('MEMO') ?? '',
    ...(externalId ? { externalId } : {}),
  };
}

/** The ORIGCURRENCY aggregate of a transaction (rate and currency paid in), when there is one. */
function originalCurrencyOf(body: string, bookedMinor: number, currency: string) {
  const start = /<ORIGCURRENCY>/i.exec(body);
  if (!start) return null;
  const rest = body.slice(start.index + start[0].length);
  const end = /<\/ORIGCURRENCY>/i.exec(rest);
  const values = leafValues(end ? rest.slice(0, end.index) : rest);
  const paidCurrency = values.get('CURSYM') ?? '';
  const rateText = values.get('CURRATE') ?? '';
  if (!paidCurrency) throw new RowError('ORIGCURRENCY has no CURSYM');
  if (!rateText) throw new RowError('ORIGCURRENCY has no CURRATE');
  return paidOnStatement({
    bookedMinor,
    budgetCurrency: currency,
    paidCurrency,
    paidAmountText: '',
    decimalSeparator: '.',
    rateText,
    rateUnit: 'paid',
  });
}
