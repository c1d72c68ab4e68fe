import type { Db } from './database';

/** What of drizzle's internals this relies on: a handle's session and its driver client. */
interface SessionOf {
  session?: { client?: unknown };
}

const built = new Map<unknown, Map<string, object>>();

/**
 * A drizzle prepared query (`.prepare()` with `sql.placeholder` values) built once per process
 * and driver, then run on `db`'s own connection: the pool's, or a transaction's (drizzle's
 * prepared queries hold the client they run on, so each call gets a view of the query with
 * `db`'s client). A hot query's SQL text is so made once instead of on every call. `name` must
 * be unique per query shape.
 */
export function preparedOn<T extends object>(db: Db, name: string, build: (db: Db) => T): T {
  const session = (db as unknown as SessionOf).session;
  const client = session?.client;
  if (!session || client === undefined) return build(db);
  let queries = built.get(session.constructor);
  if (!queries) {
    queries = new Map();
    built.set(session.constructor, queries);
  }
  let query = queries.get(name) as (T & { client?: unknown }) | undefined;
  if (!query) {
    query = build(db);
    if (!('client' in query)) return query;
    queries.set(name, query);
  }
  return query.client === client
    ? query
    : (Object.create(query, { client: { value: client } }) as T);
}
