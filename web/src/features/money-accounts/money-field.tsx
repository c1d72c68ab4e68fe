'use client';

import styles from './accounts.module.css';

/**
 * An amount typed in the budget currency (a transfer, a statement balance, an opening balance):
 * a labelled decimal text field. The form reads it with `parseAmountInput` or, where money owed
 * may be entered, `parseSignedAmount`.
 */
export function MoneyField({
  label,
  value,
  onChange,
  isRequired = false,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  isRequired?: boolean;
  placeholder?: string;
}) {
  return (
    <label className={styles.field}>
      {label}
      <input
        className={styles.input}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        required={isRequired}
      />
    </label>
  );
}

/** The local day a form's money moves on (an opening balance, a transfer, a statement). */
export function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (day: string) => void;
}) {
  return (
    <label className={styles.field}>
      {label}
      <input
        className={styles.input}
        type="date"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}
