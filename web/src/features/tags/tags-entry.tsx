'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { EntryCard } from '@/ui/entry-card';

/** A way in to tag management from another screen (Settings). */
export function TagsEntry() {
  const t = useTranslations('tagManager');
  return (
    <EntryCard
      label={t('title')}
      title={t('entryTitle')}
      text={t('entryText')}
      link={t('entryLink')}
      href="/tags/"
    />
  );
}

/** The link beside a tag filter: where the tags themselves are renamed or deleted. */
export function ManageTagsLink({ className }: { className?: string }) {
  const t = useTranslations('tagManager');
  return (
    <Link href="/tags/" className={className}>
      {t('entryLink')}
    </Link>
  );
}
