import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { isRedisReady } from '../redis';

/**
 * Revocations every API node must see at once: revoked sessions (refresh-token families) and, per
 * user, the instant before which every access token is void. Entries only need to outlive the
 * access tokens they void, so they expire after the access-token lifetime.
 *
 * PostgreSQL is the truth (a session is ended when its refresh-token family is marked revoked, which
 * the session service writes before it calls this store); Redis, or a process's memory when
 * embedded, is the fast path. So a restarted Redis that lost its keys, a Redis that cannot be
 * reached, or a restarted embedded process never lets an ended session's tokens work again.
 */
export interface RevocationStore {
  revokeSession(sessionId: string, ttlMs: number): Promise<void>;
  revokeUserTokensBefore(userId: string, instant: Date, ttlMs: number): Promise<void>;
  /** Whether a token of this session and user, issued at `issuedAtMs`, has been revoked. */
  isRevoked(token: { sessionId?: string; userId: string; issuedAtMs: number }): Promise<boolean>;
  /** Loads the sessions ended within the last access-token lifetime from the durable record. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

/** What PostgreSQL knows (the session repository). */
export interface DurableRevocations {
  /** Whether the session has been ended, or no longer exists (its person was deleted). */
  isSessionRevoked(sessionId: string): Promise<boolean>;
  /** Sessions ended at or after `since`, with when. */
  sessionsRevokedSince(since: Date): Promise<Array<{ sessionId: string; revokedAt: Date }>>;
}

interface StoreOptions {
  durable: DurableRevocations;
  /** The access-token lifetime: how long an entry must be remembered. */
  ttlMs: number;
  now?: () => number;
  logger?: Logger;
}

/** The embedded store: one process, one map, warmed from the database at start. */
export function createMemoryRevocationStore(options: StoreOptions): RevocationStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: number; expiresAtMs: number }>();
  const read = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.value;
  };
  return {
    revokeSession: async (sessionId, ttlMs) =>
      void entries.set(`s:${sessionId}`, { value: 1, expiresAtMs: now() + ttlMs }),
    revokeUserTokensBefore: async (userId, instant, ttlMs) => {
      const value = Math.max(instant.getTime(), read(`u:${userId}`) ?? 0);
      entries.set(`u:${userId}`, { value, expiresAtMs: now() + ttlMs });
    },
    isRevoked: async ({ sessionId, userId, issuedAtMs }) => {
      if (sessionId !== undefined && read(`s:${sessionId}`) !== undefined) return true;
      const validAfterMs = read(`u:${userId}`);
      return validAfterMs !== undefined && issuedAtMs < validAfterMs;
    },
    warm: async () => {
      const since = new Date(now() - options.ttlMs);
      for (const { sessionId, revokedAt } of await options.durable.sessionsRevokedSince(since)) {
        entries.set(`s:${sessionId}`, {
          value: 1,
          expiresAtMs: revokedAt.getTime() + options.ttlMs,
        });
      }
    },
    close: async () => entries.clear(),
  };
}

/**
 * The distributed store: Redis keys under the deployment's prefix, shared by every node, with
 * PostgreSQL behind them. A marker key says Redis holds every recent revocation; while it is
 * missing (Redis restarted empty), while Redis cannot be reached, or until this node has loaded
 * what it may have missed during an outage, checks ask PostgreSQL.
 */
export function createRedisRevocationStore(
  redis: Redis,
  prefix: string,
  options: StoreOptions,
): RevocationStore {
  const now = options.now ?? Date.now;
  const sessionKey = (id: string) => `${prefix}:revoked:session:${id}`;
  const userKey = (id: string) => `${prefix}:revoked:user:${id}`;
  const warmKey = `${prefix}:revoked:warm`;
  // Until this node has warmed Redis after connecting (or reconnecting), it trusts only PostgreSQL.
  let trusted = false;
  let warming: Promise<void> | undefined;

  const warm = (): Promise<void> => {
    warming ??= (async () => {
      try {
        const since = new Date(now() - options.ttlMs);
        const ended = await options.durable.sessionsRevokedSince(since);
        const pipeline = redis.pipeline();
        for (const { sessionId, revokedAt } of ended) {
          const remainingMs = revokedAt.getTime() + options.ttlMs - now();
          if (remainingMs > 0) pipeline.set(sessionKey(sessionId), '1', 'PX', remainingMs);
        }
        pipeline.set(warmKey, String(now()));
        const results = await pipeline.exec();
        const failed = results?.find(([error]) => error !== null);
        if (failed?.[0]) throw failed[0];
        trusted = true;
      } catch (err) {
        options.logger?.warn({ err }, 'revocations: could not load recent ones into Redis');
      } finally {
        warming = undefined;
      }
    })();
    return warming;
  };
  const distrust = () => {
    trusted = false;
  };
  redis.on('close', distrust);
  redis.on('ready', () => void warm());

  const fromDatabase = async (token: { sessionId?: string }): Promise<boolean> =>
    token.sessionId !== undefined && options.durable.isSessionRevoked(token.sessionId);

  return {
    revokeSession: async (sessionId, ttlMs) => {
      try {
        await redis.set(sessionKey(sessionId), '1', 'PX', ttlMs);
      } catch (err) {
        // Already in PostgreSQL; this node asks it until Redis is back and warmed again.
        distrust();
        options.logger?.warn({ err }, 'revocations: Redis unreachable, kept in the database');
      }
    },
    revokeUserTokensBefore: async (userId, instant, ttlMs) => {
      try {
        // Keeps the later instant when two revocations race.
        await redis.eval(
          "local c = tonumber(redis.call('GET', KEYS[1]) or '0'); local v = math.max(c, tonumber(ARGV[1])); redis.call('SET', KEYS[1], v, 'PX', ARGV[2]); return v",
          1,
          userKey(userId),
          String(instant.getTime()),
          String(ttlMs),
        );
      } catch (err) {
        distrust();
        options.logger?.warn({ err }, 'revocations: Redis unreachable, kept in the database');
      }
    },
    isRevoked: async (token) => {
      const { sessionId, userId, issuedAtMs } = token;
      if (!trusted || !isRedisReady(redis)) return fromDatabase(token);
      let values: Array<string | null>;
      try {
        values = await redis.mget(
          sessionId ? sessionKey(sessionId) : userKey(userId),
          userKey(userId),
          warmKey,
        );
      } catch {
        return fromDatabase(token);
      }
      const [session, validAfter, warmed] = values;
      if (warmed === null || warmed === undefined) {
        // Redis lost its keys (restarted without persistence): load them again, ask PostgreSQL.
        distrust();
        void warm();
        return fromDatabase(token);
      }
      if (sessionId && session !== null) return true;
      return validAfter !== null && validAfter !== undefined && issuedAtMs < Number(validAfter);
    },
    warm,
    close: async () => {
      redis.off('close', distrust);
      await warming;
    },
  };
}
