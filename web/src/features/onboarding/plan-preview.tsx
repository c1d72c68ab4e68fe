'use client';

import type { Plan } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useCategoryLabel } from '@/lib/budget/category-label';
import { formatMoney } from '@/lib/format/money';
import styles from './onboarding.module.css';

/** The plan onboarding will make: where the month's money goes, and what the plan assumed. */
export function PlanPreview({ plan }: { plan: Plan }) {
  const t = useTranslations('onboarding.preview');
  const locale = useLocale();
  const label = useCategoryLabel();
  const money = (minor: number) => formatMoney(minor, plan.currency, locale);
  const totals = [
    ['fixed', plan.totals.fixedMinor],
    ['savings', plan.totals.savingsMinor + plan.totals.goalsMinor],
    ['targets', plan.totals.targetsMinor],
    ['flex', plan.totals.flexMinor],
  ] as const;
  return (
    <div className={styles.stack} data-testid="plan-preview">
      <dl className={styles.totals}>
        {totals.map(([key, minor]) => (
          <div key={key}>
            <dt>{t(`totals.${key}`)}</dt>
            <dd data-testid={`preview-total-${key}`}>{money(minor)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('tier', { tier: t(`tiers.${plan.tier}`) })}</p>
      <table className={styles.table}>
        <caption className={styles.muted}>
          {t('caption', { planned: money(plan.totals.plannedMinor) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('category')}</th>
            <th scope="col">{t('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.categories
            .filter((category) => category.amountMinor > 0)
            .map((category) => (
              <tr key={category.id} data-testid={`preview-category-${category.id}`}>
                <th scope="row">{label(category.id, category.name)}</th>
                <td>{money(category.amountMinor)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {plan.notices.length > 0 ? (
        <section aria-labelledby="assumed-title">
          <h3 id="assumed-title" className={styles.cardTitle}>
            {t('assumed')}
          </h3>
          <ul>
            {plan.notices.map((notice) => (
              <li key={notice.code}>
                {t.has(`notices.${notice.code}`) ? t(`notices.${notice.code}`) : notice.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
