import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import type { Db } from '../../infra/db/database';
import { receiptImages } from './receipt.table';

/** Where receipt images live; a local directory by default, an object store could implement it. */
export interface ReceiptImageStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the image; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every image of a person (their account is deleted). */
  deleteAllOf(userId: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\.jpg$/;
const ID = /^[0-9a-f-]{36}$/;

/** The storage key of a receipt's image: `<userId>/<receiptId>.jpg`. */
export function receiptImageKey(userId: string, receiptId: string): string {
  return `${userId}/${receiptId}.jpg`;
}

/** Files under one directory (`<data dir>/receipts`); writes are atomic (temp file, rename). */
export class LocalReceiptStorage implements ReceiptImageStorage {
  constructor(private readonly root: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, data);
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.fileOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }

  async deleteAllOf(userId: string): Promise<void> {
    if (!ID.test(userId)) throw new Error(`invalid user id ${JSON.stringify(userId)}`);
    await rm(path.join(this.root, userId), { recursive: true, force: true });
  }

  private fileOf(key: string): string {
    // Keys are made by receiptImageKey only; anything else could leave the directory.
    if (!KEY.test(key)) throw new Error(`invalid receipt storage key ${JSON.stringify(key)}`);
    return path.join(this.root, ...key.split('/'));
  }
}

/** Images as rows of `receipt_images`: every API node and worker reads the same store. */
export class DatabaseReceiptStorage implements ReceiptImageStorage {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  async put(key: string, data: Buffer): Promise<void> {
    const userId = userIdOfKey(key);
    await this.db
      .insert(receiptImages)
      .values({ storageKey: key, userId, data, createdAt: this.now() })
      .onConflictDoUpdate({ target: receiptImages.storageKey, set: { data } });
  }

  async get(key: string): Promise<Buffer | null> {
    const [row] = await this.db
      .select({ data: receiptImages.data })
      .from(receiptImages)
      .where(eq(receiptImages.storageKey, key));
    return row?.data ?? null;
  }

  async delete(key: string): Promise<void> {
    await this.db.delete(receiptImages).where(eq(receiptImages.storageKey, key));
  }

  async deleteAllOf(userId: string): Promise<void> {
    await this.db.delete(receiptImages).where(eq(receiptImages.userId, userId));
  }
}

function userIdOfKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid receipt storage key ${JSON.stringify(key)}`);
  return key.slice(0, 36);
}

/**
 * Encryption at rest over any image store: the bytes are sealed under the active key, bound to
 * their storage key; images stored before encryption are read as they are until rotated.
 */
export class EncryptedReceiptStorage implements ReceiptImageStorage {
  constructor(
    private readonly inner: ReceiptImageStorage,
    private readonly cipher: FieldCipher,
  ) {}

  put(key: string, data: Buffer): Promise<void> {
    return this.inner.put(key, this.cipher.encryptBytes(data, receiptImageContext(key)));
  }

  async get(key: string): Promise<Buffer | null> {
    const stored = await this.inner.get(key);
    return stored && this.cipher.decryptBytes(stored, receiptImageContext(key));
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }

  deleteAllOf(userId: string): Promise<void> {
    return this.inner.deleteAllOf(userId);
  }

  /** Re-encrypts the image under the active key unless it already is; true when it was rewritten. */
  async reencrypt(key: string): Promise<boolean> {
    const stored = await this.inner.get(key);
    if (!stored || this.cipher.isCurrent(stored)) return false;
    await this.put(key, this.cipher.decryptBytes(stored, receiptImageContext(key)));
    return true;
  }
}

/** The image's associated data: its storage key (`<userId>/<receiptId>.jpg`). */
export function receiptImageContext(key: string): string {
  return `receipt-image:${key}`;
}
