import { ButtonLink } from '@/ui/button-link';
import { TodayEmptyIllustration } from './today-empty-illustration';
import styles from './today-landing.module.css';

const STEPS = [
  {
    title: 'Plan the month',
    text: 'Tell Pace your income, fixed bills and what you want to save.',
  },
  {
    title: 'Spend by the day',
    text: 'Each category gets an allowance for today and for every day left.',
  },
  {
    title: 'Stay on track',
    text: 'Log what you spend, even offline. Pace rebalances the rest of the month.',
  },
] as const;

/** The Today screen before there is an account: what Pace does and where to start. */
export function TodayLanding() {
  return (
    <div className={styles.stack}>
      <section aria-labelledby="today-title" className={styles.intro}>
        <h1 id="today-title" className={styles.title}>
          Today
        </h1>
        <p className={styles.lead}>
          Pace turns your monthly income, bills and goals into one simple number: what you can spend
          today.
        </p>
      </section>

      <section aria-labelledby="no-plan-title" className={styles.emptyCard}>
        <TodayEmptyIllustration />
        <h2 id="no-plan-title" className={styles.cardTitle}>
          No plan yet
        </h2>
        <p className={styles.cardText}>
          Sign in to set up your month. Your daily allowance will appear right here.
        </p>
        <ButtonLink href="/sign-in/">Get started</ButtonLink>
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title" className={styles.sectionTitle}>
          How Pace works
        </h2>
        <ol className={styles.steps}>
          {STEPS.map((step, index) => (
            <li key={step.title} className={styles.step}>
              <span className={styles.stepNumber} aria-hidden="true">
                {index + 1}
              </span>
              <div>
                <h3 className={styles.stepTitle}>{step.title}</h3>
                <p className={styles.stepText}>{step.text}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
