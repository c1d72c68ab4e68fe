import {
  RowError,
  directedAmount,
  localDateOfParts,
  parseSignedAmount,
  withContentIds,
  type NormalisedRow,
  type ParsedLine,
} from './import-row.rules';

/** One tagged field of a statement (`:61:` with its continuation lines), and where it starts. */
interface Field {
  tag: string;
  value: string;
  line: number;
}

/**
 * `:61:` statement line: value date YYMMDD, optional entry date MMDD, mark (C, D, RC, RD), an
 * optional funds-code letter, the amount with a decimal comma, the transaction type (N, F or S and
 * three characters), the customer's reference, then `//` and the bank's reference.
 */
const STATEMENT_LINE =
  /^(\d{2})(\d{2})(\d{2})(?:(\d{2})(\d{2}))?(RC|RD|C|D)([A-Z])?(\d{1,15},\d{0,3})([NFS][A-Z0-9]{3})?([^\n/]*(?:\/(?!\/)[^\n/]*)*)?(?:\/\/([^\n]*))?/;

/**
 * Reads the statement lines of a SWIFT MT940 file (one or more statements, with or without the
 * `{1:…}{4:` envelope). Each `:61:` is a row, dated by its entry (booking) date, else its value
 * date; D and RC are money out, C and RD money in. The `:86:` after it gives the text: German
 * banks' structured subfields (?20–?29 and ?60–?63 the purpose, ?32/?33 the other party's name),
 * or free text.
 */
export function parseMt940Import(text: string, options: { currency: string }): ParsedLine[] {
  const fields = fieldsOf(text);
  if (!fields.some((f) => f.tag === '20') || !fields.some((f) => f.tag === '61'))
    throw new RowError('the file is not an MT940 statement');
  const lines: ParsedLine[] = [];
  const accounts: string[] = [];
  let account = '';
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i] as Field;
    if (field.tag === '25') account = field.value.trim();
    if (/^6[02][FM]$/.test(field.tag)) checkCurrency(field.value, options.currency);
    if (field.tag !== '61') continue;
    const next = fields[i + 1];
    const details = next?.tag === '86' ? next.value : '';
    accounts.push(account);
    try {
      lines.push({ line: field.line, row: readStatementLine(field.value, details, options) });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      lines.push({ line: field.line, error: error.message });
    }
  }
  return withContentIds(lines, 'mt940', (_, index) => accounts[index] ?? '');
}

/** The tagged fields in order: a line `:TAG:` starts one, other lines continue it. */
function fieldsOf(text: string): Field[] {
  const fields: Field[] = [];
  let current: Field | null = null;
  const rows = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let index = 0; index < rows.length; index += 1) {
    // The envelope ({1:…}{2:…}{4:) and the end of a message (- or -}) hold no fields.
    const row = (rows[index] ?? '').replace(/^(\{\d:[^}]*\})*\{4:/, '');
    const tag = /^:(\d{2}[A-Z]?):(.*)$/.exec(row);
    if (tag) {
      current = { tag: tag[1] ?? '', value: tag[2] ?? '', line: index + 1 };
      fields.push(current);
    } else if (/^-\}?\s*$/.test(row) || /^\{\d:/.test(row)) {
      current = null;
    } else if (current) {
      current.value += `\n${row}`;
    }
  }
  return fields;
}

/** Opening and closing balances name the account's currency: `C260301EUR1234,56`. */
function checkCurrency(balance: string, currency: string): void {
  const declared = /^[CD]\d{6}([A-Z]{3})/.exec(balance.trim())?.[1];
  if (declared && declared !== currency)
    throw new RowError(`the statement is in ${declared}; the budget is in ${currency}`);
}

