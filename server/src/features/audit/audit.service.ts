import { randomUUID } from 'node:crypto';
import {
  cursorInstant,
  decodeCursor as decodeOpaque,
  encodeCursor as encodeOpaque,
  isCursorId,
} from '../../graphql/cursor';
import {
  connectionFromKeyset,
  type Connection,
  type ConnectionArgs,
  type SortKey,
} from '../../graphql/relay';
import type { Clock } from '../../infra/clock';
import type { AuditEventRepository, AuditFilter } from './audit-event.repository';
import type { AuditEventRow } from './audit-event.table';
import { AuditError } from './audit.errors';

/** The security events of domain.md §9. */
export type AuditEventName =
  | 'user.registered'
  | 'login.succeeded'
  | 'login.failed'
  | 'account.sign_in_slowed'
  | 'login.delayed'
  | 'token.refreshed'
  | 'refresh.reuse_detected'
  | 'session.logout'
  | 'session.logout_everywhere'
  | 'session.revoked'
  | 'password.changed'
  | 'password.reset_requested'
  | 'password.reset'
  | 'profile.updated'
  | 'scope.denied'
  | 'pat.created'
  | 'pat.revoked'
  | 'passkey.added'
  | 'passkey.removed'
  | 'data.exported'
  | 'account.deleted'
  | 'admin.signing_key_rotated'
  | 'admin.encryption_rotation_requested'
  | 'admin.encryption_rotation_started'
  | 'admin.encryption_rotation_finished'
  | 'admin.premium_granted'
  | 'admin.premium_revoked'
  | 'admin.feature_flag_changed'
  | 'admin.role_granted'
  | 'admin.viewed'
  | 'admin.user_locked'
  | 'admin.user_unlocked'
  | 'admin.sessions_revoked'
  | 'admin.user_deleted'
  | 'admin.job_retried'
  | 'payments.premium_granted'
  | 'payments.premium_revoked'
  | 'payments.signature_rejected'
  | 'referral.reward_granted'
  | 'referral.reward_refused'
  | 'login.locked'
  | 'email.verification_sent'
  | 'email.verified'
  | 'email.unsubscribed'
  | 'job.row_skipped';

export interface AuditEntry {
  event: AuditEventName;
  userId?: string | null;
  ip?: string | null;
  /** Identifiers and outcomes only: never passwords, tokens or e-mail addresses. */
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditPage {
  rows: AuditEventRow[];
  hasNextPage: boolean;
}

export class AuditService {
  constructor(private readonly deps: { repository: AuditEventRepository; clock: Clock }) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.deps.repository.insert({
      id: randomUUID(),
      occurredAt: this.deps.clock.now(),
      event: entry.event,
      userId: entry.userId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    });
  }

  async list(options: {
    first: number;
    after?: string | null;
    filter: AuditFilter;
  }): Promise<AuditPage> {
    if (options.first < 1 || options.first > 200)
      throw new AuditError('AUDIT_PAGE_SIZE', { max: 200 });
    const after = options.after ? decodeCursor(options.after) : undefined;
    const rows = await this.deps.repository.list({
      limit: options.first + 1,
      after,
      filter: options.filter,
    });
    return { rows: rows.slice(0, options.first), hasNextPage: rows.length > options.first };
  }

  /** A Relay page of the log, newest first, forward or backward (same cursors as `list`). */
  connection(args: ConnectionArgs, filter: AuditFilter): Promise<Connection<AuditEventRow>> {
    const position = (key: SortKey | null) => {
      const at = key && instantIdOf(key);
      return at ? { occurredAt: at.at, id: at.id } : null;
    };
    return connectionFromKeyset(
      args,
      {
        key: (row) => [row.occurredAt.toISOString(), row.id],
        keyLength: 2,
        isKey: (key) => instantIdOf(key) !== null,
      },
      (window) =>
        this.deps.repository.list({
          limit: window.limit,
          after: position(window.after),
          before: position(window.before),
          backward: window.backward,
          filter,
        }),
    );
  }

  anonymiseUser(userId: string): Promise<void> {
    return this.deps.repository.anonymiseUser(userId);
  }
}

export function encodeCursor(row: Pick<AuditEventRow, 'occurredAt' | 'id'>): string {
  return encodeOpaque([row.occurredAt.toISOString(), row.id]);
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [instant, id] = decodeOpaque(cursor, 2) ?? [];
  const occurredAt = instant === undefined ? null : cursorInstant(instant);
  if (!occurredAt || !id || !isCursorId(id)) throw new AuditError('AUDIT_BAD_CURSOR');
  return { occurredAt, id };
}

/** A cursor key (instant, id) as a position, or null unless a stored row could have it. */
function instantIdOf(key: SortKey): { at: Date; id: string } | null {
  const [instant, id] = key;
  const at = instant === undefined ? null : cursorInstant(instant);
  return at && id && isCursorId(id) ? { at, id } : null;
}
