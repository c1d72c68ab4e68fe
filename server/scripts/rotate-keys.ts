// Re-encrypts every stored value under ENCRYPTION_ACTIVE_KEY (`npm run db:rotate-keys`); audited.
// Embedded mode: stop the server first (PGlite's data directory takes one process at a time).
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../src/app/config';
import { createContainer } from '../src/app/container';

try {
  const container = await createContainer(loadConfig(), { role: 'worker' });
  try {
    const report = await container.services.encryption.rotateAll({ userId: null, via: 'cli' });
    console.log(`db:rotate-keys: active key ${container.cipher.activeKeyId}`);
    for (const [column, rewritten] of Object.entries(report))
      console.log(`  ${column}: ${rewritten} value(s) re-encrypted`);
  } finally {
    await container.close();
  }
} catch (error) {
  if (error instanceof ConfigError)
    console.error(`db:rotate-keys: invalid configuration\n${error.problems.join('\n')}`);
  else console.error(`db:rotate-keys: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
