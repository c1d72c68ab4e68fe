'use client';

import { formatDecimal, parseDecimal } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { apiRequest, syncAndWait, useSyncStatus } from '@/features/sync/sync-runtime';
import { SyncStatusBar } from '@/features/sync/sync-status-bar';
import { paceDatabase, type RuleRecord } from '@/lib/db';
import { formatLocalDate, formatMoney, parseAmountInput } from '@/lib/format/money';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { createRule, deleteRule, editRule, moveRule, ruleProblem } from './rule-outbox';
import {
  RULE_APPLY,
  RULE_PREVIEW,
  type RuleDefinition,
  type RulePreviewData,
} from './rules.operations';
import styles from './rules.module.css';
import { useRuleCategories } from './use-rule-categories';

/** How many matching past transactions a preview lists. */
const PREVIEW_ROWS = 20;

/** The message of a failed request, in the person's words. */
function useExplain(): (failure: unknown) => string {
  const t = useTranslations('rules');
  return (failure) => {
    if (failure instanceof NetworkUnavailableError) return t('offline');
    if (failure instanceof GraphqlRequestError && failure.code === 'BAD_USER_INPUT')
      return t('invalid');
    return t('failed', {
      code: failure instanceof GraphqlRequestError ? failure.code : 'UNKNOWN',
    });
  };
}

/** False while the device is offline (the browser says so, or the last sync could not reach the API). */
function useIsOnline(): boolean {
  const status = useSyncStatus();
  const [isOnline, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return isOnline && status.phase !== 'offline';
}

/** The rules as this device mirrors them (from `changes`), in the order they are tried. */
function useRules() {
  return useLiveQuery(async () => {
    const db = paceDatabase();
    const [rules, settings] = await Promise.all([db.rules.toArray(), db.settings.get('budget')]);
    return { settings, rules: rules.sort((a, b) => a.position - b.position) };
  });
}

export function RulesScreen() {
  const t = useTranslations('rules');
  const explain = useExplain();
  const data = useRules();
  const isOnline = useIsOnline();
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (data === undefined)
    return (
      <div className={styles.stack} aria-busy="true">
        <h1 className={styles.title}>{t('title')}</h1>
        <p role="status">{t('loading')}</p>
      </div>
    );
  const currency = data.settings?.currency;

  // Written on the device and queued: the sync engine sends them when it can.
  async function run(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      setError(null);
      setStatus(done);
    } catch (failure) {
      setStatus(null);
      setError(explain(failure));
    }
  }

  const move = (rule: RuleRecord, position: number, index: number) =>
    run(() => moveRule(paceDatabase(), rule.id, position), t('moved', { number: index + 1 }));

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <SyncStatusBar />
      <p className={styles.muted}>{t('intro')}</p>
      {isOnline ? null : (
        <p className={styles.notice} data-testid="rules-offline">
          {t('offline')}
        </p>
      )}
      <p role="status" className={styles.done}>
        {status}
      </p>
      <p role="alert" className={styles.error}>
        {error}
      </p>
      {data.rules.length === 0 ? (
        <section className={styles.card}>
          <p className={styles.muted}>{t('empty')}</p>
        </section>
      ) : (
        <ol className={styles.list} aria-label={t('listLabel')}>
          {data.rules.map((rule, index) =>
            editing === rule.id && currency ? (
              <li key={rule.id} className={styles.card}>
                <RuleForm
                  rule={rule}
                  number={index + 1}
                  currency={currency}
                  onDone={(message) => {
                    setEditing(null);
                    if (message) setStatus(message);
                  }}
                />
              </li>
            ) : (
              <li key={rule.id} className={styles.rule}>
                <RuleSummary rule={rule} />
                <div className={styles.actions}>
                  <button
                    type="button"
                    className={styles.button}
                    disabled={index === 0}
                    aria-label={t('moveUpLabel', { number: index + 1 })}
                    onClick={() => void move(rule, index - 1, index - 1)}
                  >
                    {t('moveUp')}
                  </button>
                  <button
                    type="button"
                    className={styles.button}
                    disabled={index === data.rules.length - 1}
                    aria-label={t('moveDownLabel', { number: index + 1 })}
                    onClick={() => void move(rule, index + 1, index + 1)}
                  >
                    {t('moveDown')}
                  </button>
                  <button
                    type="button"
                    className={styles.button}
                    aria-label={t('editLabel', { number: index + 1 })}
                    onClick={() => setEditing(rule.id)}
                  >
                    {t('edit')}
                  </button>
                  <button
                    type="button"
                    className={styles.button}
                    aria-label={t('deleteLabel', { number: index + 1 })}
                    onClick={() =>
                      void run(() => deleteRule(paceDatabase(), rule.id), t('deleted'))
                    }
                  >
                    {t('delete')}
                  </button>
                </div>
              </li>
            ),
          )}
        </ol>
      )}
      {currency ? (
        <section className={styles.card} aria-labelledby="new-rule-title">
          <h2 id="new-rule-title" className={styles.cardTitle}>
            {t('newTitle')}
          </h2>
          <RuleForm
            key={data.rules.length}
            currency={currency}
            onDone={(message) => message && setStatus(message)}
          />
        </section>
      ) : (
        <p className={styles.muted}>{t('noPlan')}</p>
      )}
    </div>
  );
}

