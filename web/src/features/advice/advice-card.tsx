'use client';

import { parseDecimal } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { paceDatabase } from '@/lib/db';
import { formatLocalDate, formatMoney } from '@/lib/format/money';
import { apiRequest, useSyncStatus } from '@/features/sync/sync-runtime';
import styles from './advice.module.css';

export const ADVICE_TODAY = `query DailyAdvice { advice { on source summary items { kind code title body categoryId params { name value } } } }`;

interface AdviceItem {
  kind: 'WARNING' | 'TIP' | 'PRAISE';
  code: string | null;
  title: string;
  body: string;
  categoryId: string | null;
  params: { name: string; value: string }[];
}
export interface AdviceToday {
  on: string;
  source: 'AI' | 'RULES';
  summary: string;
  items: AdviceItem[];
}

/** Where the day's advice is kept for offline reading (this device, this day). */
const META_KEY = 'adviceToday';

/**
 * The day's advice on Today (premium). Written on the server once a day; kept on the device so it
 * reads offline. A person without the premium plan, or before the first advice, sees nothing.
 */
export function AdviceCard({
  today,
  names,
}: {
  today: string;
  names: ReadonlyMap<string, string>;
}) {
  const t = useTranslations('advice');
  const locale = useLocale();
  const online = useSyncStatus().phase !== 'offline';
  const [advice, setAdvice] = useState<AdviceToday | null>(null);

  useEffect(() => {
    let stopped = false;
    const db = paceDatabase();
    void db.meta.get(META_KEY).then((entry) => {
      const kept = entry?.value as AdviceToday | undefined;
      if (!stopped && kept?.on === today) setAdvice((current) => current ?? kept);
    });
    if (online)
      apiRequest<{ advice: AdviceToday | null }>(ADVICE_TODAY).then(
        async ({ advice: written }) => {
          if (stopped || !written) return;
          setAdvice(written);
          await db.meta.put({ key: META_KEY, value: written });
        },
        // Not premium, no plan yet, or the server unreachable: no card.
        () => undefined,
      );
    return () => {
      stopped = true;
    };
  }, [today, online]);

  if (!advice) return null;
  const param = (item: AdviceItem, name: string) =>
    item.params.find((p) => p.name === name)?.value ?? '';
  const money = (text: string) => {
    const [amount = '0', currency = 'USD'] = text.split(' ');
    try {
      return formatMoney(parseDecimal(amount, currency), currency, locale);
    } catch {
      return text;
    }
  };
  // Rule-based items are worded here, in the person's language; AI items arrive written.
  const words = (item: AdviceItem): { title: string; body: string } => {
    const category = item.categoryId ? (names.get(item.categoryId) ?? param(item, 'category')) : '';
    switch (item.code) {
      case 'MONTH_DEFICIT':
        return {
          title: t('code.MONTH_DEFICIT.title', { amount: money(param(item, 'amount')) }),
          body: t('code.MONTH_DEFICIT.body'),
        };
      case 'CATEGORY_FAST': {
        const runOutOn = param(item, 'runOutOn');
        const perDay = money(param(item, 'perDay'));
        return {
          title: t('code.CATEGORY_FAST.title', {
            category,
            ratio: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
              Number(param(item, 'ratio')),
            ),
          }),
          body: runOutOn
            ? t('code.CATEGORY_FAST.bodyRunOut', {
                date: formatLocalDate(runOutOn, locale, { day: 'numeric', month: 'long' }),
                perDay,
              })
            : t('code.CATEGORY_FAST.body', { perDay }),
        };
      }
      case 'GOAL_BEHIND':
        return {
          title: t('code.GOAL_BEHIND.title', {
            percent: param(item, 'percent'),
            count: Number(param(item, 'months')),
          }),
          body: t('code.GOAL_BEHIND.body'),
        };
      case 'DAYS_WITHIN_BUDGET':
        return {
          title: t('code.DAYS_WITHIN_BUDGET.title', {
            days: param(item, 'days'),
            total: param(item, 'of'),
          }),
          body: t('code.DAYS_WITHIN_BUDGET.body'),
        };
      case 'HABIT_STREAK':
        return {
          title: t('code.HABIT_STREAK.title', { count: Number(param(item, 'count')) }),
          body: t('code.HABIT_STREAK.body'),
        };
      case 'MOOD_SPENDING': {
        const worse = param(item, 'direction') === 'negative';
        return {
          title: t(worse ? 'code.MOOD_SPENDING.titleWorse' : 'code.MOOD_SPENDING.titleBetter'),
          body: t(worse ? 'code.MOOD_SPENDING.bodyWorse' : 'code.MOOD_SPENDING.bodyBetter'),
        };
      }
      case 'STEADY':
        return { title: t('code.STEADY.title'), body: t('code.STEADY.body') };
      case null:
      default:
        return { title: item.title, body: item.body };
    }
  };

  return (
    <section aria-labelledby="advice-title" className={styles.card} data-testid="advice">
      <h2 id="advice-title" className={styles.title}>
        {t('title')}
      </h2>
      {advice.source === 'AI' ? <p>{advice.summary}</p> : null}
      <ul className={styles.items}>
        {advice.items.map((item, index) => {
          const { title, body } = words(item);
          return (
            <li key={index} className={styles.item} data-kind={item.kind.toLowerCase()}>
              <strong>
                <span className={styles.kind}>{t(`kind.${item.kind}`)}</span> {title}
              </strong>
              <span>{body}</span>
            </li>
          );
        })}
      </ul>
      <p className={styles.muted}>{advice.source === 'AI' ? t('byAi') : t('byRules')}</p>
    </section>
  );
}
