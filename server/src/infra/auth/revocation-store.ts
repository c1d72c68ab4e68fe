import type { Redis } from 'ioredis';

/**
 * Revocations every API node must see at once: revoked sessions (refresh-token families) and, per
 * user, the instant before which every access token is void. Entries only need to outlive the
 * access tokens they void, so they expire after the access-token lifetime.
 */
export interface RevocationStore {
  revokeSession(sessionId: string, ttlMs: number): Promise<void>;
  revokeUserTokensBefore(userId: string, instant: Date, ttlMs: number): Promise<void>;
  /** Whether a token of this session and user, issued at `issuedAtMs`, has been revoked. */
  isRevoked(token: { sessionId?: string; userId: string; issuedAtMs: number }): Promise<boolean>;
  close(): Promise<void>;
}

/** The embedded store: one process, one map. */
export function createMemoryRevocationStore(now: () => number = Date.now): RevocationStore {
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
    close: async () => entries.clear(),
  };
}

/** The distributed store: Redis keys under the deployment's prefix, shared by every node. */
export function createRedisRevocationStore(redis: Redis, prefix: string): RevocationStore {
  const sessionKey = (id: string) => `${prefix}:revoked:session:${id}`;
  const userKey = (id: string) => `${prefix}:revoked:user:${id}`;
  return {
    revokeSession: async (sessionId, ttlMs) =>
      void (await redis.set(sessionKey(sessionId), '1', 'PX', ttlMs)),
    revokeUserTokensBefore: async (userId, instant, ttlMs) => {
      // Keeps the later instant when two revocations race.
      await redis.eval(
        "local c = tonumber(redis.call('GET', KEYS[1]) or '0'); local v = math.max(c, tonumber(ARGV[1])); redis.call('SET', KEYS[1], v, 'PX', ARGV[2]); return v",
        1,
        userKey(userId),
        String(instant.getTime()),
        String(ttlMs),
      );
    },
    isRevoked: async ({ sessionId, userId, issuedAtMs }) => {
      const [session, validAfter] = await redis.mget(
        sessionId ? sessionKey(sessionId) : userKey(userId),
        userKey(userId),
      );
      if (sessionId && session !== null) return true;
      return validAfter !== null && validAfter !== undefined && issuedAtMs < Number(validAfter);
    },
    close: async () => undefined,
  };
}
