'use client';

import { useTranslations } from 'next-intl';
import { EntryCard } from '@/ui/entry-card';

/** A way in to the installment calculator from another screen (Goals). */
export function InstallmentsEntry() {
  const t = useTranslations('installments');
  return (
    <EntryCard
      label={t('title')}
      title={t('entry.title')}
      text={t('entry.text')}
      link={t('entry.link')}
      href="/installments/"
    />
  );
}
