'use client';

import { useTranslations } from 'next-intl';
import { WizardField } from './onboarding-fields';
import type { StepProps } from './onboarding-steps';
import styles from './onboarding.module.css';

type Kind = 'bills' | 'goals';
type Row = { key: string } & Record<string, string>;

interface Column {
  field: string;
  /** Key of the label in `onboarding.<kind>` (given the budget currency). */
  label: string;
  inputMode?: 'decimal' | 'numeric';
  type?: 'date';
}

/** A step that is a list of rows (bills, goals): each a few fields, added and removed at will. */
export function RowsStep({
  kind,
  columns,
  blank,
  draft,
  problems,
  change,
}: StepProps & { kind: Kind; columns: Column[]; blank: Record<string, string> }) {
  const t = useTranslations(`onboarding.${kind}`);
  const rows = draft[kind] as Row[];
  const set = (next: Row[]) => change({ [kind]: next });
  const edit = (index: number, field: string, value: string) =>
    set(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  return (
    <>
      {rows.length === 0 ? <p className={styles.muted}>{t('empty')}</p> : null}
      <ol className={styles.rows}>
        {rows.map((row, index) => (
          <li key={row.key} className={styles.row}>
            {columns.map((column) => (
              <WizardField
                key={column.field}
                id={`ob-${kind}-${row.key}-${column.field}`}
                label={t(column.label, { currency: draft.currency })}
                problems={problems}
                problemKey={`${kind}.${index}.${column.field}`}
              >
                {(aria) => (
                  <input
                    {...aria}
                    className={styles.input}
                    type={column.type ?? 'text'}
                    inputMode={column.inputMode}
                    value={row[column.field] ?? ''}
                    onChange={(e) => edit(index, column.field, e.target.value)}
                  />
                )}
              </WizardField>
            ))}
            <button
              type="button"
              className={styles.secondary}
              aria-label={t('remove', { name: row.name || String(index + 1) })}
              onClick={() => set(rows.filter((_, i) => i !== index))}
            >
              {t('removeShort')}
            </button>
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className={styles.secondary}
          onClick={() => set([...rows, { key: crypto.randomUUID(), ...blank }])}
        >
          {t('add')}
        </button>
      </div>
    </>
  );
}