/** One rule in words: "Payee or note contains “pizza” → Dining out, add tags: work". */
function RuleSummary({ rule }: { rule: RuleRecord }) {
  const t = useTranslations('rules');
  const locale = useLocale();
  const { nameOf } = useRuleCategories();
  const money = (minor: number) => formatMoney(minor, rule.currency, locale);
  const conditions = [
    rule.textPattern === null
      ? t('anyText')
      : t(rule.textMatch === 'glob' ? 'glob' : 'contains', { pattern: rule.textPattern }),
    rule.minAmountMinor !== null ? t('min', { amount: money(rule.minAmountMinor) }) : null,
    rule.maxAmountMinor !== null ? t('max', { amount: money(rule.maxAmountMinor) }) : null,
    rule.accountId !== null ? t('account') : null,
  ].filter((part): part is string => part !== null);
  const actions = [
    rule.setCategoryId !== null ? t('setCategory', { category: nameOf(rule.setCategoryId) }) : null,
    rule.renameMerchant !== null ? t('rename', { name: rule.renameMerchant }) : null,
    rule.addTags.length > 0 ? t('addTags', { tags: rule.addTags.join(', ') }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <p className={styles.summary}>
      <span>{conditions.join(', ')}</span> <strong>{actions.join(', ')}</strong>
      {rule.pending ? <span className={styles.pending}> {t('pending')}</span> : null}
    </p>
  );
}

/** The form's fields as text, as the person typed them. */
interface Draft {
  textPattern: string;
  textMatch: 'CONTAINS' | 'GLOB';
  minAmount: string;
  maxAmount: string;
  setCategoryId: string;
  renameMerchant: string;
  tags: string;
}

function draftOf(rule: RuleRecord | undefined): Draft {
  const amount = (minor: number | null) =>
    minor === null || !rule ? '' : formatDecimal(minor, rule.currency);
  return {
    textPattern: rule?.textPattern ?? '',
    textMatch: rule?.textMatch === 'glob' ? 'GLOB' : 'CONTAINS',
    minAmount: amount(rule?.minAmountMinor ?? null),
    maxAmount: amount(rule?.maxAmountMinor ?? null),
    setCategoryId: rule?.setCategoryId ?? '',
    renameMerchant: rule?.renameMerchant ?? '',
    tags: rule?.addTags.join(', ') ?? '',
  };
}

/** Creates or edits a rule; Preview lists the past transactions it would change before applying. */
function RuleForm({
  rule,
  number,
  currency,
  onDone,
}: {
  rule?: RuleRecord;
  number?: number;
  currency: string;
  onDone: (message: string | null) => void;
}) {
  const t = useTranslations('rules');
  const locale = useLocale();
  const explain = useExplain();
  const { options: categories, nameOf } = useRuleCategories();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule));
  const [preview, setPreview] = useState<RulePreviewData['previewRule'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setPreview(null);
  };

  /** The draft as a RuleDefinitionInput; null (with the error shown) when an amount is unreadable. */
  function definition(): RuleDefinition | null {
    const amount = (text: string): string | null | undefined => {
      if (text.trim() === '') return null;
      const minor = parseAmountInput(text, currency, locale);
      return minor === null ? undefined : formatDecimal(minor, currency);
    };
    const minAmount = amount(draft.minAmount);
    const maxAmount = amount(draft.maxAmount);
    if (minAmount === undefined || maxAmount === undefined) {
      setError(t('amountInvalid'));
      return null;
    }
    const input: RuleDefinition = {
      textPattern: draft.textPattern.trim() === '' ? null : draft.textPattern,
      textMatch: draft.textMatch,
      minAmount,
      maxAmount,
      setCategoryId: draft.setCategoryId === '' ? null : draft.setCategoryId,
      renameMerchant: draft.renameMerchant.trim() === '' ? null : draft.renameMerchant,
      addTags: draft.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    };
    // Checked here too: offline, the server would only refuse it later.
    if (ruleProblem(input, currency)) {
      setError(t('invalid'));
      return null;
    }
    return input;
  }

  async function attempt(work: (input: RuleDefinition) => Promise<void>) {
    const input = definition();
    if (!input) return;
    setBusy(true);
    try {
      await work(input);
      setError(null);
    } catch (failure) {
      setError(explain(failure));
    } finally {
      setBusy(false);
    }
  }

  const showPreview = () =>
    attempt(async (input) => {
      const data = await apiRequest<RulePreviewData>(RULE_PREVIEW, {
        input,
        first: PREVIEW_ROWS,
      });
      setPreview(data.previewRule);
    });

  /**
   * Saves the rule on the device (queued for the server); with `toPast`, sends it and then
   * recategorises what the preview listed, which needs the server.
   */
  const save = (toPast: boolean) =>
    attempt(async (input) => {
      const db = paceDatabase();
      let ruleId = rule?.id;
      if (ruleId) await editRule(db, ruleId, input);
      else ruleId = await createRule(db, input, currency);
      let message = t('saved');
      if (toPast) {
        await syncAndWait();
        if ((await db.outbox.where('recordId').equals(ruleId).count()) > 0) {
          message = t('savedNotApplied');
        } else {
          try {
            const applied = await apiRequest<{ applyRule: { changedCount: number } }>(RULE_APPLY, {
              ruleId,
              toPast: true,
            });
            message = t('applied', { count: applied.applyRule.changedCount });
            await syncAndWait();
          } catch (failure) {
            if (!(failure instanceof NetworkUnavailableError)) throw failure;
            message = t('savedNotApplied');
          }
        }
      }
      setPreview(null);
      onDone(message);
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      {number !== undefined ? (
        <h2 className={styles.cardTitle}>{t('editTitle', { number })}</h2>
      ) : null}
      <div className={styles.grid}>
        <label className={styles.field}>
          {t('pattern')}
          <input
            className={styles.input}
            name="textPattern"
            autoComplete="off"
            maxLength={100}
            value={draft.textPattern}
            aria-describedby={`${id}-pattern-hint`}
            onChange={(event) => change({ textPattern: event.target.value })}
          />
          <span id={`${id}-pattern-hint`} className={styles.hint}>
            {t('patternHint')}
          </span>
        </label>
        <label className={styles.field}>
          {t('match')}
          <select
            className={styles.input}
            name="textMatch"
            value={draft.textMatch}
            onChange={(event) =>
              change({ textMatch: event.target.value === 'GLOB' ? 'GLOB' : 'CONTAINS' })
            }
          >
            <option value="CONTAINS">{t('matchContains')}</option>
            <option value="GLOB">{t('matchGlob')}</option>
          </select>
        </label>
        <label className={styles.field}>
          {t('minAmount', { currency })}
          <input
            className={styles.input}
            name="minAmount"
            inputMode="decimal"
            autoComplete="off"
            value={draft.minAmount}
            onChange={(event) => change({ minAmount: event.target.value })}
          />
        </label>
        <label className={styles.field}>
          {t('maxAmount', { currency })}
          <input
            className={styles.input}
            name="maxAmount"
            inputMode="decimal"
            autoComplete="off"
            value={draft.maxAmount}
            onChange={(event) => change({ maxAmount: event.target.value })}
          />
        </label>
        <label className={styles.field}>
          {t('category')}
          <select
            className={styles.input}
            name="setCategoryId"
            value={draft.setCategoryId}
            onChange={(event) => change({ setCategoryId: event.target.value })}
          >
            <option value="">{t('noCategory')}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          {t('renameTo')}
          <input
            className={styles.input}
            name="renameMerchant"
            autoComplete="off"
            maxLength={100}
            value={draft.renameMerchant}
            onChange={(event) => change({ renameMerchant: event.target.value })}
          />
        </label>
        <label className={styles.field}>
          {t('tags')}
          <input
            className={styles.input}
            name="tags"
            autoComplete="off"
            value={draft.tags}
            onChange={(event) => change({ tags: event.target.value })}
          />
        </label>
      </div>
      <p role="alert" className={styles.error}>
        {error}
      </p>
      <div className={styles.actions}>
        <button
          type="button"
          className={styles.button}
          disabled={busy}
          onClick={() => void showPreview()}
        >
          {t('preview')}
        </button>
        <button type="submit" className={styles.primary} disabled={busy}>
          {t('save')}
        </button>
        {rule ? (
          <button type="button" className={styles.button} onClick={() => onDone(null)}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
      {preview ? (
        <section className={styles.preview} aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`} className={styles.subtitle}>
            {t('previewTitle')}
          </h3>
          <p role="status">{t('previewCount', { count: preview.totalCount })}</p>
          {preview.items.length < preview.totalCount ? (
            <p className={styles.hint}>{t('previewShown', { shown: preview.items.length })}</p>
          ) : null}
          {preview.isScanTruncated ? <p className={styles.hint}>{t('truncated')}</p> : null}
          {preview.items.length > 0 ? (
            <ul className={styles.matches}>
              {preview.items.map(({ transaction, categoryId }) => (
                <li key={transaction.id} className={styles.match}>
                  <span>{transaction.merchant ?? transaction.description}</span>
                  <span className={styles.hint}>
                    {formatLocalDate(transaction.bookedOn, locale)} ·{' '}
                    {nameOf(transaction.categoryId)} → {nameOf(categoryId)}
                  </span>
                  <span className={styles.amount}>
                    {formatMoney(
                      parseDecimal(transaction.amount.amount, transaction.amount.currency),
                      transaction.amount.currency,
                      locale,
                    )}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {preview.totalCount > 0 ? (
            <button
              type="button"
              className={styles.primary}
              disabled={busy}
              onClick={() => void save(true)}
            >
              {t('apply', { count: preview.totalCount })}
            </button>
          ) : null}
        </section>
      ) : null}
    </form>
  );
}
