import type { Redis } from 'ioredis';
import { computeSlidingWindow } from './sliding-window';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export type RateLimitName =
  | 'login'
  | 'loginFailures'
  | 'register'
  | 'passwordReset'
  | 'anonymous'
  | 'anonymousRequests'
  | 'apiStandard'
  | 'apiPremium';

export interface RateLimit {
  points: number;
  durationS: number;
}

/** Where a key stands in its window: what `RateLimit-*` headers tell a client. */
export interface RateLimitState {
  /** Points per window. */
  limit: number;
  /** Points left in the current window (0 when refused). */
  remaining: number;
  /** Seconds until the window starts again (at least 1). */
  resetS: number;
  windowS: number;
}

export type RateLimitOutcome =
  ({ allowed: true } & RateLimitState) | ({ allowed: false; retryAfterS: number } & RateLimitState);

/** Named limits counted per key (an IP, a user id, an IP + e-mail …) in Redis or in memory. */
export interface RateLimiters {
  consume(name: RateLimitName, key: string): Promise<RateLimitOutcome>;
  /** Whether `consume` would still be allowed, without spending a point. */
  peek(name: RateLimitName, key: string): Promise<RateLimitOutcome>;
}

/**
 * Limits against abuse by anonymous callers slide (computeSlidingWindow): a burst at the end of one
 * window and another at the start of the next cannot add up to twice the limit. A signed-in
 * person's API limits keep fixed windows, whose `RateLimit-Reset` is the window's true end.
 */
const SLIDING: ReadonlySet<RateLimitName> = new Set<RateLimitName>([
  'login',
  'loginFailures',
  'register',
  'passwordReset',
  'anonymous',
  'anonymousRequests',
]);

/** A sliding limit's counters never refuse by themselves: the verdict is computed from two of them. */
const UNCAPPED_POINTS = 1_000_000_000;

export function createRateLimiters(options: {
  limits: Record<RateLimitName, RateLimit>;
  prefix: string;
  redis?: Redis;
  /** Milliseconds since the epoch; sliding windows are aligned on it (the injected clock). */
  now?: () => number;
}): RateLimiters {
  const now = options.now ?? Date.now;
  const limiters = new Map<RateLimitName, RateLimiterAbstract>();
  for (const [name, limit] of Object.entries(options.limits) as Array<[RateLimitName, RateLimit]>) {
    const sliding = SLIDING.has(name);
    // A sliding limit counts each key per aligned window and keeps a window's count for one more
    // window, when it is the "previous" one.
    const settings = sliding
      ? {
          points: UNCAPPED_POINTS,
          duration: 2 * limit.durationS,
          keyPrefix: `${options.prefix}:rls:${name}`,
        }
      : {
          points: limit.points,
          duration: limit.durationS,
          keyPrefix: `${options.prefix}:rl:${name}`,
        };
    // While Redis cannot be reached each node counts on its own (the same limits, per node): a
    // limit degrades to per-node rather than failing open for everyone or refusing everyone.
    limiters.set(
      name,
      options.redis
        ? new RateLimiterRedis({
            ...settings,
            storeClient: options.redis,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(settings),
          })
        : new RateLimiterMemory(settings),
    );
  }
  const limiterOf = (name: RateLimitName) => {
    const limiter = limiters.get(name);
    if (!limiter) throw new Error(`unknown rate limit ${name}`);
    return limiter;
  };
  const stateOf = (limiter: RateLimiterAbstract, res: RateLimiterRes | null): RateLimitState => ({
    limit: limiter.points,
    remaining: res ? Math.max(0, limiter.points - res.consumedPoints) : limiter.points,
    resetS: res ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : limiter.duration,
    windowS: limiter.duration,
  });
  const slide = async (name: RateLimitName, key: string, spend: boolean) => {
    const limiter = limiterOf(name);
    const limit = options.limits[name];
    const windowMs = limit.durationS * 1000;
    const at = now();
    const index = Math.floor(at / windowMs);
    const currentKey = `${key}|${index}`;
    const [spent, before] = await Promise.all([
      spend ? limiter.consume(currentKey) : limiter.get(currentKey).catch(() => null),
      limiter.get(`${key}|${index - 1}`).catch(() => null),
    ]);
    const verdict = computeSlidingWindow({
      points: limit.points,
      windowMs,
      elapsedMs: at - index * windowMs,
      previous: before?.consumedPoints ?? 0,
      current: (spent?.consumedPoints ?? 0) - (spend ? 1 : 0),
    });
    // A refused request is not counted: hammering does not lengthen the wait.
    if (spend && !verdict.allowed) await limiter.reward(currentKey).catch(() => undefined);
    const state: RateLimitState = {
      limit: limit.points,
      remaining: verdict.remaining,
      resetS: Math.max(
        1,
        Math.ceil(
          (verdict.allowed ? windowMs - (at - index * windowMs) : verdict.retryAfterMs) / 1000,
        ),
      ),
      windowS: limit.durationS,
    };
    return verdict.allowed
      ? { allowed: true as const, ...state }
      : { allowed: false as const, retryAfterS: state.resetS, ...state };
  };
  return {
    peek: async (name, key) => {
      if (SLIDING.has(name)) return slide(name, key, false);
      const limiter = limiterOf(name);
      const res = await limiter.get(key).catch(() => null);
      const state = stateOf(limiter, res);
      if (!res || res.consumedPoints < limiter.points) return { allowed: true, ...state };
      return { allowed: false, retryAfterS: state.resetS, ...state };
    },
    consume: async (name, key) => {
      if (SLIDING.has(name)) return slide(name, key, true);
      const limiter = limiterOf(name);
      try {
        return { allowed: true, ...stateOf(limiter, await limiter.consume(key)) };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          const state = stateOf(limiter, rejection);
          return { allowed: false, retryAfterS: state.resetS, ...state };
        }
        throw rejection;
      }
    },
  };
}
