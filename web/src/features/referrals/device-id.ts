const KEY = 'pace.device-id';

/**
 * A random id this browser keeps for good, sent at sign-up so referral rewards between accounts
 * made on one device can be refused (the server stores only its SHA-256). Null when storage is off.
 */
export function deviceId(): string | null {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept) return kept;
    const fresh = crypto.randomUUID();
    localStorage.setItem(KEY, fresh);
    return fresh;
  } catch {
    return null;
  }
}
