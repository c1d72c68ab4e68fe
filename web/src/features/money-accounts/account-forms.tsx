'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { paceDatabase, type MoneyAccountKind, type MoneyAccountRecord } from '@/lib/db';
import { parseAmountInput } from '@/lib/format/money';
import { createMoneyAccount, createTransfer } from './money-account-sync';
import { DateField, MoneyField } from './money-field';
import { parseSignedAmount } from './money-input';
import styles from './accounts.module.css';

export const ACCOUNT_KINDS: readonly MoneyAccountKind[] = [
  'cash',
  'checking',
  'savings',
  'credit_card',
  'loan',
];

/** Adds an account on this device (queued for the server). */
export function NewAccountForm({ currency, today }: { currency: string; today: string }) {
  const t = useTranslations('accounts');
  const locale = useLocale();
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<MoneyAccountKind>('checking');
  const [opening, setOpening] = useState('');
  const [openingOn, setOpeningOn] = useState(today);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const minor = opening.trim() === '' ? 0 : parseSignedAmount(opening, currency, locale);
    if (name.trim() === '') return setMessage({ error: true, text: t('errors.name') });
    if (minor === null) return setMessage({ error: true, text: t('errors.amount') });
    await createMoneyAccount(paceDatabase(), {
      name,
      kind,
      currency,
      openingBalanceMinor: minor,
      openingOn: openingOn || today,
    });
    setMessage({ error: false, text: t('create.done', { name: name.trim() }) });
    setName('');
    setOpening('');
  }

  return (
    <section className={styles.card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.cardTitle}>
        {t('create.title')}
      </h2>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <label className={styles.field}>
          {t('create.name')}
          <input
            className={styles.input}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            required
          />
        </label>
        <label className={styles.field}>
          {t('create.kind')}
          <select
            className={styles.input}
            value={kind}
            onChange={(e) => setKind(e.target.value as MoneyAccountKind)}
          >
            {ACCOUNT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <MoneyField
          label={t('create.opening', { currency })}
          value={opening}
          placeholder="0"
          onChange={setOpening}
        />
        <DateField label={t('create.openingOn')} value={openingOn} onChange={setOpeningOn} />
        <button type="submit" className={styles.primary}>
          {t('create.submit')}
        </button>
      </form>
      <p role="status" className={message?.error ? styles.error : styles.done}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}

/** Moves money between two accounts on this device (queued for the server). */
export function TransferForm({
  accounts,
  currency,
  today,
}: {
  accounts: readonly MoneyAccountRecord[];
  currency: string;
  today: string;
}) {
  const t = useTranslations('accounts');
  const locale = useLocale();
  const id = useId();
  const open = accounts.filter((a) => !a.isArchived);
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const [amount, setAmount] = useState('');
  const [bookedOn, setBookedOn] = useState(today);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const from = fromId || open[0]?.id || '';
  const to = toId || open.find((a) => a.id !== from)?.id || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const minor = parseAmountInput(amount, currency, locale);
    if (!from || !to || from === to) return setMessage({ error: true, text: t('errors.same') });
    if (minor === null || minor <= 0) return setMessage({ error: true, text: t('errors.amount') });
    await createTransfer(paceDatabase(), {
      fromAccountId: from,
      toAccountId: to,
      amountMinor: minor,
      currency,
      bookedOn: bookedOn || today,
      note,
    });
    setMessage({ error: false, text: t('transfer.done') });
    setAmount('');
    setNote('');
  }

  const options = open.map((a) => (
    <option key={a.id} value={a.id}>
      {a.name}
    </option>
  ));
  return (
    <section className={styles.card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.cardTitle}>
        {t('transfer.title')}
      </h2>
      {open.length < 2 ? (
        <p className={styles.muted}>{t('transfer.needTwo')}</p>
      ) : (
        <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
          <label className={styles.field}>
            {t('transfer.from')}
            <select
              className={styles.input}
              value={from}
              onChange={(e) => setFromId(e.target.value)}
            >
              {options}
            </select>
          </label>
          <label className={styles.field}>
            {t('transfer.to')}
            <select className={styles.input} value={to} onChange={(e) => setToId(e.target.value)}>
              {options}
            </select>
          </label>
          <MoneyField
            label={t('transfer.amount', { currency })}
            value={amount}
            onChange={setAmount}
            isRequired
          />
          <DateField label={t('transfer.date')} value={bookedOn} onChange={setBookedOn} />
          <label className={styles.field}>
            {t('transfer.note')}
            <input
              className={styles.input}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <button type="submit" className={styles.primary}>
            {t('transfer.submit')}
          </button>
        </form>
      )}
      <p role="status" className={message?.error ? styles.error : styles.done}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
