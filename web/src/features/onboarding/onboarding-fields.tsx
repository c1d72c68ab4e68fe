'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Problems } from './onboarding-draft';
import styles from './onboarding.module.css';

/** A labelled input of the wizard with its hint and, when it cannot be read, why. */
export function WizardField(props: {
  id: string;
  label: string;
  hint?: string;
  problems: Problems;
  problemKey: string;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const t = useTranslations('onboarding.problems');
  const problem = props.problems[props.problemKey];
  const hintId = `${props.id}-hint`;
  const problemId = `${props.id}-problem`;
  const describedBy = [props.hint ? hintId : null, problem ? problemId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(problem ? { 'aria-invalid': true as const } : {}),
      })}
      {props.hint ? (
        <span id={hintId} className={styles.hint}>
          {props.hint}
        </span>
      ) : null}
      {problem ? (
        <span id={problemId} className={styles.error}>
          {t(problem)}
        </span>
      ) : null}
    </div>
  );
}
