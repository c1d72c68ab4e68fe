import type { Redis } from 'ioredis';
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

export function createRateLimiters(options: {
  limits: Record<RateLimitName, RateLimit>;
  prefix: string;
  redis?: Redis;
}): RateLimiters {
  const limiters = new Map<RateLimitName, RateLimiterAbstract>();
  for (const [name, limit] of Object.entries(options.limits) as Array<[RateLimitName, RateLimit]>) {
    const settings = {
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
  return {
    peek: async (name, key) => {
      const limiter = limiterOf(name);
      const res = await limiter.get(key).catch(() => null);
      const state = stateOf(limiter, res);
      if (!res || res.consumedPoints < limiter.points) return { allowed: true, ...state };
      return { allowed: false, retryAfterS: state.resetS, ...state };
    },
    consume: async (name, key) => {
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
