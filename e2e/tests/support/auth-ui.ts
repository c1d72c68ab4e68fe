import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct horse battery staple 42';

/** A fresh address for a journey's account. */
export function newEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** The account screens, driven as a person would. */
export class AuthPages {
  constructor(readonly page: Page) {}

  async signUp(name: string, email: string, password = PASSWORD) {
    await this.page.goto('/sign-up/');
    const form = this.page.getByRole('form', { name: 'Your account' });
    await form.getByLabel('Your name').fill(name);
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('New password').fill(password);
    await form.getByRole('button', { name: 'Create account' }).click();
  }

  async signIn(email: string, password = PASSWORD) {
    const form = this.page.getByRole('form', { name: 'With your password' });
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
  }

  async expectSignInScreen() {
    await expect(this.page).toHaveURL(/\/sign-in\//);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  }
}

/**
 * The newest mail sent to `to` (the e2e server writes mails to PACE_E2E_MAIL_DIR), of those whose
 * subject matches `subject` when given (a sign-up's verification mail comes first).
 */
export async function latestMailTo(
  to: string,
  subject?: RegExp,
): Promise<{ subject: string; text: string }> {
  const dir = process.env.PACE_E2E_MAIL_DIR ?? '';
  let found: { subject: string; text: string } | null = null;
  await expect
    .poll(async () => {
      const names = (await readdir(dir).catch(() => [] as string[]))
        .filter((name) => name.endsWith('.json'))
        .sort()
        .reverse();
      for (const name of names) {
        const mail = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as {
          to: string;
          subject: string;
          text: string;
        };
        if (mail.to === to && (!subject || subject.test(mail.subject))) {
          found = mail;
          return true;
        }
      }
      return false;
    })
    .toBe(true);
  return found ?? { subject: '', text: '' };
}
