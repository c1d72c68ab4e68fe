import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A key-encryption key from the configuration: 32 bytes under a short id stored with the data. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export type EncryptionErrorCode =
  /** The value names a key id the configuration does not hold (removed too early?). */
  | 'ENCRYPTION_KEY_UNKNOWN'
  /** The value is damaged, was altered, or belongs to another row or column. */
  | 'ENCRYPTION_VALUE_INVALID';

/** A stored value that cannot be decrypted; never carries the value itself. */
export class EncryptionError extends Error {
  constructor(
    readonly code: EncryptionErrorCode,
    readonly details: { keyId?: string; context: string },
  ) {
    super(`${code} (${details.context}${details.keyId ? `, key ${details.keyId}` : ''})`);
    this.name = 'EncryptionError';
  }
}

export const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const TEXT_PREFIX = 'enc:v1:';
/** Binary values (receipt images) start with these bytes, then the key id's length and the id. */
const BYTES_MAGIC = Buffer.from('PACEENC1', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const DATA_KEY_BYTES = 32;
const HEADER_BYTES = IV_BYTES + TAG_BYTES + DATA_KEY_BYTES + IV_BYTES + TAG_BYTES;

/**
 * Envelope encryption with AES-256-GCM: every value gets a fresh data key, which is itself
 * encrypted (wrapped) under the active key-encryption key. The value's `context` (table, column,
 * row) is authenticated as associated data, so a ciphertext copied to another row does not open.
 * Text looks like `enc:v1:<keyId>:<base64url>`; anything else is legacy plaintext, read as it is.
 */
export class FieldCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(options: { keys: readonly EncryptionKey[]; activeKeyId: string }) {
    for (const { id, key } of options.keys) {
      if (!KEY_ID.test(id)) throw new Error(`encryption key id ${JSON.stringify(id)} is invalid`);
      if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes`);
    }
    this.keys = new Map(options.keys.map(({ id, key }) => [id, key]));
    if (!this.keys.has(options.activeKeyId))
      throw new Error(`the active encryption key ${options.activeKeyId} is not configured`);
    this.activeKeyId = options.activeKeyId;
  }

  readonly activeKeyId: string;

  encryptText(plaintext: string, context: string): string {
    const sealed = this.seal(Buffer.from(plaintext, 'utf8'), context);
    return `${TEXT_PREFIX}${this.activeKeyId}:${sealed.toString('base64url')}`;
  }

  encryptNullable(plaintext: string | null, context: string): string | null {
    return plaintext === null ? null : this.encryptText(plaintext, context);
  }

  /** The plaintext of a stored value; a value written before encryption comes back unchanged. */
  decryptText(stored: string, context: string): string {
    const keyId = textKeyIdOf(stored);
    if (keyId === null) return stored;
    const payload = Buffer.from(stored.slice(TEXT_PREFIX.length + keyId.length + 1), 'base64url');
    return this.open(keyId, payload, context).toString('utf8');
  }

  decryptNullable(stored: string | null, context: string): string | null {
    return stored === null ? null : this.decryptText(stored, context);
  }

  encryptBytes(data: Buffer, context: string): Buffer {
    const id = Buffer.from(this.activeKeyId, 'latin1');
    return Buffer.concat([BYTES_MAGIC, Buffer.of(id.length), id, this.seal(data, context)]);
  }

  /** The plaintext bytes; bytes stored before encryption (no header) come back unchanged. */
  decryptBytes(stored: Buffer, context: string): Buffer {
    const keyId = bytesKeyIdOf(stored);
    if (keyId === null) return stored;
    return this.open(keyId, stored.subarray(BYTES_MAGIC.length + 1 + keyId.length), context);
  }

  /** Whether a stored value is already under the active key (the rotation skips it). */
  isCurrent(stored: string | Buffer): boolean {
    const keyId = typeof stored === 'string' ? textKeyIdOf(stored) : bytesKeyIdOf(stored);
    return keyId === this.activeKeyId;
  }

  private seal(plaintext: Buffer, context: string): Buffer {
    const dataKey = randomBytes(DATA_KEY_BYTES);
    const wrapIv = randomBytes(IV_BYTES);
    const wrap = createCipheriv('aes-256-gcm', this.keyOf(this.activeKeyId, context), wrapIv);
    wrap.setAAD(Buffer.from(`pace-data-key:${this.activeKeyId}`, 'utf8'));
    const wrappedKey = Buffer.concat([wrap.update(dataKey), wrap.final()]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([
      wrapIv,
      wrap.getAuthTag(),
      wrappedKey,
      iv,
      cipher.getAuthTag(),
      ciphertext,
    ]);
  }

  private open(keyId: string, payload: Buffer, context: string): Buffer {
    const kek = this.keyOf(keyId, context);
    if (payload.length < HEADER_BYTES)
      throw new EncryptionError('ENCRYPTION_VALUE_INVALID', { keyId, context });
    let offset = 0;
    const take = (length: number) => payload.subarray(offset, (offset += length));
    const [wrapIv, wrapTag, wrappedKey, iv, tag] = [
      take(IV_BYTES),
      take(TAG_BYTES),
      take(DATA_KEY_BYTES),
      take(IV_BYTES),
      take(TAG_BYTES),
    ];
    try {
      const unwrap = createDecipheriv('aes-256-gcm', kek, wrapIv);
      unwrap.setAAD(Buffer.from(`pace-data-key:${keyId}`, 'utf8'));
      unwrap.setAuthTag(wrapTag);
      const dataKey = Buffer.concat([unwrap.update(wrappedKey), unwrap.final()]);
      const decipher = createDecipheriv('aes-256-gcm', dataKey, iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(payload.subarray(offset)), decipher.final()]);
    } catch {
      throw new EncryptionError('ENCRYPTION_VALUE_INVALID', { keyId, context });
    }
  }

  private keyOf(keyId: string, context: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key) throw new EncryptionError('ENCRYPTION_KEY_UNKNOWN', { keyId, context });
    return key;
  }
}

/** The key id of an encrypted text value, or null for legacy plaintext. */
export function textKeyIdOf(stored: string): string | null {
  if (!stored.startsWith(TEXT_PREFIX)) return null;
  const end = stored.indexOf(':', TEXT_PREFIX.length);
  if (end < 0) return null;
  const keyId = stored.slice(TEXT_PREFIX.length, end);
  return KEY_ID.test(keyId) ? keyId : null;
}

function bytesKeyIdOf(stored: Buffer): string | null {
  if (stored.length <= BYTES_MAGIC.length || !stored.subarray(0, 8).equals(BYTES_MAGIC))
    return null;
  const length = stored[BYTES_MAGIC.length] ?? 0;
  const keyId = stored.subarray(BYTES_MAGIC.length + 1, BYTES_MAGIC.length + 1 + length);
  const id = keyId.toString('latin1');
  return KEY_ID.test(id) ? id : null;
}

/** The SQL LIKE pattern of a text value under `keyId` (the rotation selects everything else). */
export function textPrefixOf(keyId: string): string {
  return `${TEXT_PREFIX}${keyId}:`;
}
