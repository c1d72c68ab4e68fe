import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directionOf, LOCALES } from '@/features/i18n/locales';
import { formatMoney } from '@/lib/format/money';

// The Accounts screen shows money exactly as every other screen: through `formatMoney` of
// lib/format, with no formatting or direction of its own (Arabic used to read differently here).

const here = path.dirname(new URL(import.meta.url).pathname);
const LTR_ISOLATE = '\u2066';
const POP_ISOLATE = '\u2069';

const intl = (locale: string, currency: string, text: string, digits: number) =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(text as `${number}`);

describe.each(LOCALES)('money in %s', (locale) => {
  it.each([
    [123_450, 'USD', '1234.50', 2],
    [-42_010, 'USD', '-420.10', 2],
    [1_200, 'JPY', '1200', 0],
    [-1_234, 'BHD', '-1.234', 3],
  ])(
    '%i %s reads as the locale writes it, one run in the page’s direction',
    (minor, currency, text, digits) => {
      const shown = formatMoney(minor, currency, locale);
      const written = intl(locale, currency, text, digits);
      if (directionOf(locale) === 'rtl') {
        // One left-to-right run: a right-to-left line cannot tear the sign or symbol off.
        expect(shown).toBe(`${LTR_ISOLATE}${written}${POP_ISOLATE}`);
      } else {
        expect(shown).toBe(written);
      }
    },
  );
});

describe('the Accounts screen formats money like the rest', () => {
  const sources = readdirSync(here).filter(
    (file) => /\.(ts|tsx)$/.test(file) && !file.endsWith('.test.ts'),
  );

  it('restyles no amount: no direction of its own in its styles', () => {
    const css = readFileSync(path.join(here, 'accounts.module.css'), 'utf8');
    expect(css).not.toMatch(/^\s*(direction|unicode-bidi)\s*:/m);
  });

  it.each(sources)('%s formats no money of its own', (file) => {
    const source = readFileSync(path.join(here, file), 'utf8');
    expect(source).not.toMatch(/Intl\.NumberFormat|toLocaleString|toFixed\(/);
  });

  it.each(['account-forms.tsx', 'reconcile-form.tsx'])(
    '%s takes amounts through the one MoneyField',
    (file) => {
      const source = readFileSync(path.join(here, file), 'utf8');
      expect(source).toMatch(/<MoneyField\b/);
      expect(source).not.toMatch(/inputMode="decimal"/);
    },
  );

  it('shows amounts through formatMoney of lib/format', () => {
    const screen = readFileSync(path.join(here, 'accounts-screen.tsx'), 'utf8');
    expect(screen).toMatch(/from '@\/lib\/format\/money'/);
    expect(screen).toMatch(/formatMoney\(/);
  });
});
