'use client';

import { useCallback, useEffect, useState } from 'react';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { sessionTransport } from '@/features/auth';
import { useSyncStatus } from '@/features/sync/sync-runtime';

/**
 * One online request with the session's token. Not the sync runtime's `apiRequest`: that runtime
 * starts in the page's effect, after this screen's own effects have already asked for data.
 */
export function adminRequest<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  return sessionTransport()<T>(query, variables);
}

export type AdminLoad<T> =
  | { kind: 'loading' }
  | { kind: 'offline' }
  | { kind: 'forbidden' }
  | { kind: 'failed'; code: string }
  | { kind: 'ready'; data: T };

/** Why a request failed, for the screen: offline, not an admin, or the error's reason. */
export function failureOf(
  failure: unknown,
): Exclude<AdminLoad<never>, { kind: 'loading' | 'ready' }> {
  if (failure instanceof NetworkUnavailableError) return { kind: 'offline' };
  if (failure instanceof GraphqlRequestError) {
    if (failure.code === 'FORBIDDEN' && (!failure.reason || failure.reason === 'SCOPE_MISSING'))
      return { kind: 'forbidden' };
    return { kind: 'failed', code: failure.reason ?? failure.code };
  }
  return { kind: 'failed', code: '—' };
}

/** One admin query, read online when the section opens and on `reload`. */
export function useAdminQuery<T>(
  query: string,
  variables?: Record<string, unknown>,
): [AdminLoad<T>, () => void] {
  const isOffline = useSyncStatus().phase === 'offline';
  const [load, setLoad] = useState<AdminLoad<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables ?? {});

  useEffect(() => {
    if (isOffline) {
      setLoad({ kind: 'offline' });
      return;
    }
    let stopped = false;
    // What is shown stays until the new answer comes: cards keep their announced outcome.
    setLoad((current) => (current.kind === 'ready' ? current : { kind: 'loading' }));
    adminRequest<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (data) => !stopped && setLoad({ kind: 'ready', data }),
      (failure: unknown) => !stopped && setLoad(failureOf(failure)),
    );
    return () => {
      stopped = true;
    };
  }, [query, key, isOffline, attempt]);

  return [load, useCallback(() => setAttempt((n) => n + 1), [])];
}

export type ActionOutcome = { kind: 'done'; message: string } | { kind: 'failed'; code: string };

/** Runs admin mutations one at a time, keeping the last outcome to announce. */
export function useAdminAction(): {
  isBusy: boolean;
  outcome: ActionOutcome | null;
  run: (work: () => Promise<unknown>, done: string) => Promise<boolean>;
} {
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const run = useCallback(async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      await work();
      setOutcome({ kind: 'done', message: done });
      return true;
    } catch (failure) {
      const found = failureOf(failure);
      setOutcome({
        kind: 'failed',
        code: found.kind === 'failed' ? found.code : found.kind.toUpperCase(),
      });
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { isBusy, outcome, run };
}
