import { describe, expect, it } from 'vitest';
import {
  FREE_FAILURES,
  isFirstDelay,
  MAX_SIGN_IN_DELAY_MS,
  signInDelayMs,
} from './sign-in-delay.rules';

describe('signInDelayMs', () => {
  it('lets the first failures through, then doubles the wait up to 15 minutes', () => {
    const waits = Array.from({ length: 20 }, (_, i) => signInDelayMs(i + 1));
    expect(waits.slice(0, FREE_FAILURES)).toEqual([0, 0, 0, 0]);
    expect(waits.slice(FREE_FAILURES, FREE_FAILURES + 5)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(Math.max(...waits)).toBe(MAX_SIGN_IN_DELAY_MS);
    for (let i = 1; i < waits.length; i += 1)
      expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1] ?? 0);
    expect(signInDelayMs(10_000)).toBe(MAX_SIGN_IN_DELAY_MS);
  });

  it('marks only the failure that starts the waits', () => {
    expect([4, 5, 6].map(isFirstDelay)).toEqual([false, true, false]);
  });
});
