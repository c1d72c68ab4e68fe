/** The fields of `moodSpendingCorrelation` its sentence is written from. */
export interface CorrelationFacts {
  readonly status: string;
  readonly pairedDays: number;
  readonly neededDays: number;
  readonly coefficient?: number | null;
  readonly strength?: string | null;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * How mood and spending on treats go together, in words, from the `habits.correlation`
 * messages: shared by Habits and mood and by Insights so both say the same thing.
 */
export function correlationSentence(result: CorrelationFacts, t: Translate): string {
  if (result.status === 'NOT_ENOUGH_DAYS')
    return t('notEnough', { count: result.pairedDays, needed: result.neededDays });
  if (result.status === 'NO_VARIATION') return t('noVariation');
  const coefficient = result.coefficient ?? 0;
  return t(coefficient > 0 ? 'positive' : coefficient < 0 ? 'negative' : 'none', {
    strength: t(`strength.${result.strength ?? 'VERY_WEAK'}`),
    count: result.pairedDays,
  });
}
