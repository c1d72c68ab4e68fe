import { describe, expect, it } from 'vitest';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync/transport';
import type { SessionPayload } from './auth.operations';
import { SESSION_STORAGE_KEY, SessionStore, type SessionStoreDeps } from './session-store';

const NOW = Date.parse('2026-12-05T10:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

function session(n: number, accessLeftMs: number): SessionPayload {
  return {
    accessToken: `access-${n}`,
    accessTokenExpiresAt: at(accessLeftMs),
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: at(30 * 86_400_000),
    user: { id: 'u1', email: 'a@example.com', name: 'A', locale: 'en' },
  };
}

/** One browser: a storage and a lock shared by its tabs, and a server that rotates tokens. */
function browser(answer?: (refreshToken: string) => Promise<SessionPayload>) {
  const items = new Map<string, string>();
  const storage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
  let chain: Promise<unknown> = Promise.resolve();
  const withLock: SessionStoreDeps['withLock'] = (_name, work) => {
    const run = chain.then(work, work);
    chain = run.catch(() => undefined);
    return run;
  };
  const calls: string[] = [];
  let next = 2;
  const transport = (async (_query: string, variables?: Record<string, unknown>) => {
    const token = String(variables?.refreshToken);
    calls.push(token);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const payload = answer ? await answer(token) : session(next++, 15 * 60_000);
    return { refreshToken: payload };
  }) as SessionStoreDeps['transport'];
  const tab = () => new SessionStore({ storage, transport, withLock, now: () => NOW });
  return { storage, calls, tab };
}

describe('the session store', () => {
  it('keeps the session across reloads', () => {
    const b = browser();
    b.tab().save(session(1, 600_000));
    const reloaded = b.tab();
    expect(reloaded.getStatus()).toMatchObject({ kind: 'signed-in' });
  });

  it('sends the current token while it is fresh, without refreshing', async () => {
    const b = browser();
    const tab = b.tab();
    tab.save(session(1, 600_000));
    expect(await tab.accessToken()).toBe('access-1');
    expect(b.calls).toEqual([]);
  });

  it('refreshes once across two tabs that both find the token about to expire', async () => {
    const b = browser();
    b.tab().save(session(1, 30_000));
    const [one, two] = [b.tab(), b.tab()];
    const tokens = await Promise.all([one.accessToken(), two.accessToken(), one.accessToken()]);
    expect(b.calls).toEqual(['refresh-1']);
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
    expect(JSON.parse(b.storage.getItem(SESSION_STORAGE_KEY) ?? '{}')).toMatchObject({
      refreshToken: 'refresh-2',
    });
  });

  it('ends the session when the server says the refresh token is spent', async () => {
    const b = browser(() => Promise.reject(new GraphqlRequestError('REFRESH_TOKEN_REUSED', null)));
    const tab = b.tab();
    tab.save(session(1, 0));
    expect(await tab.accessToken()).toBeNull();
    expect(tab.getStatus()).toEqual({ kind: 'signed-out', reason: 'ended' });
    expect(b.storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('keeps the session offline, to refresh when the network returns', async () => {
    const b = browser(() => Promise.reject(new NetworkUnavailableError()));
    const tab = b.tab();
    tab.save(session(1, 0));
    expect(await tab.accessToken()).toBe('access-1');
    expect(tab.getStatus()).toMatchObject({ kind: 'signed-in' });
  });

  it('ends a session whose refresh token has expired without asking the server', async () => {
    const b = browser();
    const tab = b.tab();
    tab.save({ ...session(1, 0), refreshTokenExpiresAt: at(-1) });
    expect(await tab.accessToken()).toBeNull();
    expect(b.calls).toEqual([]);
    expect(tab.getStatus()).toEqual({ kind: 'signed-out', reason: 'ended' });
  });
});
