import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import type { AuditService } from '../audit';
import type { UserRepository } from '../accounts';
import { isUuid } from '../../graphql/ids';
import { FlagError } from './flag.errors';
import { FLAG_KEY, MAX_FLAG_KEY, isFlagOn } from './flag.rules';
import { featureFlagUsers, featureFlags, type FeatureFlagRow } from './flag.table';

const MAX_DESCRIPTION = 500;

export interface FlagChange {
  key: string;
  description?: string | null;
  enabled?: boolean | null;
  rolloutPercent?: number | null;
}

const invalid = (message: string) => new FlagError('FLAG_INPUT_INVALID', { message });

/**
 * Feature flags: global, per person, and a percentage rollout deterministic by user id. Read by
 * the server (`isOn`) and by the PWA (`me.features`); managed by admins, every change audited.
 */
export class FlagService {
  constructor(
    private readonly deps: {
      db: Db;
      users: UserRepository;
      audit: AuditService;
      now: () => Date;
    },
  ) {}

  async list(): Promise<FeatureFlagRow[]> {
    return this.deps.db.select().from(featureFlags).orderBy(asc(featureFlags.key));
  }

  /** The keys of the flags on for a person, sorted. */
  async enabledFor(userId: string): Promise<string[]> {
    const [flags, overrides] = await Promise.all([
      this.list(),
      this.deps.db.select().from(featureFlagUsers).where(eq(featureFlagUsers.userId, userId)),
    ]);
    const byKey = new Map(overrides.map((o) => [o.flagKey, o.enabled]));
    return flags.filter((f) => isFlagOn(f, userId, byKey.get(f.key))).map((f) => f.key);
  }

  /** Whether one flag is on for a person; an unknown flag is off. */
  async isOn(userId: string, key: string): Promise<boolean> {
    return (await this.enabledFor(userId)).includes(key);
  }

  /** Creates or changes a flag; fields left out keep their value (new flags start off). */
  async set(adminId: string, change: FlagChange, ip: string | null): Promise<FeatureFlagRow> {
    const key = keyOf(change.key);
    if (change.rolloutPercent != null) {
      const p = change.rolloutPercent;
      if (!Number.isInteger(p) || p < 0 || p > 100)
        throw invalid('rolloutPercent is a whole number from 0 to 100.');
    }
    if (change.description != null && change.description.length > MAX_DESCRIPTION)
      throw invalid(`description is longer than ${MAX_DESCRIPTION} characters.`);
    const now = this.deps.now();
    const fields = {
      ...(change.description != null ? { description: change.description.trim() } : {}),
      ...(change.enabled != null ? { enabled: change.enabled } : {}),
      ...(change.rolloutPercent != null ? { rolloutPercent: change.rolloutPercent } : {}),
      updatedAt: now,
    };
    const [row] = await this.deps.db
      .insert(featureFlags)
      .values({ key, ...fields })
      .onConflictDoUpdate({ target: featureFlags.key, set: fields })
      .returning();
    if (!row) throw new Error('flag upsert returned nothing');
    await this.deps.audit.record({
      event: 'admin.feature_flag_changed',
      ip,
      details: {
        adminId,
        key,
        enabled: row.enabled,
        rolloutPercent: row.rolloutPercent,
      },
    });
    return row;
  }

  /** Turns a flag on or off for one person; null removes the override. */
  async setForUser(
    adminId: string,
    input: { key: string; userId: string; enabled: boolean | null },
    ip: string | null,
  ): Promise<FeatureFlagRow> {
    const key = keyOf(input.key);
    const [flag] = await this.deps.db.select().from(featureFlags).where(eq(featureFlags.key, key));
    if (!flag) throw new FlagError('FLAG_NOT_FOUND');
    if (!isUuid(input.userId) || !(await this.deps.users.findById(input.userId)))
      throw new FlagError('FLAG_USER_NOT_FOUND');
    const where = and(eq(featureFlagUsers.flagKey, key), eq(featureFlagUsers.userId, input.userId));
    if (input.enabled === null) await this.deps.db.delete(featureFlagUsers).where(where);
    else {
      const now = this.deps.now();
      await this.deps.db
        .insert(featureFlagUsers)
        .values({ flagKey: key, userId: input.userId, enabled: input.enabled, updatedAt: now })
        .onConflictDoUpdate({
          target: [featureFlagUsers.flagKey, featureFlagUsers.userId],
          set: { enabled: input.enabled, updatedAt: now },
        });
    }
    await this.deps.audit.record({
      event: 'admin.feature_flag_changed',
      userId: input.userId,
      ip,
      details: { adminId, key, override: input.enabled },
    });
    return flag;
  }

  /** Deletes a flag and its overrides (it is then off for everyone); true when it existed. */
  async delete(adminId: string, key: string, ip: string | null): Promise<boolean> {
    const deleted = await this.deps.db
      .delete(featureFlags)
      .where(eq(featureFlags.key, keyOf(key)))
      .returning({ key: featureFlags.key });
    if (deleted.length === 0) return false;
    await this.deps.audit.record({
      event: 'admin.feature_flag_changed',
      ip,
      details: { adminId, key, deleted: true },
    });
    return true;
  }
}

function keyOf(raw: string): string {
  const key = raw.trim();
  if (key.length > MAX_FLAG_KEY || !FLAG_KEY.test(key))
    throw invalid(
      `key must be lower-case words joined by dots, dashes or underscores, at most ${MAX_FLAG_KEY} characters.`,
    );
  return key;
}
