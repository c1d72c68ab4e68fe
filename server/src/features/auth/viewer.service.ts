import type { RateLimitOutcome, RateLimiters } from '../../infra/auth/rate-limiter';
import type { RevocationStore } from '../../infra/auth/revocation-store';
import type { AuthFailure, Viewer } from '../../graphql/context';
import type { AccessTokens } from './access-token';
import { PAT_PREFIX, type PersonalAccessTokenService } from './personal-access-token.service';

export interface Authentication {
  viewer: Viewer | null;
  failure: AuthFailure | null;
  /** The viewer's rate-limit check, already sent (see `authenticate`). */
  admission?: Promise<RateLimitOutcome>;
}

/** Turns an `Authorization: Bearer …` value into the viewer, checking revocations on every call. */
export class ViewerService {
  constructor(
    private readonly deps: {
      accessTokens: AccessTokens;
      revocations: RevocationStore;
      personalAccessTokens: PersonalAccessTokenService;
      rateLimiters: RateLimiters;
    },
  ) {}

  async authenticate(authorization: string | undefined | null): Promise<Authentication> {
    if (!authorization) return { viewer: null, failure: null };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const token = match?.[1];
    if (!token) return { viewer: null, failure: 'TOKEN_INVALID' };
    if (token.startsWith(PAT_PREFIX)) {
      const viewer = await this.deps.personalAccessTokens.authenticate(token);
      return viewer ? { viewer, failure: null } : { viewer: null, failure: 'TOKEN_INVALID' };
    }
    const verified = await this.deps.accessTokens.verify(token);
    if (!verified.ok) return { viewer: null, failure: verified.reason };
    const { claims } = verified;
    const viewer: Viewer = {
      userId: claims.userId,
      scopes: claims.scopes,
      sessionId: claims.sessionId,
      tokenKind: 'access',
      authenticatedAt: claims.authenticatedAt,
    };
    // The rate-limit check goes out with the revocation check (one round trip to Redis instead of
    // two). A revoked token can thus still spend points of its owner's limit until it expires.
    const admission = this.admit(viewer);
    admission.catch(() => undefined); // awaited by the scope guard; unused by public operations
    if (await this.deps.revocations.isRevoked(claims))
      return { viewer: null, failure: 'TOKEN_REVOKED' };
    return { viewer, failure: null, admission };
  }

  /**
   * Whether a token that was valid still is: not expired, not revoked (its session, every token of
   * its person, or the access token itself). Unlike `authenticate` it spends no rate limit: open
   * sockets ask it before delivering events.
   */
  async isStillValid(authorization: string): Promise<boolean> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    if (!token) return false;
    if (token.startsWith(PAT_PREFIX))
      return (await this.deps.personalAccessTokens.authenticate(token)) !== null;
    const verified = await this.deps.accessTokens.verify(token);
    return verified.ok && !(await this.deps.revocations.isRevoked(verified.claims));
  }

  /**
   * Counts a request against the viewer's rate limit (standard or premium); the scope guard
   * refuses a request that is not allowed, and the response carries the state as headers.
   */
  async admit(viewer: Viewer): Promise<RateLimitOutcome> {
    const limit = viewer.scopes.includes('premium:ai_insights') ? 'apiPremium' : 'apiStandard';
    return this.deps.rateLimiters.consume(limit, viewer.userId);
  }
}
