import { addDays, isCurrencyCode, type LocalDate } from '@pace/engine';
import { MoneyError } from '../../graphql/money.type';
import type { Db } from '../../infra/db/database';
import type { EuroReferenceRateFeed } from '../../infra/fx/ecb-feed';
import { EcbFeedUnreachableError } from '../../infra/fx/ecb-feed';
import { CurrencyError } from './currency.errors';
import type { ExchangeRateRepository } from './exchange-rate.repository';
import type { ExchangeRateRow, FxRateRow } from './exchange-rate.table';
import {
  convertPaidAmount,
  crossRate,
  enteredRateCandidate,
  formatRate,
  invertRate,
  parseRate,
  type ExactDecimal,
  type RateCandidate,
  type RateSource,
} from './fx.rules';

/** The euro: the ECB publishes every rate against it. */
const EURO = 'EUR';
/** The longest range `exchangeRates` lists at once. */
export const MAX_RATE_RANGE_DAYS = 366;

export interface ConvertRequest {
  /** The budget's owner (in a household, the shared budget's). */
  userId: string;
  paidMinor: number;
  paidCurrency: string;
  budgetCurrency: string;
  on: LocalDate;
  statementRate: string | null;
}

export interface Converted {
  amountMinor: number;
  rate: string;
  rateOn: LocalDate;
  source: RateSource;
  isEstimated: boolean;
}

/** One day's rate of a pair: `rate` units of `toCurrency` for one `fromCurrency`. */
export interface DayRate {
  fromCurrency: string;
  toCurrency: string;
  rateOn: LocalDate;
  rate: string;
  source: Exclude<RateSource, 'statement'>;
  /** Who entered a manual rate (the person or, in a household, a member); null for the ECB's. */
  enteredBy: string | null;
}

/** What a refresh of the published rates did. */
export interface RefreshOutcome {
  outcome: 'stored' | 'unreachable' | 'off';
  stored: number;
}

function invalid(message: string): never {
  throw new CurrencyError('EXCHANGE_RATE_INVALID', { message });
}

function rateOf(text: string): ExactDecimal {
  const rate = parseRate(text);
  if (!rate) throw new Error(`stored rate ${JSON.stringify(text)} is not a positive decimal`);
  return rate;
}

/**
 * Exchange rates: published ones (the ECB feed, stored by a job), the ones a person enters, and a
 * statement's own; converts paid amounts exactly at the rate of a booking date.
 */
export class ExchangeRateService {
  constructor(
    private readonly deps: {
      repository: ExchangeRateRepository;
      /** Null when no feed is configured. */
      feed: EuroReferenceRateFeed | null;
      budgetCurrencyOf: (userId: string) => Promise<string | null>;
      newId: () => string;
      now: () => Date;
      onFeedUnreachable?: (error: Error) => void;
      /**
       * Runs a write holding the person's lock, so its change number commits in order with their
       * other writes and `changes(since)` never skips it (docs/currencies.md §5).
       */
      inUserLock?: <T>(userId: string, work: (tx: Db) => Promise<T>) => Promise<T>;
      /**
       * Whose entered rates convert for a budget, its owner first: in a household, the owner and
       * the members who may write to it (docs/households.md); alone, the owner only. Reads with
       * `tx` when given (a conversion runs inside the write's transaction).
       */
      rateKeepersOf?: (tx: Db | null, budgetOwnerId: string) => Promise<string[]>;
    },
  ) {}

  /** Converts at the chosen rate of `on`; EXCHANGE_RATE_UNKNOWN when no rate is that early. */
  async convert(tx: Db | null, request: ConvertRequest): Promise<Converted> {
    const repository = tx ? this.deps.repository.with(tx) : this.deps.repository;
    const { paidCurrency, budgetCurrency, on } = request;
    let candidates: RateCandidate[];
    if (request.statementRate !== null) {
      const rate = parseRate(request.statementRate);
      if (!rate) invalid('paidRate must be a positive decimal with at most 12 decimals.');
      candidates = [{ rate, rateOn: on, source: 'statement' }];
    } else {
      const [entered, published] = await Promise.all([
        this.enteredRate(tx, repository, request),
        this.publishedRate(repository, paidCurrency, budgetCurrency, on),
      ]);
      candidates = [entered, published].flatMap((candidate) => (candidate ? [candidate] : []));
    }
    const result = convertPaidAmount({
      paidMinor: request.paidMinor,
      paidCurrency,
      budgetCurrency,
      bookedOn: on,
      candidates,
    });
    if (!result.ok && result.reason === 'NO_RATE')
      throw new CurrencyError('EXCHANGE_RATE_UNKNOWN', {
        from: paidCurrency,
        to: budgetCurrency,
        on,
      });
    if (!result.ok) throw new MoneyError('MONEY_OUT_OF_RANGE', { field: 'paidAmount' });
    const { conversion } = result;
    return {
      amountMinor: conversion.amountMinor,
      rate: formatRate(conversion.rate),
      rateOn: conversion.rateOn,
      source: conversion.source,
      isEstimated: conversion.isEstimated,
    };
  }

