'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useSyncExternalStore } from 'react';
import { paceDatabase, type ConflictRecord } from '@/lib/db';
import { resolveApiEndpoints } from '@/lib/apollo';
import {
  fetchTransport,
  onLocalWrite,
  SyncEngine,
  type GraphqlTransport,
  type SyncStatus,
} from '@/lib/sync';
import {
  leaveTokenForBackground,
  onWorkerSyncRequest,
  requestBackgroundSync,
} from './background-sync';
import { connectLive, type LiveAlert, type LiveNotification } from './live-connection';
import { reportTokenRejected } from './session-bridge';

type TokenSource = () => Promise<string | null> | string | null;

interface Runtime {
  engine: SyncEngine;
  transport: GraphqlTransport;
  stop: () => void;
  users: number;
}

let runtime: Runtime | null = null;

/** Alerts shown as toasts, newest last. */
let alerts: readonly LiveAlert[] = [];
const alertListeners = new Set<() => void>();
function pushAlert(alert: LiveAlert) {
  if (alerts.some((a) => a.key === alert.key)) return;
  alerts = [...alerts, alert].slice(-4);
  for (const listener of alertListeners) listener();
}
export function dismissAlert(key: string) {
  alerts = alerts.filter((a) => a.key !== key);
  for (const listener of alertListeners) listener();
}

const notificationListeners = new Set<(notification: LiveNotification | null) => void>();
/**
 * Calls `listener` with each notification the live socket delivers, and with null each time the
 * socket (re)connects, since what happened during a gap must be read again; returns the unsubscribe.
 */
export function onLiveNotification(listener: (notification: LiveNotification | null) => void) {
  notificationListeners.add(listener);
  return () => void notificationListeners.delete(listener);
}

/**
 * Starts this tab's sync (outbox replay, `changes` pull, the live socket) while a signed-in screen
 * is open; one engine per tab however many screens use it.
 */
export function useSyncRuntime(getAccessToken: TokenSource | null): SyncEngine | null {
  useEffect(() => {
    if (!getAccessToken) return;
    if (!runtime) {
      const endpoints = resolveApiEndpoints(window.location);
      const transport = fetchTransport(endpoints.httpUrl, getAccessToken);
      const engine = new SyncEngine(paceDatabase(), transport);
      const db = paceDatabase();
      const unsubscribe = engine.subscribe(() => {
        notifyStatus();
        const status = engine.getStatus();
        if (status.phase === 'error' && status.errorCode === 'UNAUTHENTICATED')
          reportTokenRejected();
        if (status.phase === 'idle' && status.lastSyncedAt)
          void Promise.resolve(getAccessToken()).then((t) => leaveTokenForBackground(db, t));
      });
      const stopWrites = onLocalWrite(() => {
        if (!navigator.onLine) void requestBackgroundSync();
      });
      const stopWorker = onWorkerSyncRequest(() => void engine.sync());
      engine.start();
      const stopLive = connectLive(endpoints.wsUrl, getAccessToken, {
        onChange: () => void engine.sync(),
        onAlert: pushAlert,
        onNotification: (notification) => {
          for (const listener of notificationListeners) listener(notification);
        },
        onState: (connected) => {
          if (!connected) return;
          for (const listener of notificationListeners) listener(null);
        },
        onRejected: reportTokenRejected,
      });
      runtime = {
        engine,
        transport,
        users: 0,
        stop: () => {
          stopLive();
          engine.stop();
          unsubscribe();
          stopWrites();
          stopWorker();
        },
      };
    }
    const current = runtime;
    current.users += 1;
    return () => {
      current.users -= 1;
      if (current.users === 0 && runtime === current) {
        current.stop();
        runtime = null;
      }
    };
  }, [getAccessToken]);
  return runtime?.engine ?? null;
}

const IDLE: SyncStatus = { phase: 'idle', lastSyncedAt: null, errorCode: null };
const statusListeners = new Set<() => void>();
function notifyStatus() {
  for (const listener of statusListeners) listener();
}

/** The sync engine's status (idle, syncing, offline, error). */
export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(
    (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    () => runtime?.engine.getStatus() ?? IDLE,
    () => IDLE,
  );
}

/** How many changes wait in the outbox. */
export function usePendingCount(): number {
  return useLiveQuery(() => paceDatabase().outbox.count(), [], 0);
}

/** Conflicts and rejections waiting for the person's choice. */
export function useConflicts(): ConflictRecord[] {
  return useLiveQuery(() => paceDatabase().conflicts.orderBy('detectedAt').toArray(), [], []);
}

/** The live alerts to show as toasts. */
export function useLiveAlerts(): readonly LiveAlert[] {
  return useSyncExternalStore(
    (listener) => {
      alertListeners.add(listener);
      return () => alertListeners.delete(listener);
    },
    () => alerts,
    () => alerts,
  );
}

/** Syncs now (after a pull-to-refresh or a retry button). */
export function syncNow(): void {
  void runtime?.engine.sync();
}

/** One request to the API for online-only work (an import), with the session's token. */
export function apiRequest<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  if (!runtime) return Promise.reject(new Error('not signed in'));
  return runtime.transport<T>(query, variables);
}

/** Syncs now and resolves once caught up (or stopped). */
export function syncAndWait(): Promise<void> {
  return runtime?.engine.sync() ?? Promise.resolve();
}
