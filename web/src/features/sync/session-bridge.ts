'use client';

import { useSyncExternalStore } from 'react';

/** Gives the signed-in session's current access token (refreshing it if needed), or null. */
export type AccessTokenSource = () => Promise<string | null>;

let source: AccessTokenSource | null = null;
const listeners = new Set<() => void>();

/**
 * The auth feature tells sync how to get the session's access token: on sign-in (and on every
 * reload that finds a session) with its token getter, on sign-out with null. Sync, the live
 * socket and the screens' online work all ask it; nothing here stores a token.
 */
export function provideAccessToken(next: AccessTokenSource | null): void {
  if (source === next) return;
  source = next;
  for (const listener of listeners) listener();
}

/** The current token source; screens start sync with it. */
export function useAccessTokenSource(): AccessTokenSource | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => source,
    () => null,
  );
}

let onRejected: (() => void) | null = null;

/** Auth listens: the API refused the token (revoked, expired) — refresh it or end the session. */
export function onTokenRejected(handler: (() => void) | null): void {
  onRejected = handler;
}

/** Sync and the live socket report that the API answered UNAUTHENTICATED. */
export function reportTokenRejected(): void {
  onRejected?.();
}

/** The session's access token now (refreshed if due), or null when signed out. */
export async function currentAccessToken(): Promise<string | null> {
  return source ? source() : null;
}
