import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { isCurrencyCode, isLocalDate } from '@pace/engine';

/**
 * Dates and instants a client may send: within 1970-01-01 and 2100-12-31 (UTC for instants).
 * Wider values are typos or probes, and some (year 0, year 9999) the database or the engine cannot
 * hold. Output is not bounded: what is stored is always sent back.
 */
export const INPUT_DATE_RANGE = { from: '1970-01-01', to: '2100-12-31' } as const;
const INSTANT_FROM_MS = Date.parse(`${INPUT_DATE_RANGE.from}T00:00:00.000Z`);
const INSTANT_TO_MS = Date.parse(`${INPUT_DATE_RANGE.to}T23:59:59.999Z`);

/** Tells whether a `YYYY-MM-DD` date is a real date within INPUT_DATE_RANGE. */
export function isInputDate(value: string): boolean {
  return isLocalDate(value) && value >= INPUT_DATE_RANGE.from && value <= INPUT_DATE_RANGE.to;
}

/** Tells whether an instant is within INPUT_DATE_RANGE. */
export function isInputInstant(value: Date): boolean {
  const ms = value.getTime();
  return ms >= INSTANT_FROM_MS && ms <= INSTANT_TO_MS;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A string scalar checked by `isValid` on input and output alike. */
function stringScalar(options: {
  name: string;
  description: string;
  isValid: (value: string) => boolean;
  expected: string;
  /** A further check of input only (e.g. a range), with what it expects. */
  input?: { isValid: (value: string) => boolean; expected: string };
}) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !options.isValid(value)) {
      throw badInput(`${options.name} must be ${options.expected}; got ${shown(value)}.`);
    }
    return value;
  };
  const checkInput = (value: unknown): string => {
    const text = check(value);
    if (options.input && !options.input.isValid(text))
      throw badInput(`${options.name} must be ${options.input.expected}; got ${shown(text)}.`);
    return text;
  };
  return new GraphQLScalarType<string, string>({
    name: options.name,
    description: options.description,
    serialize: check,
    parseValue: checkInput,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING)
        throw badInput(`${options.name} must be a string (${options.expected}).`);
      return checkInput(ast.value);
    },
  });
}

/** A value quoted in an error message, cut short (a hostile value may be megabytes long). */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A local calendar date in the user's zone, `YYYY-MM-DD`. */
export const LocalDateScalar = stringScalar({
  name: 'Date',
  description: 'A local calendar date, YYYY-MM-DD (in the user’s time zone).',
  isValid: isLocalDate,
  expected: 'a date YYYY-MM-DD',
  input: {
    isValid: isInputDate,
    expected: `a date from ${INPUT_DATE_RANGE.from} to ${INPUT_DATE_RANGE.to}`,
  },
});

/** A local calendar month, `YYYY-MM`. */
export const YearMonthScalar = stringScalar({
  name: 'YearMonth',
  description: 'A local calendar month, YYYY-MM.',
  isValid: (value) => YEAR_MONTH.test(value),
  expected: 'a month YYYY-MM',
  input: {
    isValid: (value) =>
      value >= INPUT_DATE_RANGE.from.slice(0, 7) && value <= INPUT_DATE_RANGE.to.slice(0, 7),
    expected: `a month from ${INPUT_DATE_RANGE.from.slice(0, 7)} to ${INPUT_DATE_RANGE.to.slice(0, 7)}`,
  },
});

/** An exact decimal number as a string; never a float. */
export const DecimalScalar = stringScalar({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "12.30"; never a float.',
  isValid: (value) => DECIMAL.test(value),
  expected: 'a decimal string such as "12.30"',
  // 30 characters hold any amount a bigint column can; longer is never money.
  input: { isValid: (value) => value.length <= 30, expected: 'at most 30 characters long' },
});

/** An ISO 4217 currency code. */
export const CurrencyCodeScalar = stringScalar({
  name: 'CurrencyCode',
  description: 'An ISO 4217 currency code, e.g. USD.',
  isValid: isCurrencyCode,
  expected: 'an ISO 4217 currency code',
});

/**
 * graphql-scalars' RFC 3339 DateTime (same name, description and SDL), bounded on input to
 * INPUT_DATE_RANGE: `0000-01-01T00:00:00Z` is a valid RFC 3339 string no database column holds.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, unknown>({
  name: GraphQLDateTime.name,
  description: GraphQLDateTime.description,
  specifiedByURL: GraphQLDateTime.specifiedByURL,
  serialize: (value) => GraphQLDateTime.serialize(value),
  parseValue: (value) => inRange(GraphQLDateTime.parseValue(value)),
  parseLiteral: (ast, variables) => inRange(GraphQLDateTime.parseLiteral(ast, variables)),
});

function inRange(value: Date): Date {
  if (!isInputInstant(value))
    throw badInput(
      `DateTime must be from ${INPUT_DATE_RANGE.from} to ${INPUT_DATE_RANGE.to} (UTC); got ${value.toISOString()}.`,
    );
  return value;
}
