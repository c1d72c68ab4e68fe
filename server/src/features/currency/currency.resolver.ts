import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Money, toMoney } from '../../graphql/money.type';
import { CurrencyCodeScalar, DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import { budgetOwnerIdOf } from '../households';
import { Transaction } from '../transactions';
import type { ExchangeRateService } from './exchange-rate.service';
import {
  ExchangeRate,
  ExchangeRateSourceGql,
  SetExchangeRateInput,
  SetExchangeRatePayload,
  toExchangeRate,
  toSetExchangeRatePayload,
} from './currency.type';

/** Exchange rates: the ones you enter, and the rates of a currency over a range of days. */
@Resolver()
export class ExchangeRateResolver {
  constructor(private readonly rates: ExchangeRateService) {}

  @RequireScopes('write:transactions')
  @Mutation(() => SetExchangeRatePayload, {
    description:
      'Records your rate of a currency pair on a day (replacing yours of that day); it wins over the ECB’s rate of that day for your later conversions, and in a household (as owner or member) for the shared budget’s. Transactions already booked keep their rate until edited.',
  })
  async setExchangeRate(
    @Arg('input', () => SetExchangeRateInput, { description: 'The pair, the day and the rate.' })
    input: SetExchangeRateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SetExchangeRatePayload> {
    return toSetExchangeRatePayload(
      await this.rates.setRate(viewerIdOf(ctx), {
        fromCurrency: input.fromCurrency,
        toCurrency: input.toCurrency ?? null,
        rateOn: input.rateOn,
        rate: input.rate,
        budgetOwnerId: await budgetOwnerIdOf(ctx, 'read'),
      }),
    );
  }

  @RequireScopes('read:transactions')
  @Query(() => [ExchangeRate], {
    description:
      'The rate of a currency into another (your budget currency by default) on each day of a range that has one, oldest first: an entered rate of a day wins over the ECB’s (yours, or in a household the owner’s, then the members’). At most 366 days.',
  })
  async exchangeRates(
    @Arg('currency', () => CurrencyCodeScalar, { description: 'The currency converted from.' })
    currency: string,
    @Arg('from', () => LocalDateScalar, { description: 'The first day (inclusive).' })
    from: string,
    @Arg('to', () => LocalDateScalar, { description: 'The last day (inclusive).' })
    to: string,
    @Arg('quoteCurrency', () => CurrencyCodeScalar, {
      nullable: true,
      description: 'The currency converted into; your budget currency when absent.',
    })
    quoteCurrency: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ExchangeRate[]> {
    const rates = await this.rates.listRates(viewerIdOf(ctx), {
      currency,
      quote: quoteCurrency ?? null,
      from,
      to,
      budgetOwnerId: await budgetOwnerIdOf(ctx, 'read'),
    });
    return rates.map((rate) => toExchangeRate(rate, viewerIdOf(ctx)));
  }
}

/** The columns of a transaction row that the paid-currency fields read. */
interface PaidColumns {
  bookedOn: string;
  originalAmountMinor?: number | null;
  originalCurrency?: string | null;
  fxRate?: string | null;
  fxRateOn?: string | null;
  fxRateSource?: string | null;
}

// `toTransaction` copies the whole row onto the object, so its paid-currency columns are there.
const paidOf = (transaction: Transaction): PaidColumns => transaction;

/** The paid-currency fields of a transaction (docs/currencies.md). */
@Resolver(() => Transaction)
export class TransactionPaidCurrencyResolver {
  @FieldResolver(() => Money, {
    nullable: true,
    description:
      'The amount as paid, when paid in another currency than the budget’s; `amount` is it converted. Null for a budget-currency transaction.',
  })
  paidAmount(@Root() transaction: Transaction): Money | null {
    const { originalAmountMinor, originalCurrency } = paidOf(transaction);
    return originalAmountMinor != null && originalCurrency != null
      ? toMoney(originalAmountMinor, originalCurrency)
      : null;
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description:
      'Budget-currency units per one unit of the paid currency, exact; `amount` is `paidAmount × rate` rounded half up. Null when not converted.',
  })
  rate(@Root() transaction: Transaction): string | null {
    return paidOf(transaction).fxRate ?? null;
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description:
      'The day of the rate used: the booking date, or an earlier one when none was known for it (then `rateEstimated`). Null when not converted.',
  })
  rateOn(@Root() transaction: Transaction): string | null {
    return paidOf(transaction).fxRateOn ?? null;
  }

  @FieldResolver(() => ExchangeRateSourceGql, {
    nullable: true,
    description: 'Where the rate came from; null when not converted.',
  })
  rateSource(@Root() transaction: Transaction): ExchangeRateSourceGql | null {
    return (paidOf(transaction).fxRateSource as ExchangeRateSourceGql | null | undefined) ?? null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when the rate is from a day before the booking date (no rate was known for that day: weekends, holidays, a new rate not yet published).',
  })
  rateEstimated(@Root() transaction: Transaction): boolean {
    const { fxRateOn, bookedOn } = paidOf(transaction);
    return fxRateOn != null && fxRateOn < bookedOn;
  }
}
