import { and, asc, between, desc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import {
  exchangeRates,
  fxRates,
  type ExchangeRateRow,
  type FxRateRow,
} from './exchange-rate.table';

const INSERT_CHUNK = 500;

/** Published reference rates and the rates people entered. */
export class ExchangeRateRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): ExchangeRateRepository {
    return new ExchangeRateRepository(tx);
  }

  /** Stores published rates; a day fetched again overwrites its rate (a correction). */
  async upsertPublished(rows: readonly FxRateRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await this.db
        .insert(fxRates)
        .values(rows.slice(start, start + INSERT_CHUNK))
        .onConflictDoUpdate({
          target: [fxRates.base, fxRates.quote, fxRates.rateOn],
          set: { rate: sql`excluded.rate`, fetchedAt: sql`excluded.fetched_at` },
        });
    }
  }

  /**
   * The latest published day on or before `on` that holds every one of `quotes` against `base`,
   * with those rates; null when no such day is stored.
   */
  async findPublishedDay(input: {
    base: string;
    quotes: readonly string[];
    on: string;
  }): Promise<FxRateRow[] | null> {
    const where = and(
      eq(fxRates.base, input.base),
      inArray(fxRates.quote, [...input.quotes]),
      lte(fxRates.rateOn, input.on),
    );
    const [day] = await this.db
      .select({ rateOn: fxRates.rateOn })
      .from(fxRates)
      .where(where)
      .groupBy(fxRates.rateOn)
      .having(sql`count(*) = ${input.quotes.length}`)
      .orderBy(desc(fxRates.rateOn))
      .limit(1);
    if (!day) return null;
    return this.db
      .select()
      .from(fxRates)
      .where(and(where, eq(fxRates.rateOn, day.rateOn)));
  }

  /** Published days between two dates (inclusive) for these quotes, oldest first. */
  async listPublished(input: {
    base: string;
    quotes: readonly string[];
    from: string;
    to: string;
  }): Promise<FxRateRow[]> {
    return this.db
      .select()
      .from(fxRates)
      .where(
        and(
          eq(fxRates.base, input.base),
          inArray(fxRates.quote, [...input.quotes]),
          between(fxRates.rateOn, input.from, input.to),
        ),
      )
      .orderBy(asc(fxRates.rateOn));
  }

  /** The newest published day stored, if any. */
  async latestPublishedOn(): Promise<string | null> {
    const [row] = await this.db
      .select({ latest: sql<string | null>`max(${fxRates.rateOn})` })
      .from(fxRates);
    return row?.latest ?? null;
  }

  /** Creates or replaces the person's rate of a pair and day. */
  async upsertEntered(row: Omit<ExchangeRateRow, 'changeSeq'>): Promise<ExchangeRateRow> {
    const [stored] = await this.db
      .insert(exchangeRates)
      .values(row)
      .onConflictDoUpdate({
        target: [
          exchangeRates.userId,
          exchangeRates.fromCurrency,
          exchangeRates.toCurrency,
          exchangeRates.rateOn,
        ],
        set: {
          rate: row.rate,
          updatedAt: row.updatedAt,
          changeSeq: sql`nextval('change_seq')`,
        },
      })
      .returning();
    if (!stored) throw new Error('exchange rate upsert returned no row');
    return stored;
  }

  /**
   * The latest rate on or before `on` between two currencies, either way round (a rate entered as
   * budget→paid is inverted by the caller), among the rates of `userIds`: on one day the budget
   * owner's comes first, then the paid→budget one, then the one entered last.
   */
  async findEntered(input: {
    userIds: readonly string[];
    ownerId: string;
    paid: string;
    budget: string;
    on: string;
  }): Promise<ExchangeRateRow | null> {
    const [row] = await this.db
      .select()
      .from(exchangeRates)
      .where(
        and(
          inArray(exchangeRates.userId, [...input.userIds]),
          lte(exchangeRates.rateOn, input.on),
          or(
            and(
              eq(exchangeRates.fromCurrency, input.paid),
              eq(exchangeRates.toCurrency, input.budget),
            ),
            and(
              eq(exchangeRates.fromCurrency, input.budget),
              eq(exchangeRates.toCurrency, input.paid),
            ),
          ),
        ),
      )
      .orderBy(
        desc(exchangeRates.rateOn),
        desc(sql`${exchangeRates.userId} = ${input.ownerId}`),
        desc(sql`${exchangeRates.fromCurrency} = ${input.paid}`),
        desc(exchangeRates.updatedAt),
      )
      .limit(1);
    return row ?? null;
  }

  /** The person's entered rates written after a change number (offline sync), in that order. */
  async listEnteredChangedSince(
    userId: string,
    since: number,
    limit: number,
  ): Promise<ExchangeRateRow[]> {
    return this.db
      .select()
      .from(exchangeRates)
      .where(and(eq(exchangeRates.userId, userId), gt(exchangeRates.changeSeq, since)))
      .orderBy(asc(exchangeRates.changeSeq))
      .limit(limit);
  }

  /** The person's rates involving a currency, between two dates (inclusive), oldest first. */
  async listEntered(input: {
    userId: string;
    currency: string;
    from: string;
    to: string;
  }): Promise<ExchangeRateRow[]> {
    return this.db
      .select()
      .from(exchangeRates)
      .where(
        and(
          eq(exchangeRates.userId, input.userId),
          or(
            eq(exchangeRates.fromCurrency, input.currency),
            eq(exchangeRates.toCurrency, input.currency),
          ),
          between(exchangeRates.rateOn, input.from, input.to),
        ),
      )
      .orderBy(asc(exchangeRates.rateOn), asc(exchangeRates.fromCurrency));
  }
}
