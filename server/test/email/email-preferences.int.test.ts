import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEmailJob } from '../../src/infra/mail/email.job';
import type { MailMessage } from '../../src/infra/mail/mailer';
import { bearer, signUp, startTestApi, TEST_MODE, type TestApi, type TestUser } from '../kit';

const PREFERENCES = `{ emailPreferences { notifications productNews } }`;
const UPDATE = `mutation($input: UpdateEmailPreferencesInput!) {
  updateEmailPreferences(input: $input) { emailPreferences { notifications productNews } } }`;
const NOTIFICATION_SETTINGS = `{ notificationSettings { emailEnabled } }`;
const RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`e-mail preferences (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  const mailsTo = (to: string) => api.mail.messages.filter((m) => m.to === to);
  /**
   * Until every notification and mail job queued so far has run (a notification's mail is queued
   * before its own job ends): then a mail that should not go out would have.
   */
  async function jobsDone(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const counts = await api.container.queue.counts();
      const left = (['notifications', 'email'] as const).reduce(
        (sum, queue) => sum + counts[queue].waiting + counts[queue].active,
        0,
      );
      if (left === 0 || Date.now() > deadline) return;
      await sleep(50);
    }
  }
  /** Waits for `count` mails to `to`, then for the queued jobs, so one that should not come would. */
  async function settled(to: string, count: number): Promise<MailMessage[]> {
    const deadline = Date.now() + 20_000;
    while (mailsTo(to).length < count && Date.now() < deadline) await sleep(50);
    await jobsDone();
    return mailsTo(to);
  }
  /** Queues a mail as a job of the feature would. */
  const queueMail = (
    user: TestUser,
    kind: 'notifications' | 'product_news',
    subject: string,
    locale?: string,
  ) =>
    api.container.queue.enqueue(sendEmailJob, {
      to: user.email,
      subject,
      text: `${subject}: the body.`,
      kind,
      userId: user.userId,
      ...(locale ? { locale } : {}),
    });

  const raiseWin = (user: TestUser, tag: string) =>
    api.container.services.notifications.delivery.raise([
      { userId: user.userId, type: 'win', groupKey: `win-${tag}`, params: { milestone: 7 } },
    ]);

  it('reads and writes the switches; notifications by e-mail are the notification settings’ switch', async () => {
    const user = await signUp(api);
    const auth = bearer(user.accessToken);
    expect((await api.graphql(PREFERENCES, {}, auth)).data).toEqual({
      emailPreferences: { notifications: false, productNews: false },
    });
    const updated = await api.graphql(
      UPDATE,
      { input: { notifications: true, productNews: true } },
      auth,
    );
    expect(updated.data).toEqual({
      updateEmailPreferences: { emailPreferences: { notifications: true, productNews: true } },
    });
    expect((await api.graphql(NOTIFICATION_SETTINGS, {}, auth)).data).toEqual({
      notificationSettings: { emailEnabled: true },
    });
    // An absent field stays as it is.
    expect((await api.graphql(UPDATE, { input: { productNews: false } }, auth)).data).toEqual({
      updateEmailPreferences: { emailPreferences: { notifications: true, productNews: false } },
    });
  });

  it('every mail job honours them: a kind switched off is not sent, a security mail always is', async () => {
    const user = await signUp(api);
    const auth = bearer(user.accessToken);
    // Product news is opt-in, notification e-mails are off by default.
    await queueMail(user, 'product_news', 'News A');
    await queueMail(user, 'notifications', 'Notification A');
    await api.graphql(RESET, { e: user.email });
    const first = await settled(user.email, 1);
    expect(first.map((m) => m.subject)).toEqual(['Reset your Pace password']);
    expect(first[0]?.text).toMatch(/security e-mail .* always sent/);
    expect(first[0]?.headers).toBeUndefined();

    await api.graphql(UPDATE, { input: { notifications: true, productNews: true } }, auth);
    await queueMail(user, 'product_news', 'News B');
    await queueMail(user, 'notifications', 'Notification B');
    // A notification the app raises goes out by e-mail through the same gate.
    await raiseWin(user, 'b');
    const second = await settled(user.email, 4);
    expect(second).toHaveLength(4);
    expect(second.map((m) => m.subject)).toEqual(
      expect.arrayContaining(['News B', 'Notification B', 'Reset your Pace password']),
    );
    for (const mail of second.filter((m) => m.subject !== 'Reset your Pace password')) {
      expect(mail.text).toMatch(
        /Stop these mails in one click: http\S+\/api\/email\/unsubscribe\?token=/,
      );
      expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    }

    // A notification raised by the app reaches the e-mail gate too: switched off, nothing goes out.
    await api.graphql(UPDATE, { input: { notifications: false } }, auth);
    await raiseWin(user, 'c');
    await queueMail(user, 'notifications', 'Notification C');
    await jobsDone();
    expect(mailsTo(user.email).map((m) => m.subject)).not.toContain('Notification C');
    expect(mailsTo(user.email)).toHaveLength(4);
  });

  it('a German person gets the reset mail and the unsubscribe page in German', async () => {
    const user = await signUp(api, { locale: 'de-DE' });
    const auth = bearer(user.accessToken);
    await api.graphql(RESET, { e: user.email });
    const [reset] = await settled(user.email, 1);
    expect(reset?.subject).toBe('Setze dein Pace-Passwort zurück');
    expect(reset?.text).toMatch(/\/reset-password#token=[\w-]+/);
    // The job's footer speaks German too.
    expect(reset?.text).toMatch(/Sicherheits-E-Mail .* immer gesendet/);
    expect(reset?.text).not.toMatch(/always sent/);

    await api.graphql(UPDATE, { input: { productNews: true } }, auth);
    await queueMail(user, 'product_news', 'Neuigkeiten', 'de-DE');
    const news = (await settled(user.email, 2)).find((m) => m.subject === 'Neuigkeiten');
    expect(news?.text).toMatch(
      /Mit einem Klick abbestellen: https?:\/\/\S+\/api\/email\/unsubscribe/,
    );
    expect(news?.text).toMatch(/in den Einstellungen, welche E-Mails du erhältst: \S+\/settings\//);
    const url = /https?:\/\/\S+\/api\/email\/unsubscribe\?token=\S+/.exec(news?.text ?? '')?.[0];
    const local = new URL(new URL(url ?? '').pathname + new URL(url ?? '').search, api.url);
    const shown = await (await fetch(local)).text();
    expect(shown).toContain('<html lang="de"');
    expect(shown).toContain('Keine Produktneuigkeiten mehr von Pace erhalten?');
    const clicked = await fetch(local, { method: 'POST', headers: { accept: 'text/html' } });
    expect(await clicked.text()).toContain('<h1>Abgemeldet</h1>');
    // A link that is not valid speaks the browser's language.
    const forged = new URL(local);
    forged.searchParams.set('token', 'nonsense');
    const refused = await fetch(forged, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<h1>Lien non valide</h1>');
  });

  it('the unsubscribe link works in one click without signing in, and only for its own token', async () => {
    const user = await signUp(api);
    const auth = bearer(user.accessToken);
    await api.graphql(UPDATE, { input: { notifications: true, productNews: true } }, auth);
    await queueMail(user, 'product_news', 'News');
    const [mail] = await settled(user.email, 1);
    const url = /https?:\/\/\S+\/api\/email\/unsubscribe\?token=\S+/.exec(mail?.text ?? '')?.[0];
    expect(url).toBeDefined();
    const local = new URL(new URL(url ?? '').pathname + new URL(url ?? '').search, api.url);

    // Opening the link (a mail scanner does) only shows the button.
    const shown = await fetch(local);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<form method="post"');
    expect((await api.graphql(PREFERENCES, {}, auth)).data).toMatchObject({
      emailPreferences: { productNews: true },
    });

    // A mail client's one-click POST (RFC 8058).
    const clicked = await fetch(local, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(await clicked.json()).toEqual({ unsubscribed: 'product_news' });
    expect((await api.graphql(PREFERENCES, {}, auth)).data).toEqual({
      emailPreferences: { notifications: true, productNews: false },
    });

    // An altered token is refused with a typed error.
    const forged = new URL(local);
    forged.searchParams.set('token', `${user.userId}.notifications.${'A'.repeat(43)}`);
    const refused = await fetch(forged, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'UNSUBSCRIBE_LINK_INVALID' } }],
    });
    expect((await api.graphql(PREFERENCES, {}, auth)).data).toMatchObject({
      emailPreferences: { notifications: true },
    });
  });
});
