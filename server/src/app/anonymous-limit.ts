import type { NextFunction, Request, Response } from 'express';
import { appErrorBody } from '../graphql/format-error';
import { AccessError } from '../graphql/scopes';
import type { RateLimiters, RateLimitState } from '../infra/auth/rate-limiter';

function setRateLimitHeaders(res: Response, state: RateLimitState): void {
  res.setHeader('RateLimit-Limit', String(state.limit));
  res.setHeader('RateLimit-Remaining', String(state.remaining));
  res.setHeader('RateLimit-Reset', String(state.resetS));
  res.setHeader('RateLimit-Policy', `${state.limit};w=${state.windowS}`);
}

/**
 * Every API request without a valid token spends from one budget per client IP
 * (`RATE_LIMIT_ANONYMOUS_REQUESTS`, sliding window; the IP as `TRUST_PROXY` resolves it). Refused:
 * 429 with `Retry-After`, `RateLimit-*` and a typed `{ errors: [RATE_LIMITED] }` body (an allowed
 * anonymous response carries no `RateLimit-*`: the tighter per-operation limits, such as sign-in's,
 * speak for it). Signed-in requests spend their own limit instead.
 */
export function anonymousRequestLimit(deps: {
  rateLimiters: RateLimiters;
  /** Whether the request carries no valid token (read once, without spending the viewer's limit). */
  isAnonymous: (req: Request) => Promise<boolean>;
}) {
  return (req: Request, res: Response, next: NextFunction) => {
    const check = async () => {
      if (req.method === 'OPTIONS' || !(await deps.isAnonymous(req))) return next();
      const outcome = await deps.rateLimiters.consume('anonymousRequests', req.ip ?? 'unknown');
      if (outcome.allowed) return next();
      setRateLimitHeaders(res, outcome);
      const refused = new AccessError('RATE_LIMITED', { retryAfter: outcome.retryAfterS });
      res.setHeader('Retry-After', String(outcome.retryAfterS));
      res.setHeader('Cache-Control', 'no-store');
      res.status(429).json({ errors: [appErrorBody(refused)] });
    };
    // The limiters survive a Redis outage on their own (per-node counting): anything else lets the
    // request through rather than failing it.
    check().catch(() => {
      if (!res.headersSent) next();
    });
  };
}
