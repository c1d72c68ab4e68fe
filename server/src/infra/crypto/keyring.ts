import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger';
import { FieldCipher, KEY_ID, type EncryptionKey } from './field-cipher';

/** The file the embedded development mode keeps its generated key in, inside PACE_DATA_DIR. */
export const DEV_KEY_FILE = 'encryption.key';

/** Parses one `id:base64key` entry of ENCRYPTION_KEYS; a message when it is not one. */
export function parseKeyEntry(entry: string): EncryptionKey | string {
  const colon = entry.indexOf(':');
  const id = colon < 0 ? '' : entry.slice(0, colon);
  if (!KEY_ID.test(id)) return 'each entry must be id:base64key (id: letters, digits, _ or -)';
  const key = Buffer.from(entry.slice(colon + 1), 'base64');
  if (key.length !== 32) return `key ${id} must be 32 bytes in base64 (openssl rand -base64 32)`;
  return { id, key };
}

/**
 * The cipher of the configured keys. Without keys (never in production: the configuration refuses
 * it) a key is generated once into the data directory, readable by the owner only.
 */
export async function loadFieldCipher(options: {
  keys: readonly string[];
  activeKeyId: string | undefined;
  dataDir: string;
  logger: Logger;
}): Promise<FieldCipher> {
  const entries = options.keys.length > 0 ? options.keys : [await devKey(options)];
  const keys = entries.map((entry) => {
    const parsed = parseKeyEntry(entry);
    if (typeof parsed === 'string') throw new Error(`ENCRYPTION_KEYS: ${parsed}`);
    return parsed;
  });
  const activeKeyId = options.activeKeyId ?? keys[keys.length - 1]?.id ?? '';
  return new FieldCipher({ keys, activeKeyId });
}

async function devKey(options: { dataDir: string; logger: Logger }): Promise<string> {
  const file = path.join(options.dataDir, DEV_KEY_FILE);
  options.logger.warn(
    { file },
    'ENCRYPTION_KEYS is not set: data is encrypted under a development key kept in the data directory',
  );
  try {
    return await readWrittenKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(options.dataDir, { recursive: true });
  const entry = `dev-${randomBytes(4).toString('hex')}:${randomBytes(32).toString('base64')}`;
  try {
    // `wx`: two processes starting together keep whichever key was written first.
    await writeFile(file, `${entry}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
    return entry;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readWrittenKey(file);
  }
}

/** The key file's entry; waits briefly when another process has created the file but not yet written it. */
async function readWrittenKey(file: string): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    const entry = (await readFile(file, 'utf8')).trim();
    if (entry !== '' || attempt >= 50) return entry;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
