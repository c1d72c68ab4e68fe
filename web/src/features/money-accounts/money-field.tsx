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
