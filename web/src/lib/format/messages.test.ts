import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';

// Every namespace English has: every locale has every key English has, and every message is
// valid ICU that formats with the arguments the screens pass.
const root = path.resolve(import.meta.dirname, '../../../messages');
const NAMESPACES = readdirSync(path.join(root, 'en'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length));
const locales = readdirSync(root).filter((name) => !name.includes('.'));

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}
const read = (locale: string, ns: string): Record<string, string> => {
  try {
    return flatten(JSON.parse(readFileSync(path.join(root, locale, `${ns}.json`), 'utf8')) as Tree);
  } catch {
    return {};
  }
};

const ARGS = {
  user: '0b1c…',
  ip: '203.0.113.9',
  sentence: 'a weak link over 20 days',
  amount: '$1.00',
  ratio: '1.8',
  perDay: '$4.20',
  category: 'Groceries',
  currency: 'USD',
  count: 2,
  date: '1 March',
  from: 'Flex',
  to: 'Dining out',
  reason: 'because',
  code: 'X',
  level: 90,
  milestone: 50,
  name: 'Trip',
  email: 'a@example.com',
  step: 2,
  digits: 2,
  bills: '$10',
  income: '$5',
  tier: 'middle',
  // Splits
  number: 2,

  signedIn: '5 Dec',
  active: '2 minutes ago',
  spent: '$1',
  planned: '$2',
  saved: '$1',
  target: '$2',
  percent: 50,
  progress: 40,
  example: '$10.00',
  line: 3,
  total: 3,
  days: 5,
  ready: 2,
  problems: 1,
  imported: 2,
  skipped: 1,
  day: 14,
  months: 8.5,
  done: 1,
  needed: 14,
  most: 7,
  score: 'Good',
  strength: 'weak',
  kept: 2,
  used: '$3.00',
  cap: '$5.00',
  // Insights
  rate: '12%',
  kind: 'WEEKEND',
  size: 'SMALL',
  ticket: '$12.00',
  weight: 30,
  points: 24,
  plan: '$600.00',
  expected: '$300.00',
  above: '$80.00',
  share: '12%',
  month: 'March 2026',
  region: 'US',
  yours: '12%',
  median: '10%',
  low: '8%',
  high: '14%',
  // Admin
  enabled: 'yes',
  // Webhooks
  url: 'https://example.com/hook',
  calls: 3,
  ms: '1.5',
  // Admin: key rotation
  jobId: 'encryption-rotate-1',
  keyId: 'k2',
  // Account mails
  link: 'https://pace.example/reset-password',
  unsubscribe: 'https://pace.example/api/email/unsubscribe?token=t',
  settings: 'https://pace.example/settings/',
  // Tags
  tag: 'trip',
  // Recurring
  interval: 2,
  weekday: 'Monday',
  // Rules
  pattern: 'pizza place',
  tags: 'work, lunch',
  shown: 20,
  // Households
  inviter: 'Sam',
  role: 'a member',
  // Currencies: a paid amount converted on the device
  paidCurrency: 'JPY',
};

describe.each(locales)('%s messages', (locale) => {
  it.each(NAMESPACES)('%s has every English key and formats', (ns) => {
    const english = read('en', ns);
    const messages = read(locale, ns);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(messages)) {
      const formatted = new IntlMessageFormat(text, locale).format(ARGS);
      expect(typeof formatted, `${locale}/${ns}/${key}`).toBe('string');
    }
  });
});
