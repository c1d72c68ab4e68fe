import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/app/config';
import { EncryptionError, FieldCipher } from '../../src/infra/crypto/field-cipher';
import { DEV_KEY_FILE, loadFieldCipher } from '../../src/infra/crypto/keyring';
import { createLogger } from '../../src/infra/logger';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const cipher = new FieldCipher({ keys: [k1], activeKeyId: 'k1' });

function errorCodeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof EncryptionError ? error.code : `untyped: ${String(error)}`;
  }
  return undefined;
}

describe('field cipher', () => {
  it('writes a versioned value naming its key, never the plaintext, and reads it back', () => {
    const stored = cipher.encryptText('Coffee at Blue Bottle', 'transactions.merchant:a');
    expect(stored).toMatch(/^enc:v1:k1:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain('Blue Bottle');
    expect(cipher.encryptText('x', 'c')).not.toBe(cipher.encryptText('x', 'c'));
    expect(cipher.decryptText(stored, 'transactions.merchant:a')).toBe('Coffee at Blue Bottle');
  });

  it('reads legacy plaintext as it is', () => {
    expect(cipher.decryptText('written before encryption', 'any')).toBe(
      'written before encryption',
    );
    expect(cipher.decryptBytes(Buffer.from('jpeg bytes'), 'any').toString()).toBe('jpeg bytes');
  });

  it.each([
    ['a flipped ciphertext byte', (s: string) => flipLast(s), 'row-1'],
    ['a value moved to another row', (s: string) => s, 'row-2'],
    ['a truncated value', (s: string) => s.slice(0, 20), 'row-1'],
  ])('refuses %s with ENCRYPTION_VALUE_INVALID', (_case, alter, context) => {
    const stored = cipher.encryptText('secret note', 'row-1');
    expect(errorCodeOf(() => cipher.decryptText(alter(stored), context))).toBe(
      'ENCRYPTION_VALUE_INVALID',
    );
  });

  it('refuses tampered or moved bytes', () => {
    const sealed = cipher.encryptBytes(Buffer.from('image'), 'receipt-image:a');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(errorCodeOf(() => cipher.decryptBytes(tampered, 'receipt-image:a'))).toBe(
      'ENCRYPTION_VALUE_INVALID',
    );
    expect(errorCodeOf(() => cipher.decryptBytes(sealed, 'receipt-image:b'))).toBe(
      'ENCRYPTION_VALUE_INVALID',
    );
    expect(cipher.decryptBytes(sealed, 'receipt-image:a').toString()).toBe('image');
  });

  it('names an unknown key id with ENCRYPTION_KEY_UNKNOWN', () => {
    const other = new FieldCipher({ keys: [k2], activeKeyId: 'k2' });
    const stored = cipher.encryptText('note', 'c');
    expect(errorCodeOf(() => other.decryptText(stored, 'c'))).toBe('ENCRYPTION_KEY_UNKNOWN');
  });

  it('keeps reading old keys after a new one becomes active', () => {
    const stored = cipher.encryptText('note', 'c');
    const rotated = new FieldCipher({ keys: [k1, k2], activeKeyId: 'k2' });
    expect(rotated.isCurrent(stored)).toBe(false);
    expect(rotated.decryptText(stored, 'c')).toBe('note');
    const again = rotated.encryptText('note', 'c');
    expect(again.startsWith('enc:v1:k2:')).toBe(true);
    expect(rotated.isCurrent(again)).toBe(true);
  });
});

describe('encryption keys in the configuration', () => {
  const key = randomBytes(32).toString('base64');

  it('refuses production without keys, bad entries and an unknown active key, without echoing keys', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return error instanceof ConfigError ? error.problems : [String(error)];
      }
    };
    expect(problems({ NODE_ENV: 'production' }).join()).toMatch(/ENCRYPTION_KEYS: required/);
    const bad = problems({ ENCRYPTION_KEYS: 'k1:dG9vLXNob3J0' }).join();
    expect(bad).toMatch(/ENCRYPTION_KEYS: key k1 must be 32 bytes/);
    expect(bad).not.toContain('dG9vLXNob3J0');
    expect(problems({ ENCRYPTION_KEYS: `k1:${key}`, ENCRYPTION_ACTIVE_KEY: 'k9' }).join()).toMatch(
      /ENCRYPTION_ACTIVE_KEY: k9/,
    );
    expect(problems({ NODE_ENV: 'production', ENCRYPTION_KEYS: `k1:${key}` })).toEqual([]);
  });

  it('generates a development key once, readable by its owner only', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pace-keys-'));
    try {
      const logger = createLogger({ level: 'silent', nodeId: 'test' });
      const first = await loadFieldCipher({ keys: [], activeKeyId: undefined, dataDir, logger });
      const second = await loadFieldCipher({ keys: [], activeKeyId: undefined, dataDir, logger });
      const file = path.join(dataDir, DEV_KEY_FILE);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await readFile(file, 'utf8')).startsWith(`${first.activeKeyId}:`)).toBe(true);
      expect(second.decryptText(first.encryptText('kept', 'c'), 'c')).toBe('kept');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

function flipLast(stored: string): string {
  // Well inside the ciphertext, where every base64 bit counts.
  const at = stored.length - 10;
  return `${stored.slice(0, at)}${stored[at] === 'A' ? 'B' : 'A'}${stored.slice(at + 1)}`;
}
