import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isCurrencyCode, isLocalDate } from '@pace/engine';

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A string scalar checked by `isValid` on input and output alike. */
function stringScalar(options: {
  name: string;
  description: string;
  isValid: (value: string) => boolean;
  expected: string;
}) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !options.isValid(value)) {
      throw badInput(`${options.name} must be ${options.expected}; got ${JSON.stringify(value)}.`);
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name: options.name,
    description: options.description,
    serialize: check,
    parseValue: check,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING)
        throw badInput(`${options.name} must be a string (${options.expected}).`);
      return check(ast.value);
    },
  });
}

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A local calendar date in the user's zone, `YYYY-MM-DD`. */
export const LocalDateScalar = stringScalar({
  name: 'Date',
  description: 'A local calendar date, YYYY-MM-DD (in the user’s time zone).',
  isValid: isLocalDate,
  expected: 'a date YYYY-MM-DD',
});

/** A local calendar month, `YYYY-MM`. */
export const YearMonthScalar = stringScalar({
  name: 'YearMonth',
  description: 'A local calendar month, YYYY-MM.',
  isValid: (value) => YEAR_MONTH.test(value),
  expected: 'a month YYYY-MM',
});

/** An exact decimal number as a string; never a float. */
export const DecimalScalar = stringScalar({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "12.30"; never a float.',
  isValid: (value) => DECIMAL.test(value),
  expected: 'a decimal string such as "12.30"',
});

/** An ISO 4217 currency code. */
export const CurrencyCodeScalar = stringScalar({
  name: 'CurrencyCode',
  description: 'An ISO 4217 currency code, e.g. USD.',
  isValid: isCurrencyCode,
  expected: 'an ISO 4217 currency code',
});
