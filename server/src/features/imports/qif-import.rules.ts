import {
  RowError,
  directedAmount,
  parseLocalDate,
  parseSignedAmount,
  type DateFormat,
  type NormalisedRow,
  type ParsedLine,
} from './import-row.rules';

/**
 * Reads the bank-register records of a QIF file: lines keyed by their first letter (D date,
 * T or U amount, P payee, M memo, L category), each record ended by `^`. QIF has no bank id,
 * so its duplicates are found by date, amount and payee. Amounts are
 * signed (negative is money out); the date format is the caller's, since QIF does not say, and
 * the Quicken short year `1/31'26` is read as 2026.
 */
export function parseQifImport(
  text: string,
  options: { currency: string; dateFormat: DateFormat; decimalSeparator: '.' | ',' },
): ParsedLine[] {
  const lines = text.split(/\r?\n/);
  const parsed: ParsedLine[] = [];
  let fields = new Map<string, string>();
  let startLine = 0;
  lines.forEach((raw, index) => {
    const content = raw.trim();
    if (!content || content.startsWith('!')) return;
    if (content === '^') {
      if (fields.size > 0) parsed.push(readRecord(fields, startLine, options));
      fields = new Map();
      return;
    }
    if (fields.size === 0) startLine = index + 1;
    const key = content[0] ?? '';
    if (!fields.has(key)) fields.set(key, content.slice(1).trim());
  });
  if (fields.size > 0) parsed.push(readRecord(fields, startLine, options));
  if (parsed.length === 0 && !/^\s*!Type:/im.test(text)) throw new RowError('the file is not QIF');
  return parsed;
}

function readRecord(
  fields: Map<string, string>,
  line: number,
  options: { currency: string; dateFormat: DateFormat; decimalSeparator: '.' | ',' },
): ParsedLine {
  try {
    return { line, row: readTransaction(fields, options) };
  } catch (error) {
    if (error instanceof RowError) return { line, error: error.message };
    throw error;
  }
}

function readTransaction(
  fields: Map<string, string>,
  options: { currency: string; dateFormat: DateFormat; decimalSeparator: '.' | ',' },
): NormalisedRow {
  const dateText = (fields.get('D') ?? '').replace(
    /'\s*(\d{2})$/,
    (_, year: string) => `/20${year}`,
  );
  const separator = options.dateFormat.includes('.')
    ? '.'
    : options.dateFormat.includes('/')
      ? '/'
      : '-';
  const occurredOn = parseLocalDate(
    separator === '-' ? dateText : dateText.replace(/[/.-]/g, separator),
    options.dateFormat,
  );
  if (!occurredOn)
    throw new RowError(`"${fields.get('D') ?? ''}" is not a date in ${options.dateFormat}`);
  const amountText = fields.get('T') ?? fields.get('U');
  if (!amountText) throw new RowError('the amount (T) is missing');
  const signed = parseSignedAmount(amountText, options.currency, options.decimalSeparator);
  const category = fields.get('L');
  return {
    occurredOn,
    ...directedAmount(signed, 'NEGATIVE_IS_EXPENSE'),
    payee: fields.get('P') ?? '',
    memo: fields.get('M') ?? '',
    // A bracketed category is a transfer to another account, not a budget category.
    ...(category && !category.startsWith('[') ? { categoryId: category } : {}),
  };
}
