import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The journeys run against the real product: the bundled API serving the built web export,
// on the embedded default (PGlite in a fresh data directory), in Debian's Chromium.
const port = Number(process.env.PACE_E2E_PORT ?? 4310);
const dataDir = process.env.PACE_E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'pace-e2e-'));
process.env.PACE_E2E_DATA_DIR = dataDir;
// Mails (password resets) land here as files: the journeys read their links like a person would.
const mailDir = path.join(dataDir, 'mail');
process.env.PACE_E2E_MAIL_DIR = mailDir;
const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  testDir: 'tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: path.join(tmpdir(), 'pace-e2e-results'),
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.PACE_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node ${path.join(root, 'server/dist/main.js')}`,
    url: `http://localhost:${port}/health`,
    timeout: 90_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PACE_DATA_DIR: dataDir,
      MAIL_OUTBOX_DIR: mailDir,
      LOG_LEVEL: 'warn',
      // Every journey signs a new account up from this one address, and syncing devices poll.
      RATE_LIMIT_REGISTER: '100/1h',
      RATE_LIMIT_API_STANDARD: '1000/1m',
      RATE_LIMIT_ANONYMOUS: '2000/15m',
      RATE_LIMIT_ANONYMOUS_REQUESTS: '100000/1m',
      RATE_LIMIT_LOGIN_FAILURES: '500/15m',
      // The admin journey's account becomes an admin when it signs up (tests/admin.spec.ts).
      // The CSP spec's admin too (tests/csp.spec.ts).
      ADMIN_EMAILS: 'admin-journey@example.com,admin-csp@example.com',
      // The webhooks journey delivers to a receiver on 127.0.0.1 (tests/webhooks.spec.ts).
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      // This machine is offline: no ECB fetch at start (the currency journey enters its rates).
      FX_ECB_URL: '',
    },
  },
});
