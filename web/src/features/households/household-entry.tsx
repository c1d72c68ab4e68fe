'use client';

import { useTranslations } from 'next-intl';
import { EntryCard } from '@/ui/entry-card';

/** The way in to the Household page from Settings. */
export function HouseholdEntry() {
  const t = useTranslations('household.entry');
  return (
    <EntryCard
      label={t('title')}
      title={t('title')}
      text={t('text')}
      link={t('link')}
      href="/household/"
    />
  );
}
