import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CurrencyCodeScalar, DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import type { ExchangeRateRow } from './exchange-rate.table';
import type { DayRate } from './exchange-rate.service';

export enum ExchangeRateSourceGql {
  ECB = 'ecb',
  MANUAL = 'manual',
  STATEMENT = 'statement',
}
registerEnumType(ExchangeRateSourceGql, {
  name: 'ExchangeRateSource',
  description: 'Where an exchange rate came from (docs/currencies.md).',
  valuesConfig: {
    ECB: { description: 'The European Central Bank’s daily reference rates (through the euro).' },
    MANUAL: {
      description:
        'A rate entered with `setExchangeRate`: yours, or in a household a member’s (see `ExchangeRate.enteredByYou`).',
    },
    STATEMENT: { description: 'The rate a card statement printed for the transaction.' },
  },
});

@ObjectType({
  description:
    'One day’s rate of a currency pair: `rate` units of `toCurrency` for one `fromCurrency`.',
})
export class ExchangeRate {
  @Field(() => CurrencyCodeScalar, { description: 'The currency converted from.' })
  fromCurrency!: string;
  @Field(() => CurrencyCodeScalar, { description: 'The currency converted into.' })
  toCurrency!: string;
  @Field(() => LocalDateScalar, { description: 'The day the rate is for.' })
  rateOn!: string;
  @Field(() => DecimalScalar, {
    description: 'Units of toCurrency for one unit of fromCurrency, an exact decimal.',
  })
  rate!: string;
  @Field(() => ExchangeRateSourceGql, { description: 'Who published or entered it.' })
  source!: ExchangeRateSourceGql;
  @Field(() => Boolean, {
    description:
      'True for a rate you entered yourself; false for a published one and for one a household member entered (a shared budget converts with the household’s rates).',
  })
  enteredByYou!: boolean;
}

@InputType({ description: 'A rate you know for a day; it wins over the ECB’s of that day.' })
export class SetExchangeRateInput {
  @Field(() => CurrencyCodeScalar, { description: 'The currency converted from, e.g. JPY.' })
  fromCurrency!: string;
  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description: 'The currency converted into; the budget currency when absent.',
  })
  toCurrency?: string | null;
  @Field(() => LocalDateScalar, { description: 'The local day the rate is for.' })
  rateOn!: string;
  @Field(() => DecimalScalar, {
    description:
      'Units of toCurrency for one unit of fromCurrency (e.g. "0.0062"): positive, at most 12 decimals.',
  })
  rate!: string;
}

@ObjectType({ description: 'The outcome of `setExchangeRate`.' })
export class SetExchangeRatePayload {
  @Field(() => ExchangeRate, { description: 'The rate as stored now.' })
  exchangeRate!: ExchangeRate;
}

/** A stored or listed rate as the API shows it to `viewerId`. */
export function toExchangeRate(row: ExchangeRateRow | DayRate, viewerId: string): ExchangeRate {
  const enteredBy = 'source' in row ? row.enteredBy : row.userId;
  return Object.assign(new ExchangeRate(), {
    fromCurrency: row.fromCurrency,
    toCurrency: row.toCurrency,
    rateOn: row.rateOn,
    rate: row.rate,
    source: ('source' in row ? row.source : 'manual') as ExchangeRateSourceGql,
    enteredByYou: enteredBy === viewerId,
  });
}

/** What `setExchangeRate` answers: the rate the person just entered. */
export function toSetExchangeRatePayload(row: ExchangeRateRow): SetExchangeRatePayload {
  return Object.assign(new SetExchangeRatePayload(), {
    exchangeRate: toExchangeRate(row, row.userId),
  });
}
