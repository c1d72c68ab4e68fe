import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { AccessTokens } from './access-token';
import { SIGNING_ALGORITHM, type SigningKeys } from './signing-keys';

async function setup() {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' });
  const key = { kid: 'k1', privateKey, publicKey };
  const accepted = new Set(['k1']);
  const keys = {
    current: () => Promise.resolve(key),
    verificationKey: (kid: string) =>
      Promise.resolve(accepted.has(kid) && kid === key.kid ? publicKey : undefined),
  } as unknown as SigningKeys;
  let nowMs = Date.parse('2026-03-01T12:00:00Z');
  const clock = { now: () => new Date(nowMs) };
  const tokens = new AccessTokens({ keys, clock, ttlS: 600 });
  const { token } = await tokens.issue({
    userId: 'u1',
    sessionId: 's1',
    scopes: ['read:budget', 'write:transactions'],
    authenticatedAt: clock.now(),
  });
  return { tokens, token, accepted, advance: (ms: number) => (nowMs += ms) };
}

describe('access tokens', () => {
  it('accepts a token until it expires, also once it was verified before', async () => {
    const { tokens, token, advance } = await setup();
    const first = await tokens.verify(token);
    expect(first).toMatchObject({ ok: true, claims: { userId: 'u1', sessionId: 's1' } });
    advance(599_000);
    const again = await tokens.verify(token);
    expect(again).toEqual(first);
    advance(1_000);
    expect(await tokens.verify(token)).toEqual({ ok: false, reason: 'TOKEN_EXPIRED' });
  });

  it('refuses a verified token once its key is no longer accepted', async () => {
    const { tokens, token, accepted } = await setup();
    expect((await tokens.verify(token)).ok).toBe(true);
    accepted.delete('k1');
    expect(await tokens.verify(token)).toEqual({ ok: false, reason: 'TOKEN_INVALID' });
  });

  it('refuses a tampered token, even after the genuine one was verified', async () => {
    const { tokens, token } = await setup();
    expect((await tokens.verify(token)).ok).toBe(true);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
    const forged = Buffer.from(JSON.stringify({ ...claims, scope: 'admin:*' })).toString(
      'base64url',
    );
    expect(await tokens.verify(`${header}.${forged}.${signature}`)).toEqual({
      ok: false,
      reason: 'TOKEN_INVALID',
    });
  });

  it('hands every caller its own scopes list', async () => {
    const { tokens, token } = await setup();
    const first = await tokens.verify(token);
    if (first.ok) first.claims.scopes.push('admin:*');
    const second = await tokens.verify(token);
    expect(second.ok && second.claims.scopes).toEqual(['read:budget', 'write:transactions']);
  });
});
