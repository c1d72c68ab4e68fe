'use client';

import { normaliseTag, type TagProblem } from '@pace/engine';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { SyncStatusBar } from '@/features/sync';
import { paceDatabase } from '@/lib/db';
import { deleteTag, renameTag } from './tag-outbox';
import styles from './tags.module.css';
import { sortTagUsage, useTagUsage, type TagOrder, type TagUsage } from './use-tag-usage';

type Open = { tag: string; mode: 'rename' | 'delete' } | null;

/**
 * The person's tags with how many transactions carry each: rename (merging into a tag that
 * exists) or delete across the whole ledger. Both apply on the device at once and wait in the
 * outbox when offline.
 */
export function TagsScreen() {
  const t = useTranslations('tagManager');
  const locale = useLocale();
  const id = useId();
  const usages = useTagUsage();
  const [order, setOrder] = useState<TagOrder>('usage');
  const [find, setFind] = useState('');
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const counts = useMemo(
    () => new Map((usages ?? []).map((u) => [u.tag, u.transactionCount])),
    [usages],
  );
  const shown = useMemo(() => {
    const start = normaliseTag(find);
    const collator = new Intl.Collator(locale);
    return sortTagUsage(
      (usages ?? []).filter((u) => u.tag.includes(start)),
      order,
      collator,
    );
  }, [usages, find, order, locale]);

  function close(focusKey?: string) {
    setOpen(null);
    if (focusKey) requestAnimationFrame(() => buttons.current.get(focusKey)?.focus());
  }
  function done(message: string) {
    setOpen(null);
    setStatus(message);
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  if (usages === undefined)
    return (
      <div className={styles.stack} aria-busy="true">
        <h1 className={styles.title}>{t('title')}</h1>
        <p role="status">{t('loading')}</p>
      </div>
    );

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <SyncStatusBar />
      <p className={styles.muted}>{t('intro')}</p>
      <p role="status" className={styles.done} ref={statusRef} tabIndex={-1}>
        {status}
      </p>
      {usages.length === 0 ? (
        <section className={styles.card} data-testid="tags-empty">
          <p>{t('empty')}</p>
          <Link href="/transactions/" className={styles.link}>
            {t('emptyLink')}
          </Link>
        </section>
      ) : (
        <>
          <div className={styles.toolbar}>
            <div className={styles.field}>
              <label htmlFor={`${id}-find`}>{t('find')}</label>
              <input
                id={`${id}-find`}
                type="search"
                className={styles.input}
                value={find}
                onChange={(e) => setFind(e.target.value)}
              />
            </div>
            <fieldset className={styles.order}>
              <legend>{t('sortLabel')}</legend>
              {(['usage', 'name'] as const).map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={`${id}-order`}
                    checked={order === value}
                    onChange={() => setOrder(value)}
                  />
                  {value === 'usage' ? t('sortUsage') : t('sortName')}
                </label>
              ))}
            </fieldset>
          </div>
          {shown.length === 0 ? (
            <p className={styles.muted}>{t('noMatch', { name: find })}</p>
          ) : (
            <ul className={styles.list} aria-label={t('listLabel')}>
              {shown.map((usage) => (
                <li key={usage.tag} className={styles.row} data-testid="tag-row">
                  {open?.tag === usage.tag && open.mode === 'rename' ? (
                    <RenameForm
                      usage={usage}
                      counts={counts}
                      onCancel={() => close(`${usage.tag}:rename`)}
                      onDone={done}
                    />
                  ) : open?.tag === usage.tag && open.mode === 'delete' ? (
                    <DeleteConfirm
                      usage={usage}
                      onCancel={() => close(`${usage.tag}:delete`)}
                      onDone={done}
                    />
                  ) : (
                    <>
                      <span className={styles.name}>
                        {/* Isolated, so "#" stays before a Latin tag in a right-to-left page. */}
                        <bdi>#{usage.tag}</bdi>
                      </span>
                      <span className={styles.count}>
                        {t('count', { count: usage.transactionCount })}
                      </span>
                      <div className={styles.actions}>
                        {(['rename', 'delete'] as const).map((mode) => (
                          <button
                            key={mode}
                            type="button"
                            className={styles.button}
                            aria-label={t(`${mode}Label`, { tag: usage.tag })}
                            ref={(node) => {
                              const key = `${usage.tag}:${mode}`;
                              if (node) buttons.current.set(key, node);
                              else buttons.current.delete(key);
                            }}
                            onClick={() => {
                              setStatus(null);
                              setOpen({ tag: usage.tag, mode });
                            }}
                          >
                            {t(mode)}
                          </button>
                        ))}
                      </div>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** Escape closes an open form or confirmation, as a dialog would. */
const onEscape = (cancel: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    cancel();
  }
};

function RenameForm(props: {
  usage: TagUsage;
  counts: ReadonlyMap<string, number>;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations('tagManager');
  const id = useId();
  const { usage } = props;
  const [value, setValue] = useState(usage.tag);
  const [problem, setProblem] = useState<TagProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const target = normaliseTag(value);
  const merges = target !== usage.tag && props.counts.has(target);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await renameTag(paceDatabase(), usage.tag, value);
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    if (result.change.kind !== 'rename' || result.change.to === usage.tag) return props.onCancel();
    props.onDone(
      t('renamed', { from: usage.tag, tag: result.change.to, count: result.transactionCount }),
    );
  }

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void submit(e)}
      onKeyDown={onEscape(props.onCancel)}
    >
      <div className={styles.field}>
        <label htmlFor={`${id}-name`}>{t('newName', { tag: usage.tag })}</label>
        <input
          id={`${id}-name`}
          className={styles.input}
          value={value}
          maxLength={80}
          autoFocus
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setValue(e.target.value);
            setProblem(null);
          }}
        />
        <span id={`${id}-hint`} className={problem ? styles.error : styles.hint} aria-live="polite">
          {problem
            ? t(problem.kind === 'too_long' ? 'tooLong' : 'invalid')
            : merges
              ? t('merge', { to: target, count: props.counts.get(target) ?? 0 })
              : null}
        </span>
      </div>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={busy}>
          {merges ? t('mergeSave') : t('save')}
        </button>
        <button type="button" className={styles.button} onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function DeleteConfirm(props: {
  usage: TagUsage;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations('tagManager');
  const id = useId();
  const { usage } = props;
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    const result = await deleteTag(paceDatabase(), usage.tag);
    setBusy(false);
    if (result.ok) props.onDone(t('deleted', { tag: usage.tag, count: result.transactionCount }));
  }

  return (
    <div
      className={styles.form}
      role="group"
      aria-labelledby={`${id}-question`}
      onKeyDown={onEscape(props.onCancel)}
    >
      <p id={`${id}-question`} className={styles.question}>
        {t('confirmDelete', { tag: usage.tag, count: usage.transactionCount })}
      </p>
      <div className={styles.actions}>
        <button
          type="button"
          className={styles.danger}
          disabled={busy}
          autoFocus
          onClick={() => void confirm()}
        >
          {t('confirm')}
        </button>
        <button type="button" className={styles.button} onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
