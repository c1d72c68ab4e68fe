import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  expect,
  test,
  type APIRequestContext,
  type BrowserContext,
  type Page,
  type Response,
} from '@playwright/test';
import { PASSWORD } from './support/auth-ui';
import { PaceApi } from './support/pace-api';
import { signInContext } from './support/pace-app';

// Every page of the PWA and the explorer run under a Content-Security-Policy with no
// 'unsafe-inline' or 'unsafe-eval': the export's inline scripts are allowed by hash only
// (web/scripts/csp-manifest.mjs), and the browser reports nothing it had to block.

const WEB_OUT = path.resolve(import.meta.dirname, '../../web/out');
const RECEIPT = path.resolve(
  import.meta.dirname,
  '../../../shared/data/receipts/sroie-dev/002.jpg',
);
/** Made an admin at sign-up by the e2e server's ADMIN_EMAILS (playwright.config.ts). */
const ADMIN_EMAIL = 'admin-csp@example.com';

/** Every page the export holds, as the URL a person opens (the not-found page by a missing URL). */
function pwaRoutes(): string[] {
  const pages = readdirSync(WEB_OUT, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !file.startsWith('_') && !file.startsWith('404/'))
    .map((file) => `/${file.slice(0, -'index.html'.length)}`);
  return [...pages.sort(), '/no-such-page/'];
}

/** Violations the page reports, and console errors naming the policy. */
async function watchViolations(context: BrowserContext, page: Page): Promise<string[]> {
  const seen: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`;
      (window as unknown as { __cspReports?: string[] }).__cspReports ??= [];
      (window as unknown as { __cspReports: string[] }).__cspReports.push(report);
      console.error(`CSP violation: ${report}`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|CSP violation/i.test(text))
      seen.push(`${page.url()}: ${text}`);
  });
  return seen;
}

function expectStrictPolicy(response: Response | null, where: string): string {
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy, `${where} has a Content-Security-Policy`).not.toBe('');
  const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? '';
  expect(scriptSrc, where).toContain("'self'");
  expect(scriptSrc, where).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  expect(policy, where).toContain("frame-ancestors 'none'");
  expect(policy, where).toMatch(/object-src 'none'|default-src 'none'/);
  return policy;
}

/** An inline script the policy does not hash must be refused (proves the policy is enforced). */
async function expectInlineScriptBlocked(page: Page, seen: string[]): Promise<void> {
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__cspInjected = true;';
    document.head.append(script);
    return (window as unknown as { __cspInjected?: boolean }).__cspInjected === true;
  });
  expect(ran).toBe(false);
  // Both the page's violation event and the browser's own console error.
  await expect.poll(() => seen.length).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(200);
  seen.length = 0;
}

async function openAndSettle(page: Page, route: string): Promise<Response | null> {
  const response = await page.goto(route, { waitUntil: 'load' });
  await expect(page.locator('body')).toBeVisible();
  // Hydration, lazy chunks and the first queries (charts included) run after `load`.
  await page.waitForTimeout(1_000);
  return response;
}

async function adminTokens(request: APIRequestContext) {
  const input = {
    email: ADMIN_EMAIL,
    password: PASSWORD,
    name: 'Operator',
    country: 'US',
    currency: 'USD',
    locale: 'en',
    timeZone: 'UTC',
  };
  type Tokens = { accessToken: string; refreshToken: string };
  try {
    const { register } = await PaceApi.gql<{ register: Tokens }>(
      request,
      `mutation ($input: RegisterInput!) { register(input: $input) { accessToken refreshToken } }`,
      { input },
    );
    await PaceApi.gql(
      request,
      `mutation ($input: CompleteOnboardingInput!) { completeOnboarding(input: $input) { alreadyCompleted } }`,
      { input: { currency: 'USD', timeZone: 'UTC', region: 'US', income: '4000.00' } },
      register.accessToken,
    );
    return register;
  } catch {
    // Registered by an earlier run against the same server: sign in instead.
    const { login } = await PaceApi.gql<{ login: Tokens }>(
      request,
      `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`,
      { e: ADMIN_EMAIL, p: PASSWORD },
    );
    return login;
  }
}

test('every PWA page, signed out and in (admin area included), loads under a strict CSP with no violation', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const routes = pwaRoutes();
  expect(routes).toEqual(
    expect.arrayContaining(['/', '/month/', '/insights/', '/admin/', '/receipts/']),
  );

  const signedOut = await browser.newContext();
  const outPage = await signedOut.newPage();
  const outSeen = await watchViolations(signedOut, outPage);
  for (const route of routes) expectStrictPolicy(await openAndSettle(outPage, route), route);
  expect(outSeen).toEqual([]);
  await expectInlineScriptBlocked(outPage, outSeen);
  await signedOut.close();

  // An admin sees every screen with data: charts of Insights and Month, the admin console.
  const admin = await browser.newContext();
  await signInContext(admin, await adminTokens(request));
  const page = await admin.newPage();
  const seen = await watchViolations(admin, page);
  for (const route of routes) expectStrictPolicy(await openAndSettle(page, route), route);
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await page.getByRole('tablist', { name: 'Admin sections' }).getByRole('tab').last().click();
  await page.waitForTimeout(500);
  await page.goto('/insights/');
  await expect(page.locator('svg').first()).toBeVisible();
  expect(seen).toEqual([]);
  await admin.close();
});

test('the explorer loads under its own strict CSP with no violation', async ({ context, page }) => {
  const seen = await watchViolations(context, page);
  const response = await page.goto('/graphql', { waitUntil: 'load' });
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  expectStrictPolicy(response, 'explorer');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByLabel('Response')).toContainText('"name": "read:profile"');
  expect(seen).toEqual([]);
  await expectInlineScriptBlocked(page, seen);
});

test('offline, pages served by the service worker keep their policy, and the device OCR runs under it', async ({
  context,
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const seen = await watchViolations(context, page);
  const api = await PaceApi.createPlannedAccount(request, 'csp-offline');
  await signInContext(context, api);
  await page.goto('/receipts/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(
      () => page.evaluate(async () => (await (await caches.open('pace-ocr-v7')).keys()).length),
      { timeout: 60_000 },
    )
    .toBe(3);

  await context.setOffline(true);
  for (const route of ['/month/', '/insights/', '/receipts/']) {
    const response = await openAndSettle(page, route);
    expect(response?.fromServiceWorker(), route).toBe(true);
    expectStrictPolicy(response, `${route} offline`);
  }
  await expectInlineScriptBlocked(page, seen);

  // The receipt reader: tesseract's worker and WebAssembly core from /ocr/, offline.
  await page.getByTestId('receipt-file').setInputFiles({
    name: 'receipt.jpg',
    mimeType: 'image/jpeg',
    buffer: readFileSync(RECEIPT),
  });
  const form = page.getByRole('form', { name: 'Check the receipt' });
  await expect(form).toBeVisible({ timeout: 120_000 });
  await expect(form).toContainText('Read on this device while offline.');
  expect(seen).toEqual([]);
  await context.setOffline(false);
});
