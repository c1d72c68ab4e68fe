'use client';

import { localDateOf } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import {
  authErrorKeyOf,
  detectedProfile,
  markOnboarded,
  sessionTransport,
  useSession,
  type AuthErrorKey,
} from '@/features/auth';
import { formatMoney } from '@/lib/format/money';
import { useOnlineStatus } from '@/lib/network/use-online-status';
import {
  goalsOfDraft,
  onboardingInputOf,
  previewPlan,
  settingsOfDraft,
  type OnboardingDraft,
  type Problems,
} from './onboarding-draft';
import {
  BillsStep,
  GoalsStep,
  HabitsStep,
  IncomeStep,
  MoneyStep,
  SavingsStep,
  type StepProps,
} from './onboarding-steps';
import { PlanPreview } from './plan-preview';
import styles from './onboarding.module.css';

const COMPLETE = `mutation CompleteOnboarding($input: CompleteOnboardingInput!) {
  completeOnboarding(input: $input) { alreadyCompleted } }`;

/** The wizard's steps; each owns the draft fields whose problems stop it. */
const STEPS: { key: string; Step: ComponentType<StepProps>; owns: (field: string) => boolean }[] = [
  { key: 'money', Step: MoneyStep, owns: (f) => ['currency', 'timeZone', 'region'].includes(f) },
  { key: 'income', Step: IncomeStep, owns: (f) => f === 'income' || f === 'additionalIncome' },
  { key: 'bills', Step: BillsStep, owns: (f) => f.startsWith('bills.') },
  { key: 'savings', Step: SavingsStep, owns: (f) => f === 'savingsTarget' },
  { key: 'habits', Step: HabitsStep, owns: (f) => f.startsWith('habits.') },
  { key: 'goals', Step: GoalsStep, owns: (f) => f.startsWith('goals.') },
];
const TOTAL = STEPS.length + 1;

function initialDraft(): OnboardingDraft {
  const detected =
    typeof navigator === 'undefined'
      ? { country: 'US', currency: 'USD' }
      : detectedProfile(navigator.language);
  return {
    currency: detected.currency,
    timeZone: typeof Intl === 'object' ? Intl.DateTimeFormat().resolvedOptions().timeZone : 'UTC',
    region: detected.country,
    income: '',
    additionalIncome: '',
    bills: [],
    savingsTarget: '',
    habits: { coffeePerWeek: '', diningPerMonth: '', travelPerYear: '' },
    goals: [],
    surplusToGoals: false,
  };
}

/** Onboarding: the person's money, bills, savings, habits and goals → a plan preview → the plan. */
export function OnboardingScreen() {
  const t = useTranslations('onboarding');
  const tErrors = useTranslations('auth.errors');
  const locale = useLocale();
  const router = useRouter();
  const session = useSession();
  const isOffline = useOnlineStatus() === 'offline';
  const [draft, setDraft] = useState<OnboardingDraft>(initialDraft);
  const [step, setStep] = useState(0);
  const [problems, setProblems] = useState<Problems>({});
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<AuthErrorKey | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const userId = session.kind === 'signed-in' ? session.session.user.id : '';

  useEffect(() => heading.current?.focus(), [step]);

  const { settings, problems: all } = settingsOfDraft(draft, {
    userId: userId || 'preview',
    locale,
  });
  const today = localDateOf(new Date(), settings.timeZone);
  const goals = goalsOfDraft(draft, { locale, today });
  const allProblems = { ...all, ...goals.problems };

  function next() {
    const current = STEPS[step];
    const blocking = Object.fromEntries(
      Object.entries(allProblems).filter(([field]) => current?.owns(field)),
    );
    setProblems(blocking);
    if (Object.keys(blocking).length > 0) {
      const first = document.querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
      return;
    }
    setStep((s) => Math.min(s + 1, STEPS.length));
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const transport = sessionTransport();
      // The goals are made with the plan, in one request: the first plan reserves for them.
      await transport(COMPLETE, {
        input: onboardingInputOf(settings, crypto.randomUUID(), goals.goals),
      });
      markOnboarded(userId);
      router.replace('/');
    } catch (failure) {
      setError(authErrorKeyOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const current = STEPS[step];
  const preview =
    step === STEPS.length
      ? previewPlan({ ...settings, goals: goals.goals.map((g) => g.plan) }, new Date())
      : null;
  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <p className={styles.progress}>{t('progress', { step: step + 1, total: TOTAL })}</p>
      <div className={styles.bar} aria-hidden="true">
        <span style={{ width: `${((step + 1) / TOTAL) * 100}%` }} />
      </div>
      <form
        className={styles.card}
        aria-labelledby="ob-step-title"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (current) next();
          else void confirm();
        }}
      >
        <h2 id="ob-step-title" className={styles.cardTitle} tabIndex={-1} ref={heading}>
          {t(`steps.${current?.key ?? 'preview'}.title`)}
        </h2>
        <p className={styles.muted}>{t(`steps.${current?.key ?? 'preview'}.lead`)}</p>
        {current ? (
          <current.Step
            draft={draft}
            problems={problems}
            change={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          />
        ) : null}
        {preview?.kind === 'plan' ? <PlanPreview plan={preview.plan} /> : null}
        {preview?.kind === 'infeasible' ? (
          <p role="alert" className={styles.notice}>
            {t('infeasible', {
              bills: formatMoney(preview.fixedMinor, preview.currency, locale),
              income: formatMoney(preview.incomeMinor, preview.currency, locale),
            })}
          </p>
        ) : null}
        {isOffline && !current ? <p className={styles.notice}>{t('offline')}</p> : null}
        <p role="alert" className={styles.error}>
          {error ? tErrors(error) : null}
        </p>
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.secondary}
            disabled={step === 0 || isBusy}
            onClick={() => setStep((s) => Math.max(0, s - 1))}
          >
            {t('back')}
          </button>
          <button
            type="submit"
            className={styles.primary}
            disabled={isBusy || (preview !== null && preview.kind !== 'plan')}
          >
            {current ? t('next') : isBusy ? t('making') : t('confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
