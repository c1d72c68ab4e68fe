/**
 * Cooldowns for notifications (pace 24 h per category, wins 7 days): events carry a key and a
 * duration, the server keeps when each key was last sent, and this pure filter drops what is still
 * cooling down. The clock is an input, never read here.
 */

/** An event that may be held back by a cooldown. */
export interface CooldownEvent {
  readonly cooldownKey: string;
  readonly cooldownMs: number;
}

/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;

/** Keeps the events whose key was never sent, or was sent at least `cooldownMs` before `nowMs`. */
export function applyCooldowns<T extends CooldownEvent>(
  events: readonly T[],
  lastSentAtMs: Readonly<Record<string, number>>,
  nowMs: number,
): T[] {
  return events.filter((event) => {
    const last = lastSentAtMs[event.cooldownKey];
    return last === undefined || nowMs - last >= event.cooldownMs;
  });
}
