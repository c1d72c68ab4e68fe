import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from './migrate';
import { DataDirLockedError, openPglite } from './pglite';

describe('embedded database', () => {
  // Two on-disk PGlite start-ups take seconds each, many more on a loaded machine.
  it(
    'keeps data in its directory and refuses a second opener while the first holds it',
    { timeout: 120_000 },
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'pace-lock-'));
      const first = await openPglite({ dataDir });
      await first.db.execute(sql`create table notes (body text)`);
      await first.db.execute(sql`insert into notes values ('kept')`);
      await expect(openPglite({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
      await first.close();

      const reopened = await openPglite({ dataDir });
      const rows = rowsOf<{ body: string }>(await reopened.db.execute(sql`select body from notes`));
      expect(rows).toEqual([{ body: 'kept' }]);
      await reopened.close();
    },
  );
});
