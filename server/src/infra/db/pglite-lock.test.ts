import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, openPglite } from './pglite';

const serverDir = path.resolve(import.meta.dirname, '../../..');

/** Another Pace process holding `dataDir`, ready once it prints "ready". */
async function holder(dataDir: string): Promise<ChildProcess> {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'pace-lock-')), 'hold.mts');
  writeFileSync(
    script,
    `import { openPglite } from ${JSON.stringify(path.join(serverDir, 'src/infra/db/pglite.ts'))};\n` +
      `await openPglite({ dataDir: ${JSON.stringify(dataDir)} });\n` +
      `console.log('ready');\nsetInterval(() => undefined, 1000);\n`,
  );
  // One process (no tsx wrapper around it), so a kill -9 ends the lock's owner itself.
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: serverDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`holder exited ${String(code)}`)));
  });
  return child;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('the embedded data directory lock', () => {
  it('refuses a second process while the first runs, and takes over at once after a kill -9', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pace-data-'));
    const first = await holder(dataDir);
    children.push(first);
    await expect(openPglite({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);

    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    // The lock file is fresh (it would count as held for a minute); its owner is gone.
    const database = await openPglite({ dataDir });
    await database.ping();
    await database.close();
  }, 60_000);
});
