import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemChecks } from '../../src/features/system/system-check.table';
import type { Database, Db } from '../../src/infra/db/database';
import { rowsOf } from '../../src/infra/db/migrate';
import { preparedOn } from '../../src/infra/db/prepared';
import { createTestDatabase, isDistributed, TEST_MODE } from '../kit';

/** One prepared query, shared by every handle: each call must run on the caller's connection. */
const findCheck = (db: Db, id: string) =>
  preparedOn(db, 'test.findCheck', (d) =>
    d
      .select({ id: systemChecks.id })
      .from(systemChecks)
      .where(eq(systemChecks.id, sql.placeholder('id')))
      .prepare('test_find_check'),
  ).execute({ id });

describe(`prepared queries built once (${TEST_MODE})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('run inside the caller’s transaction, and on the pool outside it', async () => {
    const { db } = database;
    const id = randomUUID();
    const row = { id, requestedByNode: 'test', createdAt: new Date() };
    // Built first inside a transaction that is rolled back…
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(systemChecks).values(row);
        // …it sees that transaction's own uncommitted row,
        expect(await findCheck(tx, id)).toEqual([{ id }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // …and afterwards, on the pool, nothing: it did not keep the closed transaction's connection.
    expect(await findCheck(db, id)).toEqual([]);
    await db.insert(systemChecks).values(row);
    expect(await findCheck(db, id)).toEqual([{ id }]);
    // A later transaction gets its own view again.
    await db.transaction(async (tx) => {
      await tx.delete(systemChecks).where(eq(systemChecks.id, id));
      expect(await findCheck(tx, id)).toEqual([]);
    });
    expect(await findCheck(db, id)).toEqual([]);
  });

  it.runIf(isDistributed)(
    'sends ordinary queries as named prepared statements and bulk ones unnamed',
    async () => {
      const { db } = database;
      await db.transaction(async (tx) => {
        // One connection for the whole check: prepared statements live per connection.
        const few = [randomUUID(), randomUUID()];
        await tx
          .select({ id: systemChecks.id, marker: sql<string>`'small_marker'` })
          .from(systemChecks)
          .where(inArray(systemChecks.id, few));
        const many = Array.from({ length: 100 }, () => randomUUID());
        await tx
          .select({ id: systemChecks.id, marker: sql<string>`'bulk_marker'` })
          .from(systemChecks)
          .where(inArray(systemChecks.id, many));
        const count = async (marker: string): Promise<number> => {
          const rows = await tx.execute<{ n: number }>(
            sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`,
          );
          const [first] = rowsOf<{ n: number }>(rows);
          return first?.n ?? 0;
        };
        expect(await count('small_marker')).toBe(1);
        expect(await count('bulk_marker')).toBe(0);
      });
    },
  );
});
