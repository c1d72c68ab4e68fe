'use client';

import { normaliseTags, type TagProblem } from '@pace/engine';
import { useTranslations } from 'next-intl';
import { useId, useState, type KeyboardEvent } from 'react';
import styles from './tags.module.css';

/**
 * Free tags as removable chips, with a text box that suggests the tags already in use (a native
 * datalist: keyboard and screen readers work as with any input). Enter or a comma adds the typed
 * tag; Backspace in an empty box removes the last one. Tags are normalised as the server stores them.
 */
export function TagInput({
  label,
  value,
  onChange,
  suggestions,
}: {
  label: string;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  suggestions: readonly string[];
}) {
  const t = useTranslations('tags');
  const id = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<TagProblem | null>(null);

  /** Adds what is typed; false when the tag is refused (the box keeps it to correct). */
  function commit(): boolean {
    if (draft.trim() === '' || draft.trim() === '#') {
      setDraft('');
      return true;
    }
    const result = normaliseTags([...value, ...draft.split(',')].filter((tag) => tag.trim()));
    if (!result.ok) {
      setProblem(result.problem);
      return false;
    }
    setProblem(null);
    setDraft('');
    onChange(result.tags);
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.key === 'Enter' || event.key === ',') && draft.trim() !== '') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  const offered = suggestions.filter((tag) => !value.includes(tag));
  const message =
    problem === null
      ? null
      : problem.kind === 'too_long'
        ? t('tooLong')
        : problem.kind === 'too_many'
          ? t('tooMany')
          : t('invalid');

  return (
    <div className={styles.tagInput}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className={styles.tagBox}>
        {value.length > 0 ? (
          <ul className={styles.chips} aria-label={label}>
            {value.map((tag) => (
              <li key={tag} className={styles.chip} data-testid="tag-chip">
                <span>{tag}</span>
                <button
                  type="button"
                  className={styles.chipRemove}
                  aria-label={t('remove', { tag })}
                  onClick={() => onChange(value.filter((other) => other !== tag))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id={`${id}-input`}
          list={`${id}-suggestions`}
          value={draft}
          placeholder={t('add')}
          autoComplete="off"
          enterKeyHint="done"
          aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
          aria-invalid={message ? true : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => void commit()}
        />
        <datalist id={`${id}-suggestions`}>
          {offered.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>
      <span id={`${id}-hint`} className={styles.hint}>
        {t('hint')}
      </span>
      {message ? (
        <span id={`${id}-error`} className={styles.error} role="alert">
          {message}
        </span>
      ) : null}
    </div>
  );
}

/** A transaction's tags in the list; each one filters the list by itself. */
export function TagChips({
  tags,
  onPick,
}: {
  tags: readonly string[] | undefined;
  onPick: (tag: string) => void;
}) {
  const t = useTranslations('tags');
  if (!tags?.length) return null;
  return (
    <ul className={`${styles.chips} ${styles.rowTags}`} aria-label={t('label')}>
      {tags.map((tag) => (
        <li key={tag}>
          <button
            type="button"
            className={styles.chipButton}
            aria-label={t('filterBy', { tag })}
            onClick={() => onPick(tag)}
          >
            #{tag}
          </button>
        </li>
      ))}
    </ul>
  );
}
