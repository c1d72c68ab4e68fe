import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../infra/clock';
import { isScope } from '../../graphql/scopes';
import type { Viewer } from '../../graphql/context';
import type { AuditService } from '../audit';
import { sha256 } from '../accounts';
import { AuthError } from './auth.errors';
import type { PersonalAccessTokenRow } from './auth.table';
import type { PersonalAccessTokenRepository } from './personal-access-token.repository';
import { isUuid } from '../../graphql/ids';

export const PAT_PREFIX = 'pace_pat_';

/** Tokens for integrators with a chosen subset of the creator's scopes; shown once, stored hashed. */
export class PersonalAccessTokenService {
  constructor(
    private readonly deps: {
      repository: PersonalAccessTokenRepository;
      audit: AuditService;
      clock: Clock;
    },
  ) {}

  async create(
    viewer: Viewer,
    input: { name: string; scopes: string[]; expiresInDays: number },
    ip: string,
  ): Promise<{ token: string; row: PersonalAccessTokenRow }> {
    const scopes = [...new Set(input.scopes)];
    // A token can only hand on scopes its creator holds, so a token never widens its own access.
    const refused = scopes.filter((scope) => !isScope(scope) || !viewer.scopes.includes(scope));
    if (refused.length > 0 || scopes.length === 0)
      throw new AuthError('PAT_SCOPES_INVALID', { scopes: refused.join(', ') || '(none)' });
    if (
      !Number.isInteger(input.expiresInDays) ||
      input.expiresInDays < 1 ||
      input.expiresInDays > 365
    )
      throw new AuthError('PAT_EXPIRY_INVALID');
    const token = `${PAT_PREFIX}${randomBytes(32).toString('base64url')}`;
    const now = this.deps.clock.now();
    const row = await this.deps.repository.insert({
      id: randomUUID(),
      userId: viewer.userId,
      name: input.name.trim().slice(0, 100) || 'Token',
      tokenHash: sha256(token),
      prefix: token.slice(0, PAT_PREFIX.length + 4),
      scopes,
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.deps.audit.record({
      event: 'pat.created',
      userId: viewer.userId,
      ip,
      details: { tokenId: row.id, scopes: scopes.join(' ') },
    });
    return { token, row };
  }

  list(userId: string): Promise<PersonalAccessTokenRow[]> {
    return this.deps.repository.listOfUser(userId);
  }

  async revoke(userId: string, id: string, ip: string): Promise<void> {
    const row = isUuid(id)
      ? await this.deps.repository.revoke(id, userId, this.deps.clock.now())
      : null;
    if (!row) throw new AuthError('PAT_NOT_FOUND');
    await this.deps.audit.record({ event: 'pat.revoked', userId, ip, details: { tokenId: id } });
  }

  /** The viewer a presented token stands for, or null when it is unknown, revoked or expired. */
  async authenticate(token: string): Promise<Viewer | null> {
    const row = await this.deps.repository.findByHash(sha256(token));
    const now = this.deps.clock.now();
    if (!row || row.revokedAt || row.expiresAt <= now) return null;
    await this.deps.repository.touch(row.id, now);
    return { userId: row.userId, scopes: row.scopes, tokenKind: 'pat' };
  }
}
