'use client';

import { useTranslations } from 'next-intl';
import type { ConflictRecord, RuleRecord } from '@/lib/db';
import { useRuleCategories } from './use-rule-categories';

/**
 * Both sides of a rule's conflict in words ("Payee or note contains “pizza” → Delivery"), for the
 * sync bar's conflict card; null when the conflict is about another kind of record.
 */
export function useRuleConflictText(
  conflict: ConflictRecord,
): { mine: string; theirs: string } | null {
  const t = useTranslations('rules');
  const { nameOf } = useRuleCategories();
  if (conflict.entity !== 'rule') return null;
  const input = (conflict.variables.input ?? {}) as Record<string, unknown>;
  const server = conflict.server as RuleRecord | null;
  const words = (pattern: unknown, isGlob: boolean, category: unknown) =>
    [
      typeof pattern === 'string' && pattern !== ''
        ? t(isGlob ? 'glob' : 'contains', { pattern })
        : t('anyText'),
      typeof category === 'string' ? t('setCategory', { category: nameOf(category) }) : null,
    ]
      .filter((part): part is string => part !== null)
      .join(' ');
  return {
    mine: words(input.textPattern, input.textMatch === 'GLOB', input.setCategoryId),
    theirs: server
      ? words(server.textPattern, server.textMatch === 'glob', server.setCategoryId)
      : '',
  };
}
