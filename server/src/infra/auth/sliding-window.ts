/** Counts of one key in the current fixed window and the one before, and where "now" falls. */
export interface SlidingWindowCounts {
  points: number;
  windowMs: number;
  /** Time since the current window began, in [0, windowMs). */
  elapsedMs: number;
  previous: number;
  /** Requests already counted in the current window, this one not included. */
  current: number;
}

export interface SlidingWindowVerdict {
  allowed: boolean;
  /** Points left after this request (after it was counted when allowed). */
  remaining: number;
  /** How long until one more request would be allowed (0 when allowed now). */
  retryAfterMs: number;
}

/**
 * The sliding-window counter: the previous window's count weighted by how much of it still lies
 * within one window length of now, plus the current window's count. Unlike a fixed window, a
 * burst at the end of one window and another at the start of the next cannot add up to twice the
 * limit. Refused requests are not counted, so hammering does not lengthen the wait.
 */
export function computeSlidingWindow(counts: SlidingWindowCounts): SlidingWindowVerdict {
  const { points, windowMs, elapsedMs, previous, current } = counts;
  const weightedPrevious = previous * (1 - elapsedMs / windowMs);
  const estimate = weightedPrevious + current + 1;
  if (estimate <= points)
    return { allowed: true, remaining: Math.floor(points - estimate), retryAfterMs: 0 };
  return { allowed: false, remaining: 0, retryAfterMs: Math.ceil(slidingRetryAfterMs(counts)) };
}

/** The earliest time from now at which the estimate leaves room for one request. */
function slidingRetryAfterMs(counts: SlidingWindowCounts): number {
  const { points, windowMs, elapsedMs, previous, current } = counts;
  const room = points - 1 - current;
  if (room >= 0 && previous > 0)
    // Within this window the previous one's weight falls linearly to zero at its end.
    return Math.max(0, windowMs * (1 - room / previous) - elapsedMs);
  // The next window: this window's count becomes the weighted previous one.
  const untilNext = windowMs - elapsedMs;
  if (current <= 0 || points <= 0) return untilNext + (points <= 0 ? windowMs : 0);
  return untilNext + Math.max(0, windowMs * (1 - (points - 1) / current));
}
