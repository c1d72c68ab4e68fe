import type { AbstractIntlMessages } from 'next-intl';
import admin from '../../../messages/en/admin.json';
import advice from '../../../messages/en/advice.json';
import auth from '../../../messages/en/auth.json';
import categories from '../../../messages/en/categories.json';
import challenges from '../../../messages/en/challenges.json';
import currency from '../../../messages/en/currency.json';
import email from '../../../messages/en/email.json';
import goals from '../../../messages/en/goals.json';
import habits from '../../../messages/en/habits.json';
import household from '../../../messages/en/household.json';
import insights from '../../../messages/en/insights.json';
import installments from '../../../messages/en/installments.json';
import month from '../../../messages/en/month.json';
import notifications from '../../../messages/en/notifications.json';
import onboarding from '../../../messages/en/onboarding.json';
import receipts from '../../../messages/en/receipts.json';
import referrals from '../../../messages/en/referrals.json';
import settings from '../../../messages/en/settings.json';
import shell from '../../../messages/en/shell.json';
import sync from '../../../messages/en/sync.json';
import today from '../../../messages/en/today.json';
import transactions from '../../../messages/en/transactions.json';
import tags from '../../../messages/en/tags.json';
import splits from '../../../messages/en/splits.json';
import rules from '../../../messages/en/rules.json';
import accounts from '../../../messages/en/accounts.json';
import tagManager from '../../../messages/en/tagManager.json';
import type { Locale } from './locales';

/** English ships with the shell (the static pages are rendered with it); the rest load on demand. */
export const ENGLISH_MESSAGES = {
  shell,
  sync,
  auth,
  advice,
  categories,
  today,
  month,
  transactions,
  currency,
  tags,
  splits,
  rules,
  accounts,
  tagManager,
  goals,
  habits,
  challenges,
  installments,
  insights,
  notifications,
  settings,
  onboarding,
  admin,
  receipts,
  email,
  referrals,
  household,
};

export const NAMESPACES = Object.keys(ENGLISH_MESSAGES) as (keyof typeof ENGLISH_MESSAGES)[];

type Tree = AbstractIntlMessages;

/** `base` with `over`'s values where it has them: a key a translation lacks reads in English. */
function overlay(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = base[key];
    out[key] =
      typeof value === 'object' && typeof below === 'object' ? overlay(below, value) : value;
  }
  return out;
}

const loaded = new Map<Locale, Promise<Tree>>();

/** Every namespace of `locale`, over English (one chunk per file, precached for offline use). */
export function loadMessages(locale: Locale): Promise<Tree> {
  if (locale === 'en') return Promise.resolve(ENGLISH_MESSAGES);
  let messages = loaded.get(locale);
  if (!messages) {
    messages = Promise.all(
      NAMESPACES.map(async (namespace) => {
        const module = (await import(`../../../messages/${locale}/${namespace}.json`)) as {
          default: Tree;
        };
        return [namespace, module.default] as const;
      }),
    ).then((entries) => overlay(ENGLISH_MESSAGES, Object.fromEntries(entries)));
    loaded.set(locale, messages);
  }
  return messages;
}
