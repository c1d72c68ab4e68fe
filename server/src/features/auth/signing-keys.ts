import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Clock } from '../../infra/clock';
import type { AuditService } from '../audit';
import type { SigningKeyRepository } from './signing-key.repository';

export const SIGNING_ALGORITHM = 'EdDSA';
const ACCEPTED_KEYS = 2;
const CACHE_MS = 60_000;
const MIN_RELOAD_MS = 2_000;

interface LoadedKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/**
 * JWT signing keys from the database: the newest signs, the newest two verify, so a rotation
 * never signs anybody out. Generated on first use, so the embedded default needs no secret.
 */
export class SigningKeys {
  private loaded: { keys: LoadedKey[]; atMs: number } | undefined;
  private loading: Promise<LoadedKey[]> | undefined;

  constructor(
    private readonly deps: { repository: SigningKeyRepository; clock: Clock; audit: AuditService },
  ) {}

  async current(): Promise<LoadedKey> {
    const keys = await this.keys();
    const [newest] = keys.length > 0 ? keys : await this.reload(true);
    if (!newest) throw new Error('no signing key');
    return newest;
  }

  /** The public key for a token's `kid`; an unknown kid triggers one reload (another node rotated). */
  async verificationKey(kid: string): Promise<CryptoKey | undefined> {
    const found = (await this.keys()).find((key) => key.kid === kid);
    if (found) return found.publicKey;
    if (this.loaded && this.deps.clock.now().getTime() - this.loaded.atMs < MIN_RELOAD_MS)
      return undefined;
    return (await this.reload(false)).find((key) => key.kid === kid)?.publicKey;
  }

  /** Makes a new signing key; the previous one still verifies, older ones are dropped. */
  async rotate(actor: { userId: string; ip: string }): Promise<string> {
    const kid = await this.generate();
    const keys = await this.reload(false);
    await this.deps.repository.deleteAllBut(keys.map((key) => key.kid));
    await this.deps.audit.record({
      event: 'admin.signing_key_rotated',
      userId: actor.userId,
      ip: actor.ip,
      details: { kid },
    });
    return kid;
  }

  private async keys(): Promise<LoadedKey[]> {
    const fresh = this.loaded && this.deps.clock.now().getTime() - this.loaded.atMs < CACHE_MS;
    return fresh && this.loaded ? this.loaded.keys : this.reload(false);
  }

  private reload(createIfNone: boolean): Promise<LoadedKey[]> {
    this.loading ??= (async () => {
      try {
        let rows = await this.deps.repository.newest(ACCEPTED_KEYS);
        if (rows.length === 0 && createIfNone) {
          await this.generate();
          rows = await this.deps.repository.newest(ACCEPTED_KEYS);
        }
        const keys = await Promise.all(
          rows.map(async (row) => ({
            kid: row.kid,
            privateKey: (await importJWK(row.privateJwk as JWK, SIGNING_ALGORITHM)) as CryptoKey,
            publicKey: (await importJWK(row.publicJwk as JWK, SIGNING_ALGORITHM)) as CryptoKey,
          })),
        );
        this.loaded = { keys, atMs: this.deps.clock.now().getTime() };
        return keys;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private async generate(): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, {
      extractable: true,
      crv: 'Ed25519',
    });
    const kid = randomUUID();
    await this.deps.repository.insert({
      kid,
      algorithm: SIGNING_ALGORITHM,
      privateJwk: { ...(await exportJWK(privateKey)) },
      publicJwk: { ...(await exportJWK(publicKey)) },
      createdAt: this.deps.clock.now(),
    });
    return kid;
  }
}
