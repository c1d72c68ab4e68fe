import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/infra/clock';
import { bearer, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import type { GraphQLResponse } from '../kit';

const ME = `{ me { email emailVerified } }`;
const VERIFY = `mutation($t: String!) { verifyEmail(token: $t) { email verifiedAt } }`;
const RESEND = `mutation { resendVerification { alreadyVerified sentTo } }`;
const EXPORT = `mutation { exportMyData { fileName } }`;
const CHECKOUT = `mutation { startPremiumCheckout { url } }`;

function manualClock(start = new Date()): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

const reasonOf = (response: GraphQLResponse<unknown>) =>
  response.errors?.map((e) => ({
    code: e.extensions?.code,
    reason: e.extensions?.reason,
    details: e.extensions?.details,
  }))[0];

const tokenOf = (text: string) => /\/verify-email\/\?token=([\w-]+)/.exec(text)?.[1] ?? '';

describe(`e-mail verification (${TEST_MODE})`, () => {
  const clock = manualClock();
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api.stop();
  });

  /** A new unverified person, with the link of their sign-up mail. */
  async function unverified(locale?: string) {
    const user = await signUp(api, { verified: false, ...(locale ? { locale } : {}) });
    // signUp took the sign-up mail out of the captured ones: ask for a new one (a minute later).
    clock.advance(61_000);
    const resent = await api.graphql<{ resendVerification: { sentTo: string } }>(
      RESEND,
      {},
      bearer(user.accessToken),
    );
    expect(resent.data?.resendVerification.sentTo).toBe(user.email);
    const mail = await api.mail.next(user.email);
    api.mail.messages.splice(api.mail.messages.indexOf(mail), 1);
    return { user, mail, token: tokenOf(mail.text) };
  }

  it('a sign-up is mailed a link; until it is opened, premium purchase and export are refused', async () => {
    const { user, mail, token } = await unverified();
    expect(mail.subject).toMatch(/confirm your e-mail/i);
    expect(mail.text).toMatch(/always sent, whatever your e-mail preferences/);
    expect(token).not.toBe('');
    const auth = bearer(user.accessToken);
    expect((await api.graphql(ME, {}, auth)).data).toEqual({
      me: { email: user.email, emailVerified: false },
    });
    for (const operation of [EXPORT, CHECKOUT])
      expect(reasonOf(await api.graphql(operation, {}, auth))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'EMAIL_NOT_VERIFIED',
      });

    // Only the token's hash is stored.
    const stored = await api.container.database.db.execute(
      sql`select * from email_verification_tokens where user_id = ${user.userId}`,
    );
    expect(JSON.stringify(stored)).not.toContain(token);

    // The link works signed out, once.
    const verified = await api.graphql<{ verifyEmail: { email: string } }>(VERIFY, { t: token });
    expect(verified.data?.verifyEmail.email).toBe(user.email);
    expect(reasonOf(await api.graphql(VERIFY, { t: token }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VERIFICATION_TOKEN_USED',
    });
    expect((await api.graphql(ME, {}, auth)).data).toEqual({
      me: { email: user.email, emailVerified: true },
    });
    expect((await api.graphql(EXPORT, {}, auth)).errors).toBeUndefined();
    // Past the verification, the purchase stops only because this server takes no payments.
    expect(reasonOf(await api.graphql(CHECKOUT, {}, auth))).toMatchObject({
      reason: 'PAYMENTS_NOT_CONFIGURED',
    });
    // Nothing more to verify: no mail.
    expect((await api.graphql(RESEND, {}, auth)).data).toEqual({
      resendVerification: { alreadyVerified: true, sentTo: null },
    });
  });

  it('a German person is mailed the link in German, with the same link and the security footer in German', async () => {
    const { mail, token } = await unverified('de-DE');
    expect(mail.subject).toBe('Bestätige deine E-Mail-Adresse für Pace');
    expect(mail.text).toMatch(/innerhalb von 48 Stunden/);
    expect(mail.text).toMatch(/immer gesendet, unabhängig von deinen E-Mail-Einstellungen/);
    expect(token).not.toBe('');
    const verified = await api.graphql<{ verifyEmail: { email: string } }>(VERIFY, { t: token });
    expect(verified.errors).toBeUndefined();
  });

  it('unknown and expired links say so; resending waits a minute and stops after five a day', async () => {
    expect(reasonOf(await api.graphql(VERIFY, { t: 'not-a-token' }))).toMatchObject({
      reason: 'VERIFICATION_TOKEN_INVALID',
    });
    const { user, token } = await unverified();
    const auth = bearer(user.accessToken);
    const again = await api.graphql(RESEND, {}, auth);
    expect(reasonOf(again)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(again.errors?.[0]?.extensions?.retryAfter).toBe(60);

    // Sign-up + 4 resends = 5 mails today; the sixth waits for the window.
    for (let i = 0; i < 3; i++) {
      clock.advance(61_000);
      expect((await api.graphql(RESEND, {}, auth)).errors).toBeUndefined();
    }
    clock.advance(61_000);
    const limited = await api.graphql(RESEND, {}, auth);
    expect(reasonOf(limited)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.errors?.[0]?.extensions?.retryAfter)).toBeGreaterThan(23 * 3600);

    clock.advance(48 * 3600_000);
    expect(reasonOf(await api.graphql(VERIFY, { t: token }))).toMatchObject({
      reason: 'VERIFICATION_TOKEN_EXPIRED',
    });
    const after = await api.container.services.accounts.getUser(user.userId);
    expect(after.emailVerifiedAt).toBeNull();
  });

  it('accounts made or linked by Google sign-in are verified: Google verified the address', async () => {
    const { accounts } = api.container.services;
    const profile = { currency: 'EUR', country: 'DE', timeZone: 'Europe/Berlin', locale: 'de' };
    const created = await accounts.findOrCreateGoogleUser(
      { subject: `g-${Date.now()}`, email: `google-${Date.now()}@example.com`, name: 'G' },
      profile,
      '127.0.0.1',
    );
    expect(created.emailVerifiedAt).not.toBeNull();
    const { user } = await unverified();
    const linked = await accounts.findOrCreateGoogleUser(
      { subject: `g2-${Date.now()}`, email: user.email, name: 'G' },
      profile,
      '127.0.0.1',
    );
    expect(linked.id).toBe(user.userId);
    expect(linked.emailVerifiedAt).not.toBeNull();
  });
});
