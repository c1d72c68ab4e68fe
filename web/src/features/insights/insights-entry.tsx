'use client';

import { useTranslations } from 'next-intl';
import { EntryCard } from '@/ui/entry-card';

/** A way in to Insights from another screen (Today). */
export function InsightsEntry() {
  const t = useTranslations('insights');
  return (
    <EntryCard
      label={t('title')}
      title={t('entry.title')}
      text={t('entry.text')}
      link={t('entry.link')}
      href="/insights/"
    />
  );
}
