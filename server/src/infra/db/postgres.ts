import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database, Db } from './database';

type PostgresClient = postgres.Sql;

/** Queries with more parameters than this stay unnamed statements (see `preparingClient`). */
export const MAX_PREPARED_PARAMS = 64;

type TransactionCallback = (client: PostgresClient) => unknown;

/**
 * The client drizzle is given: every query it sends becomes a named prepared statement (parsed
 * and planned once per connection), as postgres.js does by default. drizzle asks for an unnamed
 * statement unless a query is `.prepare()`d, which postgres.js sends as Parse + Describe, waits
 * for the parameter types, then Bind + Execute: two round trips and a parse for every query.
 * Transactions and savepoints hand drizzle clients that do the same.
 */
export function preparingClient(client: PostgresClient): PostgresClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe')
        return (query: string, params?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, params as never, {
            ...options,
            // Bulk statements (an import's multi-row inserts, long id lists) are rarely sent twice
            // alike: kept unnamed, they leave no plan behind on the connection.
            prepare: options?.prepare === true || (params?.length ?? 0) <= MAX_PREPARED_PARAMS,
          });
      if (property === 'begin' || property === 'savepoint') {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const callback = args.pop() as TransactionCallback;
          return open.call(target, ...args, (inner: PostgresClient) =>
            callback(preparingClient(inner)),
          );
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/** Connects to PostgreSQL (the distributed mode). */
export function connectPostgres(url: string, options: { maxConnections?: number } = {}): Database {
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => undefined,
    connection: { application_name: 'pace' },
  });
  const db = drizzle(preparingClient(client)) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.end({ timeout: 5 }),
  };
}
