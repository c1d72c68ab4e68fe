'use client';

import { useTranslations } from 'next-intl';
import { EntryCard } from '@/ui/entry-card';

/** A way in to the rules from another screen (Transactions). */
export function RulesEntry() {
  const t = useTranslations('rules');
  return (
    <EntryCard
      label={t('entryTitle')}
      title={t('entryTitle')}
      text={t('entryText')}
      link={t('entryLink')}
      href="/rules/"
    />
  );
}
