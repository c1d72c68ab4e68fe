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

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterS: number };

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
  return {
    peek: async (name, key) => {
      const limiter = limiterOf(name);
      const state = await limiter.get(key).catch(() => null);
      if (!state || state.consumedPoints < limiter.points) return { allowed: true };
      return { allowed: false, retryAfterS: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
    },
    consume: async (name, key) => {
      const limiter = limiterOf(name);
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return {
            allowed: false,
            retryAfterS: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
          };
        }
        throw rejection;
      }
    },
  };
}
