import { parseDecimal } from '@pace/engine';
import type { NotificationFieldsFragment } from '@/lib/graphql/generated';
import { formatLocalDate, formatMoney } from '@/lib/format/money';

type Translate = (key: string, values?: Record<string, string | number>) => string;

function money(value: { amount: string; currency: string } | null | undefined, locale: string) {
  if (!value) return '';
  return formatMoney(parseDecimal(value.amount, value.currency), value.currency, locale);
}

/** A notification's title and body in the person's language, from its type and facts. */
export function wordsOf(
  n: NotificationFieldsFragment,
  t: Translate,
  locale: string,
): { title: string; body: string } {
  const category = n.categoryName ?? '';
  const amount = money(n.amount, locale);
  switch (n.type) {
    case 'BUDGET_LEVEL':
      return {
        title: t('budgetLevelTitle', { category, level: n.level ?? 0 }),
        body: t('budgetLevelBody', { amount, total: money(n.allocation, locale) }),
      };
    case 'PACE':
      return {
        title: t('paceTitle', { category }),
        body: n.runOutOn
          ? t('paceBodyRunOut', { date: formatLocalDate(n.runOutOn, locale) })
          : t('paceBody'),
      };
    case 'LARGE_TRANSACTION':
      return { title: t('largeTitle'), body: t('largeBody', { amount, category }) };
    case 'DEFICIT':
      return { title: t('deficitTitle'), body: t('deficitBody', { amount }) };
    case 'GOAL_MILESTONE':
      return {
        title: t('goalTitle', { name: category, percent: n.milestone ?? 0 }),
        body: t('goalBody', { amount }),
      };
    case 'WIN':
      return {
        title: t('winTitle', { days: n.streakDays ?? n.milestone ?? 0 }),
        body: t('winBody', { count: n.milestone ?? 0 }),
      };
    case 'MORNING':
      return { title: t('morningTitle', { amount }), body: n.advice ?? t('morningBody') };
    case 'WEBHOOK_DISABLED':
      return { title: t('webhookDisabledTitle'), body: t('webhookDisabledBody') };
    case 'BILL_DUE':
      return {
        title: t('billDueTitle', { name: category }),
        body: t('billDueBody', { amount, date: n.date ? formatLocalDate(n.date, locale) : '' }),
      };
  }
}
