import { errors, jwtVerify, SignJWT, decodeProtectedHeader } from 'jose';
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

/** Short-lived JWT access tokens carrying the scopes, signed with the current key (kid header). */
export class AccessTokens {
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
    try {
      const { kid } = decodeProtectedHeader(token);
      const key = kid ? await this.deps.keys.verificationKey(kid) : undefined;
      if (!key) return { ok: false, reason: 'TOKEN_INVALID' };
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [SIGNING_ALGORITHM],
        typ: 'at+jwt',
        currentDate: this.deps.clock.now(),
      });
      const { sub, sid, scope, iat_ms: issuedAtMs, auth_time: authTime } = payload;
      if (
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
        claims: {
          userId: sub,
          sessionId: sid,
          scopes,
          issuedAtMs,
          authenticatedAt: new Date(authTime * 1000),
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
