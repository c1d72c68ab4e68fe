/**
 * Password sign-ins slow down, never lock: after `FREE_FAILURES` wrong passwords in a row, each
 * further one makes the next attempt from a device the account does not know wait twice as long
 * (1 s, 2 s, 4 s … at most 15 minutes). Attempts refused during a wait do not count, so a stranger
 * cannot push the wait further than the schedule; the owner's known devices and passkeys are never
 * slowed, and a success clears the count.
 */
export const FREE_FAILURES = 4;
export const MAX_SIGN_IN_DELAY_MS = 15 * 60_000;

/** How long a new device waits after the `failures`-th wrong password in a row. */
export function signInDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  const exponent = Math.min(failures - FREE_FAILURES - 1, 20);
  return Math.min(1000 * 2 ** exponent, MAX_SIGN_IN_DELAY_MS);
}

/** The failure that starts the waits: the owner is told once it happens. */
export function isFirstDelay(failures: number): boolean {
  return failures === FREE_FAILURES + 1;
}
