import type { Db } from './database';

const built = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle prepared query (`.prepare()` with `sql.placeholder` values), built once per database
 * handle: a hot query's SQL text is then made once per process instead of on every call. A
 * transaction's handle is new each time, so in a transaction the query is built once per
 * transaction (as an unprepared one would be). `name` must be unique per query shape.
 */
export function preparedOn<T>(db: Db, name: string, build: (db: Db) => T): T {
  let queries = built.get(db);
  if (!queries) {
    queries = new Map();
    built.set(db, queries);
  }
  let query = queries.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(name, query);
  }
  return query;
}