  /** Records the person's rate of a pair and day (replacing theirs of that day). */
  async setRate(
    userId: string,
    input: {
      fromCurrency: string;
      toCurrency: string | null;
      rateOn: LocalDate;
      rate: string;
      /** The budget the person acts on (a household's owner); theirs when absent. */
      budgetOwnerId?: string;
    },
  ): Promise<ExchangeRateRow> {
    const toCurrency =
      input.toCurrency ?? (await this.deps.budgetCurrencyOf(input.budgetOwnerId ?? userId));
    if (toCurrency === null) invalid('toCurrency is needed before the budget is set up.');
    if (!isCurrencyCode(input.fromCurrency) || !isCurrencyCode(toCurrency))
      invalid('Both currencies must be ISO 4217 codes.');
    if (input.fromCurrency === toCurrency) invalid('fromCurrency and toCurrency must differ.');
    const rate = parseRate(input.rate);
    if (!rate) invalid('rate must be a positive decimal with at most 12 decimals.');
    const now = this.deps.now();
    const row = {
      id: this.deps.newId(),
      userId,
      fromCurrency: input.fromCurrency,
      toCurrency,
      rateOn: input.rateOn,
      rate: formatRate(rate),
      createdAt: now,
      updatedAt: now,
    };
    const { inUserLock, repository } = this.deps;
    if (!inUserLock) return repository.upsertEntered(row);
    return inUserLock(userId, (tx) => repository.with(tx).upsertEntered(row));
  }

  /**
   * The rate of `currency` into `quote` (the budget currency by default) on each day from `from` to
   * `to` that has one: an entered one (either way round) wins over the ECB's of the same day. The
   * entered ones are those the acting budget converts with: the person's own, or in a household
   * the owner's and the members' (the owner's first on a day).
   */
  async listRates(
    userId: string,
    input: {
      currency: string;
      quote: string | null;
      from: LocalDate;
      to: LocalDate;
      /** The budget the person acts on (a household's owner); theirs when absent. */
      budgetOwnerId?: string;
    },
  ): Promise<DayRate[]> {
    if (input.from > input.to) invalid('from must not be after to.');
    if (addDays(input.from, MAX_RATE_RANGE_DAYS - 1) < input.to)
      invalid(`The range is longer than ${MAX_RATE_RANGE_DAYS} days.`);
    const budgetOwnerId = input.budgetOwnerId ?? userId;
    const quote = input.quote ?? (await this.deps.budgetCurrencyOf(budgetOwnerId));
    if (quote === null || quote === input.currency) return [];
    const { currency, from, to } = input;
    const byDay = new Map<string, DayRate>();
    const quotes = [...new Set([currency, quote].filter((code) => code !== EURO))];
    const published = await this.deps.repository.listPublished({ base: EURO, quotes, from, to });
    for (const [rateOn, rows] of groupByDay(published)) {
      if (rows.length !== quotes.length) continue;
      const perEuro = (code: string) => {
        const row = rows.find((r) => r.quote === code);
        return row ? rateOf(row.rate) : null;
      };
      const rate = crossRate({ paidPerEuro: perEuro(currency), budgetPerEuro: perEuro(quote) });
      const day: DayRate = {
        fromCurrency: currency,
        toCurrency: quote,
        rateOn,
        rate: formatRate(rate),
        source: 'ecb',
        enteredBy: null,
      };
      byDay.set(rateOn, day);
    }
    const keepers = await this.rateKeepersOf(null, budgetOwnerId);
    const entered = (
      await Promise.all(
        keepers.map((keeper) =>
          this.deps.repository.listEntered({ userId: keeper, currency, from, to }),
        ),
      )
    ).flat();
    // Weakest first, so on each day the one a conversion would choose is set last: members'
    // before the owner's, inverted before the asked way round, older entries before newer.
    const ordered = [...entered].sort(
      (a, b) =>
        Number(a.userId === budgetOwnerId) - Number(b.userId === budgetOwnerId) ||
        Number(a.fromCurrency === currency) - Number(b.fromCurrency === currency) ||
        a.updatedAt.getTime() - b.updatedAt.getTime(),
    );
    for (const row of ordered) {
      const isDirect = row.fromCurrency === currency && row.toCurrency === quote;
      const isInverse = row.fromCurrency === quote && row.toCurrency === currency;
      if (!isDirect && !isInverse) continue;
      const rate = isDirect ? rateOf(row.rate) : invertRate(rateOf(row.rate));
      byDay.set(row.rateOn, {
        fromCurrency: currency,
        toCurrency: quote,
        rateOn: row.rateOn,
        rate: formatRate(rate),
        source: 'manual',
        enteredBy: row.userId,
      });
    }
    return [...byDay.values()].sort((a, b) => (a.rateOn < b.rateOn ? -1 : 1));
  }

