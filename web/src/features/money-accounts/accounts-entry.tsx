'use client';

import { useTranslations } from 'next-intl';
import { EntryCard } from '@/ui/entry-card';

/** A way in to money accounts from another screen (Goals). */
export function AccountsEntry() {
  const t = useTranslations('accounts.entry');
  return (
    <EntryCard
      label={t('title')}
      title={t('title')}
      text={t('text')}
      link={t('link')}
      href="/accounts/"
    />
  );
}
