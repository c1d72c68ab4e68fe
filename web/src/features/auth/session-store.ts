import {
  GraphqlRequestError,
  NetworkUnavailableError,
  type GraphqlTransport,
} from '@/lib/sync/transport';
import { REFRESH, type SessionPayload } from './auth.operations';

/** Why a person is signed out: they asked, or the server ended the session (shown on sign-in). */
export type SignedOutReason = 'signed-out' | 'ended';

export type SessionStatus =
  | { kind: 'signed-out'; reason: SignedOutReason | null }
  | { kind: 'signed-in'; session: SessionPayload };

/** Codes that mean the refresh token will never work again: the session is over. */
const SESSION_OVER = new Set([
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_REUSED',
  'UNAUTHENTICATED',
  'USER_NOT_FOUND',
]);

/** Refresh this long before the access token expires, so no request goes out with a stale one. */
export const REFRESH_AHEAD_MS = 60_000;

export const SESSION_STORAGE_KEY = 'pace.session';
const LOCK_NAME = 'pace.session.refresh';

export interface SessionStoreDeps {
  /**
   * Where the session lives between reloads. localStorage: the app is a static export with no
   * server session of its own, the refresh token rotates on every use (a stolen copy is detected
   * as reuse and ends the family), and IndexedDB would not be more private to page scripts.
   */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** The API without a bearer token (refresh is public). */
  transport: GraphqlTransport;
  /** Serialises refreshes across this browser's tabs (the refresh token is single use). */
  withLock: <T>(name: string, work: () => Promise<T>) => Promise<T>;
  now: () => number;
}

/**
 * The signed-in session of this browser: kept across reloads, its access token refreshed before
 * it expires (one refresh at a time across tabs), ended when the server says it is over.
 */
export class SessionStore {
  private status: SessionStatus;
  private readonly listeners = new Set<() => void>();
  private inFlight: Promise<SessionPayload | null> | null = null;

  constructor(private readonly deps: SessionStoreDeps) {
    const stored = this.read();
    this.status = stored ? { kind: 'signed-in', session: stored } : signedOut(null);
  }

  getStatus = (): SessionStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Keeps a new session (sign-in, sign-up, a refresh by this or another tab). */
  save(session: SessionPayload): void {
    this.deps.storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    this.set({ kind: 'signed-in', session });
  }

  /** Forgets the session on this device. */
  clear(reason: SignedOutReason): void {
    this.deps.storage.removeItem(SESSION_STORAGE_KEY);
    this.set(signedOut(reason));
  }

  /** Another tab changed the stored session: follow it. */
  reload(): void {
    const stored = this.read();
    if (stored) this.set({ kind: 'signed-in', session: stored });
    else if (this.status.kind === 'signed-in') this.set(signedOut('signed-out'));
  }

  /** The access token to send now, refreshed first when it is about to expire; null if none. */
  accessToken = async (): Promise<string | null> => {
    const current = this.status.kind === 'signed-in' ? this.status.session : null;
    if (!current) return null;
    if (Date.parse(current.accessTokenExpiresAt) - this.deps.now() > REFRESH_AHEAD_MS)
      return current.accessToken;
    const refreshed = await this.refresh();
    return refreshed?.accessToken ?? null;
  };

  /**
   * Exchanges the refresh token for a new pair, once across tabs: inside the lock the stored
   * session is read again, and one another tab already rotated is used as it is. Offline, the
   * current session stays (requests will wait in the outbox).
   */
  refresh(options: { force?: boolean } = {}): Promise<SessionPayload | null> {
    this.inFlight ??= this.deps
      .withLock(LOCK_NAME, () => this.refreshLocked(options.force ?? false))
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async refreshLocked(force: boolean): Promise<SessionPayload | null> {
    const before = this.status.kind === 'signed-in' ? this.status.session : null;
    const stored = this.read();
    if (!stored) {
      if (before) this.set(signedOut('signed-out'));
      return null;
    }
    if (Date.parse(stored.refreshTokenExpiresAt) <= this.deps.now()) {
      this.clear('ended');
      return null;
    }
    const rotatedElsewhere = before !== null && stored.refreshToken !== before.refreshToken;
    const fresh =
      Date.parse(stored.accessTokenExpiresAt) - this.deps.now() > REFRESH_AHEAD_MS && !force;
    if (rotatedElsewhere || fresh) {
      this.set({ kind: 'signed-in', session: stored });
      return stored;
    }
    try {
      const data = await this.deps.transport<{ refreshToken: SessionPayload }>(REFRESH, {
        refreshToken: stored.refreshToken,
      });
      this.save(data.refreshToken);
      return data.refreshToken;
    } catch (error) {
      if (error instanceof GraphqlRequestError && SESSION_OVER.has(error.code)) {
        this.clear('ended');
        return null;
      }
      if (error instanceof NetworkUnavailableError) return stored;
      throw error;
    }
  }

  private read(): SessionPayload | null {
    try {
      const text = this.deps.storage.getItem(SESSION_STORAGE_KEY);
      if (!text) return null;
      const value = JSON.parse(text) as Partial<SessionPayload>;
      return typeof value.refreshToken === 'string' && typeof value.accessToken === 'string'
        ? (value as SessionPayload)
        : null;
    } catch {
      return null;
    }
  }

  private set(next: SessionStatus): void {
    this.status = next;
    for (const listener of this.listeners) listener();
  }
}

function signedOut(reason: SignedOutReason | null): SessionStatus {
  return { kind: 'signed-out', reason };
}
