'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { authErrorKeyOf, type AuthErrorKey } from './auth-errors';
import styles from './auth.module.css';

/** A labelled input of an account form. */
export function AuthField(props: {
  label: string;
  name: string;
  type?: 'email' | 'password' | 'text';
  autoComplete: string;
  hint?: string;
  minLength?: number;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className={styles.input}
        name={props.name}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        minLength={props.minLength}
        required
        aria-describedby={props.hint ? hintId : undefined}
      />
      {props.hint ? (
        <span id={hintId} className={styles.hint}>
          {props.hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * An account form: sends its fields once at a time, shows the outcome's error in words (never a
 * code) in a live region, and moves focus to it.
 */
export function AuthForm(props: {
  label: string;
  submit: string;
  onSubmit: (fields: Record<string, string>) => Promise<void>;
  children: ReactNode;
}) {
  const t = useTranslations('auth');
  const [error, setError] = useState<AuthErrorKey | null>(null);
  const [isBusy, setBusy] = useState(false);
  const errorId = useId();
  // The page is static: until the app runs, the submit button (and so Enter) is off, so a form
  // filled early is never sent the browser's way, with the password in the address.
  const [isReady, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    const form = new FormData(event.currentTarget);
    const fields = Object.fromEntries(
      [...form.entries()].map(([key, value]) => [key, typeof value === 'string' ? value : '']),
    );
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(fields);
    } catch (failure) {
      setError(authErrorKeyOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      method="post"
      className={styles.form}
      aria-label={props.label}
      aria-describedby={error ? errorId : undefined}
      onSubmit={(event) => void submit(event)}
    >
      {props.children}
      <p id={errorId} role="alert" className={styles.error}>
        {error ? t(`errors.${error}`) : null}
      </p>
      <button
        type="submit"
        className={styles.primary}
        disabled={isBusy || !isReady}
        aria-busy={isBusy}
      >
        {isBusy ? t('working') : props.submit}
      </button>
    </form>
  );
}
