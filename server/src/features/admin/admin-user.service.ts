import { decodeCursor, encodeCursor } from '../../graphql/cursor';
import {
  connectionFromKeyset,
  type Connection,
  type ConnectionArgs,
  type SortKey,
} from '../../graphql/relay';
import { isUuid } from '../../graphql/ids';
import type { AccountDataService, UserRepository, UserRow } from '../accounts';
import type { AuditEventName, AuditService } from '../audit';
import type { SessionService } from '../auth';
import { AdminError } from './admin.errors';

export const MAX_USERS_PAGE = 100;
const MAX_SEARCH = 200;
const MAX_LOCK_MS = 10 * 366 * 86_400_000;

export interface AdminUserPage {
  rows: UserRow[];
  hasNextPage: boolean;
  /** When the page was read (premium and locks are judged at this instant). */
  at: Date;
}

/** An account after an admin's change, and when it was made. */
export interface AdminUserSnapshot {
  user: UserRow;
  at: Date;
}

/** Who did it, and from where: every admin action is audited with both. */
export interface AdminActor {
  adminId: string;
  ip: string;
}

const invalid = (message: string) => new AdminError('ADMIN_INPUT_INVALID', { message });

/** People as admins see them: search, lock and unlock, end sessions, delete. Every call is audited. */
export class AdminUserService {
  constructor(
    private readonly deps: {
      users: UserRepository;
      sessions: SessionService;
      accountData: AccountDataService;
      audit: AuditService;
      now: () => Date;
    },
  ) {}

  /** By e-mail prefix or account id (none: everyone), in e-mail order. */
  async search(
    actor: AdminActor,
    input: { search: string | null; first: number; after: string | null },
  ): Promise<AdminUserPage> {
    if (!Number.isInteger(input.first) || input.first < 1 || input.first > MAX_USERS_PAGE)
      throw invalid(`first must be between 1 and ${MAX_USERS_PAGE}.`);
    const search = input.search?.trim().toLowerCase() ?? '';
    if (search.length > MAX_SEARCH)
      throw invalid(`search is longer than ${MAX_SEARCH} characters.`);
    const afterEmail = input.after ? afterOf(input.after) : undefined;
    const rows = await this.deps.users.listByEmail({
      ...(isUuid(search) ? { id: search } : search ? { emailPrefix: search } : {}),
      ...(afterEmail !== undefined ? { afterEmail } : {}),
      limit: input.first + 1,
    });
    await this.audit(actor, 'admin.viewed', null, { what: 'users', isSearch: search !== '' });
    return {
      rows: rows.slice(0, input.first),
      hasNextPage: rows.length > input.first,
      at: this.deps.now(),
    };
  }

  /**
   * A Relay page of accounts in e-mail order (by e-mail prefix or account id; none: everyone),
   * forward or backward; the cursor is the e-mail address, which is unique.
   */
  async connection(
    actor: AdminActor,
    input: { search: string | null; page: ConnectionArgs },
  ): Promise<{ page: Connection<UserRow>; at: Date }> {
    const search = input.search?.trim().toLowerCase() ?? '';
    if (search.length > MAX_SEARCH)
      throw invalid(`search is longer than ${MAX_SEARCH} characters.`);
    const emailOf = (key: SortKey | null) => (key ? key[0] : undefined);
    const page = await connectionFromKeyset(
      input.page,
      {
        key: (row: UserRow) => [row.email],
        keyLength: 1,
        isKey: ([email]) => email !== undefined && email.length <= 320,
      },
      (window) => {
        const afterEmail = emailOf(window.after);
        const beforeEmail = emailOf(window.before);
        return this.deps.users.listByEmail({
          ...(isUuid(search) ? { id: search } : search ? { emailPrefix: search } : {}),
          ...(afterEmail !== undefined ? { afterEmail } : {}),
          ...(beforeEmail !== undefined ? { beforeEmail } : {}),
          backward: window.backward,
          limit: window.limit,
        });
      },
    );
    await this.audit(actor, 'admin.viewed', null, { what: 'users', isSearch: search !== '' });
    return { page, at: this.deps.now() };
  }

  /**
   * Locks the account until `until`: no sign-in of any kind before then, and every session and
   * personal access token ends now (the tokens do not come back when the lock ends).
   */
  async lock(actor: AdminActor, userId: string, until: Date): Promise<AdminUserSnapshot> {
    const now = this.deps.now();
    if (until <= now) throw invalid('until must be in the future.');
    if (until.getTime() - now.getTime() > MAX_LOCK_MS)
      throw invalid('until must be at most 10 years ahead.');
    this.assertOther(actor, userId);
    const user = await this.deps.users.update(userId, { adminLockedUntil: until, updatedAt: now });
    if (!user) throw new AdminError('ADMIN_USER_NOT_FOUND');
    await this.deps.sessions.revokeAll(userId, { personalAccessTokens: true });
    await this.audit(actor, 'admin.user_locked', userId, { until: until.toISOString() });
    return { user, at: now };
  }

  /** Lifts an admin's lock (and the waits after wrong passwords); unlocking twice changes nothing. */
  async unlock(actor: AdminActor, userId: string): Promise<AdminUserSnapshot> {
    const now = this.deps.now();
    const user = await this.deps.users.update(this.known(userId), {
      adminLockedUntil: null,
      lockedUntil: null,
      failedLoginCount: 0,
      updatedAt: now,
    });
    if (!user) throw new AdminError('ADMIN_USER_NOT_FOUND');
    await this.audit(actor, 'admin.user_unlocked', userId, {});
    return { user, at: now };
  }

  /** Ends every session of the person now, on every node (open sockets close); they may sign in again. */
  async revokeSessions(actor: AdminActor, userId: string): Promise<AdminUserSnapshot> {
    const user = await this.get(userId);
    await this.deps.sessions.revokeAll(user.id, { personalAccessTokens: false });
    await this.audit(actor, 'admin.sessions_revoked', user.id, {});
    return { user, at: this.deps.now() };
  }

  /** Deletes the account and everything it owns; the audit keeps the events without personal data. */
  async delete(actor: AdminActor, userId: string): Promise<void> {
    this.assertOther(actor, userId);
    const user = await this.get(userId);
    await this.deps.sessions.revokeAll(user.id, { personalAccessTokens: true });
    await this.deps.accountData.delete(user.id);
    await this.audit(actor, 'admin.user_deleted', null, {});
  }

  private async get(userId: string): Promise<UserRow> {
    const user = await this.deps.users.findById(this.known(userId));
    if (!user) throw new AdminError('ADMIN_USER_NOT_FOUND');
    return user;
  }

  private known(userId: string): string {
    if (!isUuid(userId)) throw new AdminError('ADMIN_USER_NOT_FOUND');
    return userId;
  }

  private assertOther(actor: AdminActor, userId: string): void {
    if (this.known(userId) === actor.adminId) throw new AdminError('ADMIN_SELF_ACTION');
  }

  private audit(
    actor: AdminActor,
    event: Extract<AuditEventName, `admin.${string}`>,
    userId: string | null,
    details: Record<string, string | boolean>,
  ): Promise<void> {
    return this.deps.audit.record({
      event,
      userId,
      ip: actor.ip,
      details: { adminId: actor.adminId, ...details },
    });
  }
}

export function userCursor(row: Pick<UserRow, 'email'>): string {
  return encodeCursor([row.email]);
}

function afterOf(cursor: string): string {
  const [email] = decodeCursor(cursor, 1) ?? [];
  if (email === undefined || email.length > 320) throw invalid('after is not a valid cursor.');
  return email;
}
