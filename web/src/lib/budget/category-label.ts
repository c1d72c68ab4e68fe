'use client';

import { CATEGORY_TAXONOMY } from '@pace/engine';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';

const ENGLISH_DEFAULTS = new Map(CATEGORY_TAXONOMY.map((c) => [c.id, c.name]));

/**
 * A category's name in the person's language: a built-in category still under its English
 * default name reads in their language; a name the person chose (or a goal's) stays as written.
 */
export function useCategoryLabel(): (id: string, name: string) => string {
  const t = useTranslations('categories');
  return useCallback(
    (id: string, name: string) => (ENGLISH_DEFAULTS.get(id) === name && t.has(id) ? t(id) : name),
    [t],
  );
}
