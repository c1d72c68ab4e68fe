'use client';

import { useSession } from '@/features/auth';

/** The scopes an access token carries (its `scope` claim), read on the device; none when unreadable. */
export function scopesOfToken(token: string): string[] {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { scope?: unknown };
    return typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  } catch {
    return [];
  }
}

/**
 * Whether the signed-in person's token carries admin:* (null while the session loads). Only hides
 * or shows the way in: the API refuses every admin operation to other tokens anyway.
 */
export function useIsAdmin(): boolean | null {
  const session = useSession();
  if (session.kind === 'loading') return null;
  if (session.kind !== 'signed-in') return false;
  return scopesOfToken(session.session.accessToken).includes('admin:*');
}

/** The signed-in person's account id (null while loading or signed out). */
export function useViewerId(): string | null {
  const session = useSession();
  return session.kind === 'signed-in' ? session.session.user.id : null;
}
