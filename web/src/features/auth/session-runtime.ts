'use client';

import { useSyncExternalStore } from 'react';
import { resolveApiEndpoints } from '@/lib/apollo';
import { clearPaceDatabase, paceDatabase } from '@/lib/db';
import { fetchTransport, type GraphqlTransport } from '@/lib/sync';
import { LOGOUT, LOGOUT_EVERYWHERE, type SessionPayload } from './auth.operations';
import { SESSION_STORAGE_KEY, SessionStore, type SessionStatus } from './session-store';

/** The account whose data this device's database holds; another account starts it afresh. */
const OWNER_KEY = 'pace.session.owner';

let store: SessionStore | null = null;

/** This tab's session store (browser only), following the other tabs' sign-ins and sign-outs. */
export function sessionStore(): SessionStore {
  if (!store) {
    const created = new SessionStore({
      storage: window.localStorage,
      transport: anonymousTransport(),
      withLock: <T>(name: string, work: () => Promise<T>): Promise<T> =>
        'locks' in navigator ? (navigator.locks.request(name, work) as Promise<T>) : work(),
      now: Date.now,
    });
    window.addEventListener('storage', (event) => {
      if (event.key === SESSION_STORAGE_KEY) created.reload();
    });
    store = created;
  }
  return store;
}

/** The API without a token: sign-in, sign-up, refresh and resets are public. */
export function anonymousTransport(): GraphqlTransport {
  return fetchTransport(resolveApiEndpoints(window.location).httpUrl, () => null);
}

/** The API with the session's token (refreshed when due). */
export function sessionTransport(): GraphqlTransport {
  return fetchTransport(resolveApiEndpoints(window.location).httpUrl, () =>
    sessionStore().accessToken(),
  );
}

const LOADING = { kind: 'loading' } as const;

/** The session; `loading` while the static page hydrates. */
export function useSession(): SessionStatus | typeof LOADING {
  return useSyncExternalStore<SessionStatus | typeof LOADING>(
    (listener) => sessionStore().subscribe(listener),
    () => sessionStore().getStatus(),
    () => LOADING,
  );
}

/** Starts a session; a different account than the last one on this device starts it empty. */
export async function startSession(session: SessionPayload): Promise<void> {
  const owner = window.localStorage.getItem(OWNER_KEY);
  if (owner !== session.user.id) {
    await clearPaceDatabase(paceDatabase());
    window.localStorage.setItem(OWNER_KEY, session.user.id);
  }
  sessionStore().save(session);
}

/**
 * Ends the session here (and, with `everywhere`, on every device) and forgets this device's
 * copy of the account. Offline, the server's session simply expires.
 */
export async function signOut(options: { everywhere?: boolean } = {}): Promise<void> {
  try {
    await sessionTransport()(options.everywhere ? LOGOUT_EVERYWHERE : LOGOUT);
  } catch {
    // Already ended, or offline: this device forgets it either way.
  }
  await forgetDevice();
  sessionStore().clear('signed-out');
}

/** Empties this device's copy of the account (sign-out, an ended session, a deleted account). */
export async function forgetDevice(): Promise<void> {
  await clearPaceDatabase(paceDatabase());
  window.localStorage.removeItem(OWNER_KEY);
}

/** Forgets the session on this device only (the account is gone, or was deleted). */
export function endLocalSession(): void {
  sessionStore().clear('signed-out');
}
