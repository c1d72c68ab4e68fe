import { errors, jwtVerify, SignJWT, decodeProtectedHeader } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../infra/clock';
import { SIGNING_ALGORITHM, type SigningKeys } from './signing-keys';

const ISSUER = 'pace';
const AUDIENCE = 'pace-api';

export interface AccessClaims {
  userId: string;
  sessionId: string;
  scopes: string[];
  /** Issue instant in milliseconds: revocations compare against it (`iat` has whole seconds). */
  issuedAtMs: number;
  authenticatedAt: Date;
}

export type VerifiedAccess =
  { ok: true; claims: AccessClaims } | { ok: false; reason: 'TOKEN_EXPIRED' | 'TOKEN_INVALID' };

/** Tokens this process verified lately (a signature check costs about as much as a small query). */
const VERIFIED_TOKENS = 10_000;

interface VerifiedToken {
  claims: AccessClaims;
  kid: string;
  expiresAtMs: number;
}

/** Short-lived JWT access tokens carrying the scopes, signed with the current key (kid header). */
export class AccessTokens {
  /**
   * A token's claims never change, so a token verified once is not verified again until it
   * expires or its key stops being accepted. Revocation is checked per request elsewhere.
   */
  private readonly verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKENS });

  constructor(private readonly deps: { keys: SigningKeys; clock: Clock; ttlS: number }) {}

  get ttlMs(): number {
    return this.deps.ttlS * 1000;
  }

  async issue(
    claims: Omit<AccessClaims, 'issuedAtMs'>,
  ): Promise<{ token: string; expiresAt: Date }> {
    const key = await this.deps.keys.current();
    const nowMs = this.deps.clock.now().getTime();
    const iat = Math.floor(nowMs / 1000);
    const token = await new SignJWT({
      sid: claims.sessionId,
      scope: claims.scopes.join(' '),
      iat_ms: nowMs,
      auth_time: Math.floor(claims.authenticatedAt.getTime() / 1000),
    })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'at+jwt' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.deps.ttlS)
      .sign(key.privateKey);
    return { token, expiresAt: new Date((iat + this.deps.ttlS) * 1000) };
  }

  async verify(token: string): Promise<VerifiedAccess> {
    const known = this.verified.get(token);
    if (known) {
      if (this.deps.clock.now().getTime() >= known.expiresAtMs) {
        this.verified.delete(token);
        return { ok: false, reason: 'TOKEN_EXPIRED' };
      }
      if (await this.deps.keys.verificationKey(known.kid)) return { ok: true, claims: copy(known) };
      this.verified.delete(token);
      return { ok: false, reason: 'TOKEN_INVALID' };
    }
    const verified = await this.verifySignature(token);
    if (verified.ok) this.verified.set(token, verified.entry);
    return verified.ok ? { ok: true, claims: copy(verified.entry) } : verified;
  }

  private async verifySignature(
    token: string,
  ): Promise<
    { ok: true; entry: VerifiedToken } | { ok: false; reason: 'TOKEN_EXPIRED' | 'TOKEN_INVALID' }
  > {
    try {
      const { kid } = decodeProtectedHeader(token);
      const key = kid ? await this.deps.keys.verificationKey(kid) : undefined;
      if (!kid || !key) return { ok: false, reason: 'TOKEN_INVALID' };
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [SIGNING_ALGORITHM],
        typ: 'at+jwt',
        currentDate: this.deps.clock.now(),
      });
      const { sub, sid, scope, iat_ms: issuedAtMs, auth_time: authTime, exp } = payload;
      if (
        typeof exp !== 'number' ||
        typeof sub !== 'string' ||
        typeof sid !== 'string' ||
        typeof scope !== 'string' ||
        typeof issuedAtMs !== 'number' ||
        typeof authTime !== 'number'
      ) {
        return { ok: false, reason: 'TOKEN_INVALID' };
      }
      const scopes = scope.split(' ').filter(Boolean);
      return {
        ok: true,
        entry: {
          claims: {
            userId: sub,
            sessionId: sid,
            scopes,
            issuedAtMs,
            authenticatedAt: new Date(authTime * 1000),
          },
          kid,
          expiresAtMs: exp * 1000,
        },
      };
    } catch (error) {
      return {
        ok: false,
        reason: error instanceof errors.JWTExpired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID',
      };
    }
  }
}

/** The cached claims stay as verified whatever a caller does with its copy. */
function copy({ claims }: VerifiedToken): AccessClaims {
  return {
    ...claims,
    scopes: [...claims.scopes],
    authenticatedAt: new Date(claims.authenticatedAt),
  };
}
