import {
  RowError,
  directedAmount,
  localDateOfParts,
  parseSignedAmount,
  type NormalisedRow,
  type ParsedLine,
} from './import-row.rules';

/**
 * Reads the statement transactions of an OFX or QFX file, version 1 (SGML, leaf tags unclosed) or
 * 2 (XML). Only the STMTTRN aggregate is read: TRNTYPE, DTPOSTED, TRNAMT, FITID, NAME, PAYEE/NAME,
 * MEMO. TRNAMT is signed from the account holder's side: negative is money out.
 */
export function parseOfxImport(text: string, options: { currency: string }): ParsedLine[] {
  const declared = /<CURDEF>\s*([A-Za-z]{3})/i.exec(text)?.[1]?.toUpperCase();
  if (declared && declared !== options.currency) {
    throw new RowError(`the statement is in ${declared}; the budget is in ${options.currency}`);
  }
  const blocks = [...text.matchAll(/<STMTTRN>([\s\S]*?)<\/STMTTRN>/gi)];
  if (blocks.length === 0 && !/<OFX>/i.test(text)) throw new RowError('the file is not OFX');
  return blocks.map((block) => {
    const line = lineAt(text, block.index);
    try {
      return { line, row: readTransaction(leafValues(block[1] ?? ''), options.currency) };
    } catch (error) {
      if (error instanceof RowError) return { line, error: error.message };
      throw error;
    }
  });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
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