  /** Fetches the feed and stores its rates; an unreachable feed is reported, not thrown. */
  async refreshPublished(): Promise<RefreshOutcome> {
    if (!this.deps.feed) return { outcome: 'off', stored: 0 };
    let rates;
    try {
      rates = await this.deps.feed.fetchRates();
    } catch (error) {
      if (!(error instanceof EcbFeedUnreachableError)) throw error;
      this.deps.onFeedUnreachable?.(error);
      return { outcome: 'unreachable', stored: 0 };
    }
    const fetchedAt = this.deps.now();
    await this.deps.repository.upsertPublished(
      rates.map((rate) => ({
        base: EURO,
        quote: rate.currency,
        rateOn: rate.rateOn,
        rate: rate.rate,
        source: 'ecb' as const,
        fetchedAt,
      })),
    );
    return { outcome: 'stored', stored: rates.length };
  }

  /** Whose entered rates count for a budget: its owner first, then its writing members. */
  private async rateKeepersOf(tx: Db | null, budgetOwnerId: string): Promise<string[]> {
    const keepers = (await this.deps.rateKeepersOf?.(tx, budgetOwnerId)) ?? [];
    return [budgetOwnerId, ...keepers.filter((id) => id !== budgetOwnerId)];
  }

  private async enteredRate(
    tx: Db | null,
    repository: ExchangeRateRepository,
    request: ConvertRequest,
  ): Promise<RateCandidate | null> {
    const row = await repository.findEntered({
      userIds: await this.rateKeepersOf(tx, request.userId),
      ownerId: request.userId,
      paid: request.paidCurrency,
      budget: request.budgetCurrency,
      on: request.on,
    });
    if (!row) return null;
    const candidate = enteredRateCandidate(row, {
      paidCurrency: request.paidCurrency,
      budgetCurrency: request.budgetCurrency,
    });
    if (!candidate)
      throw new Error(`stored rate ${JSON.stringify(row.rate)} is not a positive decimal`);
    return candidate;
  }

  private async publishedRate(
    repository: ExchangeRateRepository,
    paid: string,
    budget: string,
    on: LocalDate,
  ): Promise<RateCandidate | null> {
    const quotes = [...new Set([paid, budget].filter((code) => code !== EURO))];
    if (quotes.length === 0) return null;
    const rows = await repository.findPublishedDay({ base: EURO, quotes, on });
    const first = rows?.[0];
    if (!rows || !first) return null;
    const perEuro = (code: string) => {
      const row = rows.find((r) => r.quote === code);
      return row ? rateOf(row.rate) : null;
    };
    return {
      rate: crossRate({ paidPerEuro: perEuro(paid), budgetPerEuro: perEuro(budget) }),
      rateOn: first.rateOn,
      source: 'ecb',
    };
  }
}

function groupByDay(rows: readonly FxRateRow[]): Map<string, FxRateRow[]> {
  const days = new Map<string, FxRateRow[]>();
  for (const row of rows) days.set(row.rateOn, [...(days.get(row.rateOn) ?? []), row]);
  return days;
}
