import { Field, ObjectType } from 'type-graphql';
import { formatDecimal, isEngineError, parseDecimal } from '@pace/engine';
import { defineErrors } from './app-error';
import { CurrencyCodeScalar, DecimalScalar } from './scalars';

@ObjectType({ description: 'An exact amount: a decimal string with the currency’s minor digits.' })
export class Money {
  @Field(() => DecimalScalar, { description: 'E.g. "12.30" for USD, "1500" for JPY.' })
  amount!: string;

  @Field(() => CurrencyCodeScalar, {
    description: 'ISO 4217 code of the amount: the person’s budget currency.',
  })
  currency!: string;
}

/** Minor units of a currency on the wire. */
export function toMoney(amountMinor: number, currency: string): Money {
  return Object.assign(new Money(), {
    amount: formatDecimal(amountMinor === 0 ? 0 : amountMinor, currency),
    currency,
  });
}

export type MoneyErrorCode =
  'MONEY_INVALID' | 'MONEY_TOO_MANY_DECIMALS' | 'MONEY_OUT_OF_RANGE' | 'MONEY_NEGATIVE';

export const MoneyError = defineErrors<MoneyErrorCode>('MoneyError', {
  MONEY_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'An amount (details.field) is not a decimal number such as "12.30".',
    action:
      'Send the amount as a decimal string with a dot and no thousands separators or currency sign.',
    message: (d) => `${String(d.field)} is not a valid amount.`,
  },
  MONEY_TOO_MANY_DECIMALS: {
    publicCode: 'BAD_USER_INPUT',
    when: 'An amount (details.field) has more decimals than its currency has (details.allowed: 2 for USD, 0 for JPY); amounts are never rounded.',
    action: 'Round the amount to the currency’s minor unit yourself and send it again.',
    message: (d) =>
      `${String(d.field)} has more decimals than ${String(d.currency)} allows (${String(d.allowed)}).`,
  },
  MONEY_OUT_OF_RANGE: {
    publicCode: 'BAD_USER_INPUT',
    when: 'An amount (details.field) is too large to be stored exactly.',
    action: 'Send a smaller amount.',
    message: (d) => `${String(d.field)} is too large.`,
  },
  MONEY_NEGATIVE: {
    publicCode: 'BAD_USER_INPUT',
    when: 'An amount (details.field) is negative where only zero or more is allowed.',
    action:
      'Send the amount without a sign (for a transaction, its direction says which way the money moved).',
    message: (d) => `${String(d.field)} must not be negative.`,
  },
});

/**
 * Parses a wire decimal exactly into minor units of the currency; more decimals than the currency
 * has is MONEY_TOO_MANY_DECIMALS (never rounded). Amounts are non-negative unless allowed.
 */
export function parseAmount(
  text: string,
  currency: string,
  options: { field: string; allowNegative?: boolean },
): number {
  let minor: number;
  try {
    minor = parseDecimal(text, currency);
  } catch (error) {
    if (isEngineError(error, 'MONEY_TOO_MANY_DECIMALS')) {
      throw new MoneyError('MONEY_TOO_MANY_DECIMALS', {
        field: options.field,
        currency,
        allowed: error.details.allowed,
      });
    }
    if (isEngineError(error, 'MONEY_OUT_OF_RANGE'))
      throw new MoneyError('MONEY_OUT_OF_RANGE', { field: options.field });
    if (isEngineError(error)) throw new MoneyError('MONEY_INVALID', { field: options.field });
    throw error;
  }
  if (minor < 0 && options.allowNegative !== true)
    throw new MoneyError('MONEY_NEGATIVE', { field: options.field });
  return minor === 0 ? 0 : minor;
}
