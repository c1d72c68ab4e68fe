import { randomBytes, randomUUID } from 'node:crypto';
import type { RevocationStore } from '../../infra/auth/revocation-store';
import type { Clock } from '../../infra/clock';
import type { Viewer } from '../../graphql/context';
import { isUuid } from '../../graphql/ids';
import type { AuditService } from '../audit';
import { sha256, type UserRepository, type UserRow } from '../accounts';
import type { AccessTokens } from './access-token';
import { AuthError } from './auth.errors';
import { scopesForUser } from './scopes.rules';
import type { SessionRepository } from './session.repository';

export interface SessionTokens {
  user: UserRow;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  /** After a password sign-in: the proof this device keeps to be known next time. */
  deviceToken?: string;
}

/**
 * Sessions: a refresh-token family per sign-in, rotated on every use. Reusing a rotated token ends
 * the family; logout and password changes revoke at once on every node through the revocation store.
 */
export class SessionService {
  constructor(
    private readonly deps: {
      sessions: SessionRepository;
      users: UserRepository;
      accessTokens: AccessTokens;
      revocations: RevocationStore;
      audit: AuditService;
      clock: Clock;
      refreshTtlDays: number;
    },
  ) {}

  /** Starts a session for a person who has just proved who they are. */
  async start(user: UserRow): Promise<SessionTokens> {
    const now = this.deps.clock.now();
    return this.issue(user, randomUUID(), now, now);
  }

  async refresh(refreshToken: string, ip: string): Promise<SessionTokens> {
    const { sessions, users, audit, clock } = this.deps;
    const now = clock.now();
    const row = await sessions.findByHash(sha256(refreshToken));
    if (!row || row.revokedAt || row.expiresAt <= now) throw new AuthError('REFRESH_TOKEN_INVALID');
    if (row.rotatedAt || !(await sessions.markRotated(row.id, now))) {
      await this.revokeSession(row.familyId);
      await audit.record({
        event: 'refresh.reuse_detected',
        userId: row.userId,
        ip,
        details: { sessionId: row.familyId },
      });
      throw new AuthError('REFRESH_TOKEN_REUSED');
    }
    const user = await users.findById(row.userId);
    if (!user) throw new AuthError('REFRESH_TOKEN_INVALID');
    await audit.record({
      event: 'token.refreshed',
      userId: user.id,
      ip,
      details: { sessionId: row.familyId },
    });
    // The family's first sign-in stays the authentication time: a refresh proves nothing new.
    return this.issue(user, row.familyId, now, row.authenticatedAt);
  }

  /** Ends the session the viewer's access token belongs to. */
  async logout(viewer: Viewer, ip: string): Promise<void> {
    if (!viewer.sessionId) throw new AuthError('SESSION_REQUIRED');
    await this.revokeSession(viewer.sessionId);
    await this.deps.audit.record({
      event: 'session.logout',
      userId: viewer.userId,
      ip,
      details: { sessionId: viewer.sessionId },
    });
  }

  /** The viewer's signed-in sessions (one per device sign-in), the current one marked. */
  async listSessions(viewer: Viewer): Promise<SignedInSession[]> {
    const rows = await this.deps.sessions.listLive(viewer.userId, this.deps.clock.now());
    return rows.map((row) => ({
      id: row.familyId,
      signedInAt: row.authenticatedAt,
      lastActiveAt: row.createdAt,
      expiresAt: row.expiresAt,
      isCurrent: row.familyId === viewer.sessionId,
    }));
  }

  /** Ends one of the viewer's sessions at once, on every node (another's id is not found). */
  async revokeOwnSession(viewer: Viewer, sessionId: string, ip: string): Promise<void> {
    if (!isUuid(sessionId) || !(await this.deps.sessions.isFamilyOf(sessionId, viewer.userId)))
      throw new AuthError('SESSION_NOT_FOUND');
    await this.revokeSession(sessionId);
    await this.deps.audit.record({
      event: 'session.revoked',
      userId: viewer.userId,
      ip,
      details: { sessionId },
    });
  }

  async logoutEverywhere(userId: string, ip: string): Promise<void> {
    await this.revokeAll(userId, { personalAccessTokens: false });
    await this.deps.audit.record({ event: 'session.logout_everywhere', userId, ip });
  }

  /** Ends every session of a person now (and their personal access tokens when asked). */
  async revokeAll(userId: string, options: { personalAccessTokens: boolean }): Promise<void> {
    const { sessions, revocations, accessTokens, clock } = this.deps;
    const now = clock.now();
    const families = await sessions.revokeAllOfUser(userId, now);
    if (options.personalAccessTokens) await sessions.revokeAllPersonalAccessTokens(userId, now);
    await revocations.revokeUserTokensBefore(userId, now, accessTokens.ttlMs);
    for (const family of families) await revocations.revokeSession(family, accessTokens.ttlMs);
  }

  private async revokeSession(familyId: string): Promise<void> {
    await this.deps.sessions.revokeFamily(familyId, this.deps.clock.now());
    await this.deps.revocations.revokeSession(familyId, this.deps.accessTokens.ttlMs);
  }

  private async issue(
    user: UserRow,
    familyId: string,
    now: Date,
    authenticatedAt: Date,
  ): Promise<SessionTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(now.getTime() + this.deps.refreshTtlDays * 86_400_000);
    await this.deps.sessions.insert({
      id: randomUUID(),
      familyId,
      userId: user.id,
      tokenHash: sha256(refreshToken),
      createdAt: now,
      authenticatedAt,
      expiresAt: refreshTokenExpiresAt,
      rotatedAt: null,
      revokedAt: null,
    });
    const access = await this.deps.accessTokens.issue({
      userId: user.id,
      sessionId: familyId,
      scopes: scopesForUser(user, now),
      authenticatedAt,
    });
    return {
      user,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
    };
  }
}

export interface SignedInSession {
  id: string;
  signedInAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  isCurrent: boolean;
}
