import { describe, expect, it } from 'vitest';
import { computeSlidingWindow } from './sliding-window';

const MINUTE = 60_000;

describe('computeSlidingWindow', () => {
  it.each([
    // points, elapsed, previous, current → allowed, remaining, retryAfterMs
    { points: 5, elapsedMs: 0, previous: 0, current: 0, allowed: true, remaining: 4, retry: 0 },
    { points: 5, elapsedMs: 0, previous: 0, current: 4, allowed: true, remaining: 0, retry: 0 },
    // Fixed windows would allow this one: the previous window's burst still weighs 59/60.
    {
      points: 5,
      elapsedMs: 1000,
      previous: 5,
      current: 0,
      allowed: false,
      remaining: 0,
      retry: 11_000,
    },
    // Half-way through, half of the previous window's count still counts.
    {
      points: 10,
      elapsedMs: MINUTE / 2,
      previous: 10,
      current: 4,
      allowed: true,
      remaining: 0,
      retry: 0,
    },
    {
      points: 10,
      elapsedMs: MINUTE / 2,
      previous: 10,
      current: 5,
      allowed: false,
      remaining: 0,
      retry: 6000,
    },
    // Full in this window: wait for the next, until this window's count has faded enough.
    {
      points: 4,
      elapsedMs: 45_000,
      previous: 0,
      current: 4,
      allowed: false,
      remaining: 0,
      retry: 30_000,
    },
  ])(
    '$points per minute, $elapsedMs ms in, $previous before and $current now → allowed: $allowed',
    ({ points, elapsedMs, previous, current, allowed, remaining, retry }) => {
      const verdict = computeSlidingWindow({
        points,
        windowMs: MINUTE,
        elapsedMs,
        previous,
        current,
      });
      expect(verdict).toEqual({ allowed, remaining, retryAfterMs: retry });
    },
  );

  it('allows exactly when the returned wait has passed', () => {
    const start = { points: 5, windowMs: MINUTE, elapsedMs: 50_000, previous: 3, current: 5 };
    const { retryAfterMs } = computeSlidingWindow(start);
    // The wait crosses into the next window: this window's 5 become the previous ones.
    const at = (ms: number) =>
      computeSlidingWindow({ ...start, elapsedMs: ms - MINUTE, previous: 5, current: 0 });
    expect(at(start.elapsedMs + retryAfterMs).allowed).toBe(true);
    expect(at(start.elapsedMs + retryAfterMs - 1000).allowed).toBe(false);
  });
});
