import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../src/infra/db/migrate';
import { dumpPglite, openPglite } from '../src/infra/db/pglite';

/**
 * Once per run: bundle the server (multi-process tests start `dist/main.js`, the build users run)
 * and, for the embedded mode, migrate one PGlite and dump it so each test file starts from a copy.
 */
export default async function setup(project: TestProject): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    stdio: 'pipe',
  });
  const database = await openPglite({ memory: true });
  await migrateDatabase(database);
  const dump = await dumpPglite(database);
  await database.close();
  const file = path.join(tmpdir(), `pace-pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
