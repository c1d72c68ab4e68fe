'use client';

import type { Move } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { formatLocalDate, formatMoney } from '@/lib/format/money';

const dateOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

/** One rebalance in words: "12.40 moved from Flex to Dining out on 14 March because …". */
export function MoveExplanation({
  move,
  month,
  currency,
  names,
}: {
  move: Pick<Move, 'amountMinor' | 'fromCategoryId' | 'toCategoryId' | 'onDay'> & {
    reason: Move['reason'] | 'manual';
  };
  month: string;
  currency: string;
  names: ReadonlyMap<string, string>;
}) {
  const t = useTranslations('month');
  const locale = useLocale();
  const from = names.get(move.fromCategoryId) ?? move.fromCategoryId;
  const to = names.get(move.toCategoryId) ?? move.toCategoryId;
  const sentence =
    move.fromCategoryId === move.toCategoryId ? 'move.sentenceSelf' : 'move.sentence';
  return (
    <>
      {t(sentence, {
        amount: formatMoney(move.amountMinor, currency, locale),
        from,
        to,
        date: formatLocalDate(dateOf(month, move.onDay), locale, { day: 'numeric', month: 'long' }),
        reason: reasonOf(move, from, to, t),
      })}
    </>
  );
}

function reasonOf(
  move: { reason: Move['reason'] | 'manual'; fromCategoryId: string; toCategoryId: string },
  from: string,
  to: string,
  t: ReturnType<typeof useTranslations<'month'>>,
): string {
  const self = move.fromCategoryId === move.toCategoryId;
  if (self && move.reason === 'overspend') return t('move.reason.overspendSelf', { to });
  if (self && move.reason === 'goal_transfer') return t('move.reason.goalTransferSelf', { to });
  return t(`move.reason.${move.reason}`, { from, to });
}