function readStatementLine(
  value: string,
  details: string,
  options: { currency: string },
): NormalisedRow {
  const match = STATEMENT_LINE.exec(value.trim());
  if (!match) throw new RowError(`":61:${value.split('\n')[0] ?? ''}" is not a statement line`);
  const [, yy, mm, dd, entryMonth, entryDay, mark, , amountText, , customerRef, bankRef] = match;
  const valueOn = dateOf(yy ?? '', mm ?? '', dd ?? '');
  const occurredOn = entryMonth ? entryDateOf(valueOn, entryMonth, entryDay ?? '') : valueOn;
  const minor = parseSignedAmount((amountText ?? '').replace(/,$/, ''), options.currency, ',');
  // A reversal of a debit gives the money back; a reversal of a credit takes it away.
  const isOutflow = mark === 'D' || mark === 'RC';
  const { amountMinor, direction } = directedAmount(
    isOutflow ? -minor : minor,
    'NEGATIVE_IS_EXPENSE',
  );
  const text = detailsOf(details);
  const externalId = [bankRef, customerRef]
    .map((ref) => (ref ?? '').split('\n')[0]?.trim() ?? '')
    .find((ref) => ref !== '' && ref.toUpperCase() !== 'NONREF');
  return {
    occurredOn,
    amountMinor,
    direction,
    payee: text.payee,
    memo: text.memo,
    ...(externalId ? { externalId } : {}),
  };
}

function dateOf(yy: string, mm: string, dd: string) {
  // SWIFT years have two digits: 80–99 are the 1900s.
  const year = Number(yy) >= 80 ? 1900 + Number(yy) : 2000 + Number(yy);
  const date = localDateOfParts(year, Number(mm), Number(dd));
  if (!date) throw new RowError(`"${yy}${mm}${dd}" is not a date`);
  return date;
}

/** The entry date has no year: the value date's, or the next or last one across New Year. */
function entryDateOf(valueOn: string, mm: string, dd: string) {
  const [year, valueMonth] = valueOn.split('-').map(Number) as [number, number];
  const month = Number(mm);
  const shift = valueMonth === 12 && month === 1 ? 1 : valueMonth === 1 && month === 12 ? -1 : 0;
  const date = localDateOfParts(year + shift, month, Number(dd));
  if (!date) throw new RowError(`entry date "${mm}${dd}" is not a date`);
  return date;
}

/** SEPA keywords inside the purpose text of German banks. */
const SEPA_KEYWORD = /(EREF|KREF|MREF|CRED|DEBT|COAM|OAMT|SVWZ|ABWA|ABWE|IBAN|BIC)\+/g;

/**
 * The payee and memo of an `:86:` field. German banks write a three-digit business code, then
 * subfields `?nn`: ?00 the booking text, ?20–?29 and ?60–?63 the purpose (split every 27
 * characters, so joined without spaces), ?32/?33 the other party's name.
 */
export function detailsOf(details: string): { payee: string; memo: string } {
  const joined = details.replace(/\n/g, '');
  const structured = /^\d{3}\s*([?])/.exec(joined);
  if (!structured) return { payee: '', memo: clean(details.replace(/\n/g, ' ')) };
  const subfields = new Map<number, string>();
  for (const part of joined.split('?').slice(1)) {
    const code = /^(\d{2})/.exec(part)?.[1];
    if (code) subfields.set(Number(code), (subfields.get(Number(code)) ?? '') + part.slice(2));
  }
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => subfields.get(from + i) ?? '').join('');
  const purpose = range(20, 29) + range(60, 63);
  return {
    payee: clean(range(32, 33)),
    memo: clean(sepaPurpose(purpose) || subfields.get(0) || ''),
  };
}

/** The remittance text (SVWZ+) of a SEPA purpose, else the purpose without its keywords. */
function sepaPurpose(purpose: string): string {
  const parts = [...purpose.matchAll(SEPA_KEYWORD)];
  if (parts.length === 0) return purpose;
  const svwz = parts.findIndex((part) => part[1] === 'SVWZ');
  if (svwz >= 0) {
    const start = (parts[svwz]?.index ?? 0) + 5;
    return purpose.slice(start, parts[svwz + 1]?.index ?? purpose.length);
  }
  return purpose.slice(0, parts[0]?.index ?? 0) || purpose.replace(SEPA_KEYWORD, ' ');
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
