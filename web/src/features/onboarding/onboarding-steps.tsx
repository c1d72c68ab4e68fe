'use client';

import { listCurrencyCodes, minorDigitsOf } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import type { OnboardingDraft, Problems } from './onboarding-draft';
import { WizardField } from './onboarding-fields';
import { RowsStep } from './onboarding-rows';
import styles from './onboarding.module.css';

export interface StepProps {
  draft: OnboardingDraft;
  problems: Problems;
  change: (patch: Partial<OnboardingDraft>) => void;
}

/** Currency (with its decimals), time zone (detected) and region. */
export function MoneyStep({ draft, problems, change }: StepProps) {
  const t = useTranslations('onboarding.money');
  const locale = useLocale();
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  const zones = zonesWith(draft.timeZone);
  const digits = (code: string) => {
    try {
      return minorDigitsOf(code);
    } catch {
      return 2;
    }
  };
  return (
    <div className={styles.grid}>
      <WizardField
        id="ob-currency"
        label={t('currency')}
        problems={problems}
        problemKey="currency"
        hint={t('currencyHint', { digits: digits(draft.currency) })}
      >
        {(aria) => (
          <select
            {...aria}
            className={styles.input}
            value={draft.currency}
            onChange={(e) => change({ currency: e.target.value })}
          >
            {listCurrencyCodes().map((code) => (
              <option key={code} value={code}>
                {code} · {names.of(code)}
              </option>
            ))}
          </select>
        )}
      </WizardField>
      <WizardField
        id="ob-zone"
        label={t('timeZone')}
        problems={problems}
        problemKey="timeZone"
        hint={t('timeZoneHint')}
      >
        {(aria) => (
          <select
            {...aria}
            className={styles.input}
            value={draft.timeZone}
            onChange={(e) => change({ timeZone: e.target.value })}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        )}
      </WizardField>
      <WizardField
        id="ob-region"
        label={t('region')}
        problems={problems}
        problemKey="region"
        hint={t('regionHint')}
      >
        {(aria) => (
          <input
            {...aria}
            className={styles.input}
            value={draft.region}
            autoComplete="country"
            onChange={(e) => change({ region: e.target.value })}
          />
        )}
      </WizardField>
    </div>
  );
}

/** Monthly income and any additional income. */
export function IncomeStep({ draft, problems, change }: StepProps) {
  const t = useTranslations('onboarding.income');
  return (
    <div className={styles.grid}>
      <WizardField
        id="ob-income"
        label={t('income', { currency: draft.currency })}
        problems={problems}
        problemKey="income"
        hint={t('incomeHint')}
      >
        {(aria) => (
          <input
            {...aria}
            className={styles.input}
            inputMode="decimal"
            value={draft.income}
            onChange={(e) => change({ income: e.target.value })}
          />
        )}
      </WizardField>
      <WizardField
        id="ob-additional"
        label={t('additional', { currency: draft.currency })}
        problems={problems}
        problemKey="additionalIncome"
        hint={t('additionalHint')}
      >
        {(aria) => (
          <input
            {...aria}
            className={styles.input}
            inputMode="decimal"
            value={draft.additionalIncome}
            onChange={(e) => change({ additionalIncome: e.target.value })}
          />
        )}
      </WizardField>
    </div>
  );
}

/** Fixed bills with their due days. */
export function BillsStep(props: StepProps) {
  return (
    <RowsStep
      {...props}
      kind="bills"
      columns={[
        { field: 'name', label: 'name' },
        { field: 'amount', label: 'amount', inputMode: 'decimal' },
        { field: 'dueDay', label: 'dueDay', inputMode: 'numeric' },
      ]}
      blank={{ name: '', amount: '', dueDay: '' }}
    />
  );
}

/** The monthly savings target. */
export function SavingsStep({ draft, problems, change }: StepProps) {
  const t = useTranslations('onboarding.savings');
  return (
    <WizardField
      id="ob-savings"
      label={t('target', { currency: draft.currency })}
      problems={problems}
      problemKey="savingsTarget"
      hint={t('hint')}
    >
      {(aria) => (
        <input
          {...aria}
          className={styles.input}
          inputMode="decimal"
          value={draft.savingsTarget}
          onChange={(e) => change({ savingsTarget: e.target.value })}
        />
      )}
    </WizardField>
  );
}

/** How often the person has coffee out, eats out and travels: the plan sizes those categories. */
export function HabitsStep({ draft, problems, change }: StepProps) {
  const t = useTranslations('onboarding.habits');
  return (
    <div className={styles.grid}>
      {(['coffeePerWeek', 'diningPerMonth', 'travelPerYear'] as const).map((key) => (
        <WizardField
          key={key}
          id={`ob-habit-${key}`}
          label={t(key)}
          problems={problems}
          problemKey={`habits.${key}`}
          hint={t('hint')}
        >
          {(aria) => (
            <input
              {...aria}
              className={styles.input}
              inputMode="numeric"
              value={draft.habits[key]}
              onChange={(e) => change({ habits: { ...draft.habits, [key]: e.target.value } })}
            />
          )}
        </WizardField>
      ))}
    </div>
  );
}

/**
 * Goals to save for (optional), first listed served first: made with the plan, which sets money
 * aside for the dated ones; and whether each month's leftovers go into them.
 */
export function GoalsStep(props: StepProps) {
  const t = useTranslations('onboarding.goals');
  const { draft, change } = props;
  return (
    <>
      <RowsStep
        {...props}
        kind="goals"
        columns={[
          { field: 'name', label: 'name' },
          { field: 'target', label: 'target', inputMode: 'decimal' },
          { field: 'targetOn', label: 'targetOn', type: 'date' },
        ]}
        blank={{ name: '', target: '', targetOn: '' }}
      />
      {draft.goals.length > 0 ? (
        <>
          {draft.goals.length > 1 ? <p className={styles.hint}>{t('order')}</p> : null}
          <div className={styles.check}>
            <input
              id="ob-surplus"
              type="checkbox"
              aria-describedby="ob-surplus-hint"
              checked={draft.surplusToGoals}
              onChange={(e) => change({ surplusToGoals: e.target.checked })}
            />
            <label htmlFor="ob-surplus">{t('surplus')}</label>
            <span id="ob-surplus-hint" className={styles.hint}>
              {t('surplusHint')}
            </span>
          </div>
        </>
      ) : null}
    </>
  );
}

/** Every IANA zone the browser knows, and the current one even when the list lacks it (UTC). */
export function zonesWith(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}
