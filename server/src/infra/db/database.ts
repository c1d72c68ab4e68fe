import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** The drizzle database every repository receives: PostgreSQL or PGlite behind one type. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  readonly db: Db;
  readonly kind: 'postgres' | 'pglite';
  /** Runs a trivial query; rejects when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const UNAVAILABLE_CODES = new Set([
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECTION_CLOSED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * Whether an error means the database could not be reached or dropped the connection (restarted,
 * failed over, a backend terminated): SQLSTATE classes 08 and 57, or the driver's connection
 * codes, anywhere in the error's cause chain. Such a request may be tried again as it was.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const code = (current as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_CODES.has(code) || /^(08|57)[0-9A-Z]{3}$/.test(code))
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
