import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { rowsOf } from '../../infra/db/migrate';
import { adviceDaily } from '../advice';

export interface TableSize {
  name: string;
  totalBytes: number;
  rowEstimate: number;
}

export interface StatementStat {
  query: string;
  calls: number;
  meanMs: number;
  totalMs: number;
}

/** What the database says about itself (catalogues and statistics), read for admins. */
export class AdminDatabaseRepository {
  constructor(private readonly db: Db) {}

  /** The user tables of the current schema with their size (indexes and TOAST included). */
  async tableSizes(): Promise<TableSize[]> {
    const result = await this.db.execute(sql`
      select c.relname as name,
        pg_total_relation_size(c.oid)::bigint as total_bytes,
        greatest(c.reltuples::bigint, coalesce(s.n_live_tup, 0))::bigint as row_estimate
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_stat_user_tables s on s.relid = c.oid
      where c.relkind in ('r', 'p') and n.nspname = current_schema()
      order by pg_total_relation_size(c.oid) desc, c.relname`);
    return rowsOf<{ name: string; total_bytes: unknown; row_estimate: unknown }>(result).map(
      (row) => ({
        name: row.name,
        totalBytes: Number(row.total_bytes),
        rowEstimate: Math.max(Number(row.row_estimate), 0),
      }),
    );
  }

  async databaseBytes(): Promise<number> {
    const result = await this.db.execute(
      sql`select pg_database_size(current_database())::bigint as bytes`,
    );
    return Number(rowsOf<{ bytes: unknown }>(result)[0]?.bytes ?? 0);
  }

  async hasStatementStatistics(): Promise<boolean> {
    const result = await this.db.execute(
      sql`select 1 as present from pg_extension where extname = 'pg_stat_statements'`,
    );
    return rowsOf(result).length > 0;
  }

  /** The slowest statements on average; throws when the extension is installed but not loaded. */
  async slowestStatements(limit: number): Promise<StatementStat[]> {
    const result = await this.db.execute(sql`
      select query, calls::bigint as calls, mean_exec_time as mean_ms, total_exec_time as total_ms
      from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database())
      order by mean_exec_time desc
      limit ${limit}`);
    return rowsOf<{ query: string; calls: unknown; mean_ms: unknown; total_ms: unknown }>(
      result,
    ).map((row) => ({
      query: row.query,
      calls: Number(row.calls),
      meanMs: Number(row.mean_ms),
      totalMs: Number(row.total_ms),
    }));
  }

  /** The newest reason the AI advisor was not used although configured. */
  async lastAdviceFallback(): Promise<{ reason: string; at: Date } | null> {
    const [row] = await this.db
      .select({ reason: adviceDaily.fallbackReason, at: adviceDaily.createdAt })
      .from(adviceDaily)
      .where(and(isNotNull(adviceDaily.fallbackReason), eq(adviceDaily.source, 'rules')))
      .orderBy(desc(adviceDaily.createdAt))
      .limit(1);
    return row?.reason ? { reason: row.reason, at: row.at } : null;
  }
}
