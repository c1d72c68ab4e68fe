import type { PaceDatabase } from '@/lib/db';
import { onLocalWrite } from './outbox';
import { pullChanges } from './pull';
import { replayOutbox } from './replay';
import { GraphqlRequestError, NetworkUnavailableError, type GraphqlTransport } from './transport';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  /** When this device last caught up with the server (ISO), null before the first time. */
  lastSyncedAt: string | null;
  /** The API's error code of the last failure. */
  errorCode: string | null;
}

/**
 * Runs the sync: replay the outbox in order, then pull `changes(since)`. One run at a time; a
 * request during a run makes one more run after it. Runs on start, on `online`, after each local
 * write and when the live socket reports a change.
 */
export class SyncEngine {
  private status: SyncStatus = { phase: 'idle', lastSyncedAt: null, errorCode: null };
  private readonly listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly db: PaceDatabase,
    private readonly transport: GraphqlTransport,
    private readonly isOnline: () => boolean = () => navigator.onLine,
  ) {}

  /** Starts listening for the moments to sync, and syncs once. */
  start(): void {
    const request = () => void this.sync();
    window.addEventListener('online', request);
    this.cleanups.push(() => window.removeEventListener('online', request));
    const offline = () => this.set({ phase: 'offline' });
    window.addEventListener('offline', offline);
    this.cleanups.push(() => window.removeEventListener('offline', offline));
    this.cleanups.push(onLocalWrite(request));
    request();
  }

  stop(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Syncs now (or right after the run in progress); resolves when caught up or stopped. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.once();
    } while (this.again);
  }

  private async once(): Promise<void> {
    if (!this.isOnline()) {
      this.set({ phase: 'offline' });
      return;
    }
    this.set({ phase: 'syncing' });
    try {
      const replay = await replayOutbox(this.db, this.transport);
      if (replay.stoppedBy === 'network') {
        this.set({ phase: 'offline' });
        return;
      }
      if (replay.stoppedBy === 'auth') {
        this.set({ phase: 'error', errorCode: 'UNAUTHENTICATED' });
        return;
      }
      await pullChanges(this.db, this.transport);
      this.set({ phase: 'idle', lastSyncedAt: new Date().toISOString(), errorCode: null });
    } catch (error) {
      if (error instanceof NetworkUnavailableError) this.set({ phase: 'offline' });
      else
        this.set({
          phase: 'error',
          errorCode: error instanceof GraphqlRequestError ? error.code : 'UNKNOWN',
        });
    }
  }

  private set(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener();
  }
}
