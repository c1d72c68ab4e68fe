import { expect, test } from '@playwright/test';
import { AuthPages, latestMailTo, newEmail, PASSWORD } from './support/auth-ui';
import { PaceApi } from './support/pace-api';

// The account screens against the real API: sign-up, sign-in, a session that survives reloads,
// sign-out here and everywhere, and a password reset through the link in its mail.

test('sign up lands on onboarding; sign out, then sign in again and the session survives a reload', async ({
  page,
}) => {
  const auth = new AuthPages(page);
  const email = newEmail('signup');
  await auth.signUp('Robin', email);
  await expect(page).toHaveURL(/\/onboarding\//);

  // A signed-in person never sees the sign-in screen; a signed-out one sees nothing else.
  await page.goto('/sign-in/');
  await expect(page).toHaveURL(/\/onboarding\//);
  await page.evaluate(() => window.localStorage.removeItem('pace.session'));
  await page.goto('/month/');
  await auth.expectSignInScreen();
  await expect(page).toHaveURL(/next=%2Fmonth%2F/);

  await auth.signIn(email, 'not the password at all');
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'That e-mail and password do not match an account.' }),
  ).toBeVisible();
  await auth.signIn(email);
  await expect(page).toHaveURL(/\/onboarding\//);
  await page.reload();
  await expect(page).toHaveURL(/\/onboarding\//);
});

test('sign out everywhere ends the session on the other device, which says so', async ({
  browser,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'everywhere');
  const email = await api.gql<{ me: { email: string } }>('{ me { email } }');
  const [one, two] = [await browser.newContext(), await browser.newContext()];
  const [pageOne, pageTwo] = [await one.newPage(), await two.newPage()];
  for (const page of [pageOne, pageTwo]) {
    await page.goto('/sign-in/');
    await new AuthPages(page).signIn(email.me.email);
    await expect(page.getByTestId('safe-today')).toBeVisible();
  }

  await pageOne.getByRole('link', { name: 'Settings' }).click();
  await pageOne.getByRole('button', { name: 'Sign out everywhere' }).click();
  await new AuthPages(pageOne).expectSignInScreen();

  // The other device learns it at its next request: its token is refused, refreshing fails.
  await pageTwo.reload();
  await new AuthPages(pageTwo).expectSignInScreen();
  await expect(pageTwo.getByRole('status').filter({ hasText: 'Your session ended' })).toBeVisible();
  await one.close();
  await two.close();
});

test('a forgotten password is reset through the link in the mail', async ({ page, request }) => {
  const api = await PaceApi.createPlannedAccount(request, 'reset');
  const { me } = await api.gql<{ me: { email: string } }>('{ me { email } }');
  await page.goto('/sign-in/');
  await page.getByRole('button', { name: 'Forgot your password?' }).click();
  const forgot = page.getByRole('form', { name: 'Reset your password' });
  await forgot.getByLabel('E-mail').fill(me.email);
  await forgot.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByText('a link to reset its password is on its way')).toBeVisible();

  const mail = await latestMailTo(me.email, /reset/i);
  const link = /\/reset-password#token=\S+/.exec(mail.text)?.[0] ?? '';
  expect(link).not.toBe('');
  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Choose a new password' }),
  ).toBeVisible();
  const form = page.getByRole('form', { name: 'New password' });
  const newPassword = `${PASSWORD} and more`;
  await form.getByLabel('New password').fill(newPassword);
  await form.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByText('Your password is changed')).toBeVisible();
  // The token left the address bar once read.
  expect(page.url()).not.toContain('token=');

  await page.getByRole('link', { name: 'Sign in' }).click();
  await new AuthPages(page).signIn(me.email, newPassword);
  await expect(page.getByTestId('safe-today')).toBeVisible();
});

test('“Continue with Google” appears only where the server offers it and hands Google’s token to the API', async ({
  page,
}) => {
  await page.goto('/sign-in/');
  await expect(page.getByRole('heading', { name: 'With a passkey' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'With Google' })).toHaveCount(0);

  // A server with a Google client id, and Google's script stood in for at the network border.
  const sent: string[] = [];
  await page.route('**/graphql', async (route) => {
    const body = route.request().postData() ?? '';
    if (body.includes('signInOptions'))
      return route.fulfill({
        json: { data: { signInOptions: { googleClientId: 'pace-e2e', passkeys: true } } },
      });
    if (body.includes('signInWithGoogle')) sent.push(body);
    return route.continue();
  });
  await page.route('https://accounts.google.com/gsi/client', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `window.google = { accounts: { id: {
        initialize(o) { window.onGoogle = o.callback; },
        renderButton(el) { const b = document.createElement('button'); b.textContent = 'Sign in with Google';
          b.onclick = () => window.onGoogle({ credential: 'a.google.id-token' }); el.append(b); } } } };`,
    }),
  );
  // …and that server's page policy, which lets Google's sign-in script and frames in.
  await page.route('**/sign-in/', async (route) => {
    const response = await route.fetch();
    const policy = (response.headers()['content-security-policy'] ?? '')
      .replace(/script-src [^;]*/, (d) => `${d} https://accounts.google.com/gsi/client`)
      .replace(/style-src [^;]*/, (d) => `${d} https://accounts.google.com/gsi/style`)
      .replace(/(connect-src|frame-src) [^;]*/g, (d) => `${d} https://accounts.google.com/gsi/`);
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': policy },
    });
  });
  await page.reload();
  await page.getByRole('button', { name: 'Sign in with Google' }).click();
  // The API verifies the token: this server has no Google client, so it refuses, in words.
  await expect(
    page.getByRole('alert').filter({ hasText: 'Google sign-in did not work' }),
  ).toBeVisible();
  expect(sent).toHaveLength(1);
  expect(sent[0]).toContain('a.google.id-token');
});

test('wrong passwords someone else types slow a new device, never the device that signed up', async ({
  page,
  browser,
}) => {
  const auth = new AuthPages(page);
  const email = newEmail('slowed');
  await auth.signUp('Sasha', email);
  await expect(page).toHaveURL(/\/onboarding\//);
  await page.evaluate(() => window.localStorage.removeItem('pace.session'));

  // A stranger elsewhere: wrong passwords until the device is told to wait, then even the right
  // one waits on a new device. Four are free; from the fifth the wait is 1 s, then 2 s, 4 s, 8 s,
  // so on a busy machine a try can come after the first wait ended: the guesses go on (each
  // awaited by its own answer) until one is refused.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const strangerAuth = new AuthPages(strangerPage);
  await strangerPage.goto('/sign-in/');
  const codes: string[] = [];
  for (let i = 0; i < 9 && !codes.includes('RATE_LIMITED'); i++) {
    const answered = strangerPage.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('Login'),
    );
    await strangerAuth.signIn(email, `a wrong guess ${i}`);
    const body = (await (await answered).json()) as {
      errors?: { extensions?: { code?: string } }[];
    };
    codes.push(String(body.errors?.[0]?.extensions?.code));
  }
  expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
  expect(codes.at(-1)).toBe('RATE_LIMITED');
  await expect(
    strangerPage.getByRole('alert').filter({ hasText: 'Too many attempts' }),
  ).toBeVisible();
  await strangerAuth.signIn(email);
  await expect(
    strangerPage.getByRole('alert').filter({ hasText: 'Too many attempts' }),
  ).toBeVisible();
  await stranger.close();

  // The device that signed up is known: it signs in at once.
  await page.goto('/sign-in/');
  await auth.signIn(email);
  await expect(page).toHaveURL(/\/onboarding\//);
});
