'use client';

import { useTranslations } from 'next-intl';
import { EntryCard } from '@/ui/entry-card';

/** A way in to habits and mood from another screen (Goals). */
export function HabitsEntry() {
  const t = useTranslations('habits.entry');
  return (
    <EntryCard
      label={t('title')}
      title={t('title')}
      text={t('text')}
      link={t('link')}
      href="/habits/"
    />
  );
}
