// Applies the drizzle/ migrations to the configured database (`npm run db:migrate`).
import { loadConfig, ConfigError } from '../src/app/config';
import { migrateDatabase } from '../src/infra/db/migrate';
import { openPglite } from '../src/infra/db/pglite';
import { connectPostgres } from '../src/infra/db/postgres';

try {
  const config = loadConfig();
  const database = config.DATABASE_URL
    ? connectPostgres(config.DATABASE_URL)
    : await openPglite({ dataDir: config.PACE_DATA_DIR });
  try {
    const applied = await migrateDatabase(database);
    console.log(`${database.kind}: ${applied} migration(s) applied, schema up to date`);
  } finally {
    await database.close();
  }
} catch (error) {
  if (error instanceof ConfigError)
    console.error(`db:migrate: invalid configuration\n${error.problems.join('\n')}`);
  else console.error(`db:migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
