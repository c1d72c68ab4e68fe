import { desc, notInArray } from 'drizzle-orm';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import type { Db } from '../../infra/db/database';
import { signingKeys, type SigningKeyRow } from './auth.table';

/** A signing key as the server uses it: the private JWK decrypted. */
export type SigningKey = Omit<SigningKeyRow, 'privateJwk'> & {
  privateJwk: Record<string, unknown>;
};

/** The private key's associated data: it opens only as the key of its own kid. */
export function signingKeyContext(kid: string): string {
  return `signing_keys.private_jwk:${kid}`;
}

export class SigningKeyRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
  ) {}

  /** Newest first. */
  async newest(limit: number): Promise<SigningKey[]> {
    const rows = await this.db
      .select()
      .from(signingKeys)
      .orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid))
      .limit(limit);
    return rows.map((row) => ({ ...row, privateJwk: this.open(row) }));
  }

  async insert(row: SigningKey): Promise<void> {
    const sealed = this.cipher.encryptText(
      JSON.stringify(row.privateJwk),
      signingKeyContext(row.kid),
    );
    await this.db.insert(signingKeys).values({ ...row, privateJwk: sealed });
  }

  async deleteAllBut(kids: string[]): Promise<void> {
    if (kids.length === 0) return;
    await this.db.delete(signingKeys).where(notInArray(signingKeys.kid, kids));
  }

  private open(row: SigningKeyRow): Record<string, unknown> {
    // Rows written before encryption hold the JWK object itself.
    if (typeof row.privateJwk !== 'string') return row.privateJwk;
    const json = this.cipher.decryptText(row.privateJwk, signingKeyContext(row.kid));
    return JSON.parse(json) as Record<string, unknown>;
  }
}
