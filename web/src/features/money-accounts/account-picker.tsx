'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslations } from 'next-intl';
import { paceDatabase } from '@/lib/db';
import styles from './accounts.module.css';

/**
 * Which money account a transaction moved, for the transaction editor. The empty choice is the
 * default account (a transaction without an account belongs to it). Hidden until the person has
 * an account besides the default one.
 */
export function AccountPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (accountId: string | null) => void;
}) {
  const t = useTranslations('accounts');
  const accounts = useLiveQuery(() => paceDatabase().moneyAccounts.toArray(), []);
  const choices = (accounts ?? []).filter((a) => !a.isDefault && (!a.isArchived || a.id === value));
  if (choices.length === 0) return null;
  const main = accounts?.find((a) => a.isDefault);
  const mainValue = main?.id ?? '';
  return (
    <label className={styles.field}>
      {t('picker.label')}
      <select
        className={styles.input}
        value={value ?? mainValue}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value={mainValue}>{main?.name ?? t('picker.default')}</option>
        {choices.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
