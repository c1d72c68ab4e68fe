/**
 * The words of a notification that leaves the app (push title and body, e-mail subject and
 * text) in the person's language. The messages are the PWA's own catalogues, so the in-app
 * list, a push and an e-mail say the same thing in the same ten languages.
 */
import { minorDigitsOf } from '@pace/engine';
import { IntlMessageFormat } from 'intl-messageformat';
import ar from '../../../../web/messages/ar/notifications.json';
import de from '../../../../web/messages/de/notifications.json';
import en from '../../../../web/messages/en/notifications.json';
import es from '../../../../web/messages/es/notifications.json';
import fr from '../../../../web/messages/fr/notifications.json';
import it from '../../../../web/messages/it/notifications.json';
import ja from '../../../../web/messages/ja/notifications.json';
import nl from '../../../../web/messages/nl/notifications.json';
import pt from '../../../../web/messages/pt/notifications.json';
import zh from '../../../../web/messages/zh/notifications.json';
import type { NotificationParams, NotificationType } from './notification.table';

type Catalogue = typeof en;
const CATALOGUES: Readonly<Record<string, Catalogue>> = { ar, de, en, es, fr, it, ja, nl, pt, zh };

export interface NotificationText {
  title: string;
  body: string;
}

/** The catalogue language for a stored locale ("pt-BR" → pt); English when there is none. */
export function notificationLanguage(locale: string | null | undefined): string {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return base in CATALOGUES ? base : 'en';
}

const formats = new Map<string, IntlMessageFormat>();

function say(language: string, key: keyof Catalogue, values: Record<string, string | number> = {}) {
  const cacheKey = `${language}|${key}`;
  let format = formats.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat((CATALOGUES[language] ?? en)[key], language);
    formats.set(cacheKey, format);
  }
  return String(format.format(values));
}

const text = (params: NotificationParams, key: string): string => String(params[key] ?? '');

/** A decimal amount of the params in the language's currency format, exactly (no float). */
function money(params: NotificationParams, key: string, language: string): string {
  const amount = params[key];
  const currency = text(params, 'currency');
  if (amount === undefined || amount === null || currency === '') return String(amount ?? '');
  const digits = minorDigitsOf(currency);
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(String(amount) as `${number}`);
}

function localDate(date: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(instant);
}

const number = (params: NotificationParams, key: string): number => Number(params[key] ?? 0);

/** Title and body of a notification in the person's language (`locale` as stored, e.g. "de-CH"). */
export function notificationText(
  type: NotificationType,
  params: NotificationParams,
  locale?: string | null,
): NotificationText {
  const language = notificationLanguage(locale);
  const category = text(params, 'categoryName');
  const amount = money(params, 'amount', language);
  switch (type) {
    case 'budget_level':
      return {
        title: say(language, 'budgetLevelTitle', { category, level: number(params, 'level') }),
        body: say(language, 'budgetLevelBody', {
          amount,
          total: money(params, 'allocation', language),
        }),
      };
    case 'pace':
      return {
        title: say(language, 'paceTitle', { category }),
        body: params.runOutOn
          ? say(language, 'paceBodyRunOut', { date: localDate(text(params, 'runOutOn'), language) })
          : say(language, 'paceBody'),
      };
    case 'large_transaction':
      return {
        title: say(language, 'largeTitle'),
        body: say(language, 'largeBody', { amount, category }),
      };
    case 'deficit':
      return {
        title: say(language, 'deficitTitle'),
        body: say(language, 'deficitBody', { amount }),
      };
    case 'goal_milestone':
      return {
        title: say(language, 'goalTitle', { name: category, percent: number(params, 'milestone') }),
        body: say(language, 'goalBody', { amount }),
      };
    case 'win':
      return {
        title: say(language, 'winTitle', {
          days: number(params, params.streakDays == null ? 'milestone' : 'streakDays'),
        }),
        body: say(language, 'winBody', { count: number(params, 'milestone') }),
      };
    case 'morning':
      return {
        title: say(language, 'morningTitle', { amount }),
        body: text(params, 'advice') || say(language, 'morningBody'),
      };
    case 'webhook_disabled':
      return {
        title: say(language, 'webhookDisabledTitle'),
        body: say(language, 'webhookDisabledBody'),
      };
    case 'bill_due':
      return {
        title: say(language, 'billDueTitle', { name: category }),
        body: say(language, 'billDueBody', {
          amount,
          date: localDate(text(params, 'date'), language),
        }),
      };
  }
}
