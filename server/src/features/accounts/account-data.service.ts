import type { Clock } from '../../infra/clock';
import type { AuditService } from '../audit';
import { AccountError } from './account.errors';
import type { UserDataRepository } from './user-data.repository';

/** Columns that never leave the server, whichever table they are in. */
const SECRET_COLUMNS = new Set([
  'password_hash',
  'token_hash',
  'private_jwk',
  'challenge',
  // Webhook signing secrets (webhook_endpoints): shown once, never exported.
  'secret',
]);

export interface DataExport {
  fileName: string;
  contentType: string;
  content: string;
  /** Rows exported per table, `users` included. */
  rowCounts: Record<string, number>;
}

/** GDPR: everything a person owns, exported as JSON or deleted. */
export class AccountDataService {
  constructor(
    private readonly deps: {
      userData: UserDataRepository;
      audit: AuditService;
      clock: Clock;
      /** Tables whose rows outlive the account, anonymised instead (the audit log). */
      keptTables: string[];
      /** Files the person owns outside the database (receipt images), removed with the rows. */
      deleteFiles?: (userId: string) => Promise<void>;
      /** A raw row with its encrypted columns opened (the encryption feature); as stored without it. */
      openRow?: (table: string, row: Record<string, unknown>) => Record<string, unknown>;
      /** Refuses an export before the person verified their address (the email feature). */
      requireVerifiedEmail?: (userId: string) => Promise<void>;
    },
  ) {}

  async export(userId: string, ip: string): Promise<DataExport> {
    const { userData, clock, audit } = this.deps;
    const user = await userData.userRow(userId);
    if (!user) throw new AccountError('USER_NOT_FOUND');
    await this.deps.requireVerifiedEmail?.(userId);
    await audit.record({ event: 'data.exported', userId, ip });
    const tables: Record<string, Array<Record<string, unknown>>> = {
      users: [withoutSecrets(user)],
    };
    for (const table of await userData.userOwnedTables()) {
      const open = this.deps.openRow ?? ((_: string, row: Record<string, unknown>) => row);
      tables[table] = (await userData.rowsOf(table, userId)).map((row) =>
        withoutSecrets(open(table, row)),
      );
    }
    const exportedAt = clock.now();
    const content = JSON.stringify(
      { format: 'pace-export', version: 1, exportedAt: exportedAt.toISOString(), userId, tables },
      null,
      2,
    );
    return {
      fileName: `pace-export-${exportedAt.toISOString().slice(0, 10)}.json`,
      contentType: 'application/json',
      content,
      rowCounts: Object.fromEntries(
        Object.entries(tables).map(([name, rows]) => [name, rows.length]),
      ),
    };
  }

  /** Deletes every row the person owns; their audit events stay without personal data. */
  async delete(userId: string): Promise<void> {
    const { userData, audit, keptTables } = this.deps;
    await audit.anonymiseUser(userId);
    await userData.deleteEverything(userId, keptTables);
    await this.deps.deleteFiles?.(userId);
    await audit.record({ event: 'account.deleted' });
  }
}

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !SECRET_COLUMNS.has(column)));
}
