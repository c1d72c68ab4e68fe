'use client';

import { parseDecimal } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useId } from 'react';
import { formatLocalDate, formatMoney } from '@/lib/format/money';
import type { InstallmentPlanQuery } from '@/lib/graphql/generated';
import { StatusPill, type StatusTone } from '@/ui/status-pill';
import { VisuallyHidden } from '@/ui/visually-hidden';
import styles from './installments.module.css';

type Plan = InstallmentPlanQuery['installmentPlan'];
type Reason = Plan['verdict']['reasons'][number];
type Level = Plan['verdict']['level'];

const TONE: Readonly<Record<Level, StatusTone>> = { LOW: 'ok', MEDIUM: 'warn', HIGH: 'bad' };

/** The monthly payment, the totals, the verdict in words and the schedule (collapsed). */
export function InstallmentResult({ plan, currency }: { plan: Plan; currency: string }) {
  const t = useTranslations('installments');
  const locale = useLocale();
  const id = useId();
  const money = (amount: string) => formatMoney(parseDecimal(amount, currency), currency, locale);
  const last = plan.lastPayment.amount !== plan.monthlyPayment.amount;

  return (
    <>
      <section
        className={styles.card}
        aria-labelledby={`${id}-result`}
        data-testid="installment-result"
      >
        <h2 id={`${id}-result`} className={styles.cardTitle}>
          {t('result.title')}
        </h2>
        <dl className={styles.figures}>
          <div className={styles.headline}>
            <dt>{t('result.monthly')}</dt>
            <dd data-testid="installment-monthly">{money(plan.monthlyPayment.amount)}</dd>
          </div>
          <div>
            <dt>{t('result.interest')}</dt>
            <dd>{money(plan.totalInterest.amount)}</dd>
          </div>
          <div>
            <dt>{t('result.total')}</dt>
            <dd>{money(plan.totalPaid.amount)}</dd>
          </div>
        </dl>
        {last ? (
          <p className={styles.muted}>
            {t('result.last', { amount: money(plan.lastPayment.amount), count: plan.months })}
          </p>
        ) : null}
      </section>
      <section
        className={styles.card}
        aria-labelledby={`${id}-verdict`}
        data-testid="installment-verdict"
      >
        <div className={styles.head}>
          <h2 id={`${id}-verdict`} className={styles.cardTitle}>
            {t('verdict.title')}
          </h2>
          <StatusPill tone={TONE[plan.verdict.level]}>
            {t(`verdict.level.${plan.verdict.level}`)}
          </StatusPill>
        </div>
        <p>{t(`verdict.summary.${plan.verdict.level}`)}</p>
        <ul className={styles.reasons}>
          {plan.verdict.reasons.map((reason) => (
            <li key={reason.code} className={styles[`reason${reason.level}`]}>
              <VisuallyHidden>{t(`verdict.level.${reason.level}`)}: </VisuallyHidden>
              <ReasonText reason={reason} money={money} />
            </li>
          ))}
        </ul>
      </section>
      <details className={styles.card}>
        <summary className={styles.summary}>
          {t('schedule.show', { count: plan.schedule.length })}
        </summary>
        <div
          className={styles.scroll}
          role="region"
          aria-label={t('schedule.caption')}
          tabIndex={0}
        >
          <table className={styles.table}>
            <caption>
              <VisuallyHidden>{t('schedule.caption')}</VisuallyHidden>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('schedule.number')}</th>
                <th scope="col">{t('schedule.date')}</th>
                <th scope="col">{t('schedule.payment')}</th>
                <th scope="col">{t('schedule.interest')}</th>
                <th scope="col">{t('schedule.principal')}</th>
                <th scope="col">{t('schedule.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.schedule.map((row) => (
                <tr key={row.number}>
                  <th scope="row">{row.number}</th>
                  <td>
                    {formatLocalDate(row.dueOn, locale, {
                      day: 'numeric',
                      month: 'short',
                      year: 'numeric',
                    })}
                  </td>
                  <td>{money(row.payment.amount)}</td>
                  <td>{money(row.interest.amount)}</td>
                  <td>{money(row.principal.amount)}</td>
                  <td>{money(row.balance.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

/** One reason in the person's words: ratios are percent of income (or months of income). */
function ReasonText({ reason, money }: { reason: Reason; money: (amount: string) => string }) {
  const t = useTranslations('installments');
  const locale = useLocale();
  const ratio = reason.ratio === null || reason.ratio === undefined ? 0 : Number(reason.ratio);
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(ratio / 100);
  return (
    <>
      {t(`verdict.reason.${reason.code}`, {
        amount: money(reason.amount.amount),
        percent,
        months: Math.round(ratio * 10) / 10,
      })}
    </>
  );
}
