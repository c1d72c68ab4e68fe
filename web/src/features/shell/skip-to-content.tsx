'use client';

import { useTranslations } from 'next-intl';
import { SkipLink } from '@/ui/skip-link';
import { MAIN_CONTENT_ID } from './app-shell';

/** The page's first focusable element, in the person's language. */
export function SkipToContent() {
  return <SkipLink targetId={MAIN_CONTENT_ID} label={useTranslations('shell')('skipToContent')} />;
}
