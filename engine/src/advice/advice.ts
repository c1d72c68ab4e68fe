/**
 * Advice from computed facts (premium AI advice, and its offline stand-in). An advisor never sees
 * a transaction, a note, a merchant, an e-mail or a name: only these facts, which the server
 * computes from the month, the goals, the habits and the mood correlation. The rule-based
 * advisor below writes advice from the same facts, deterministically, so advice works with no
 * AI service at all; each item carries a code and parameters a screen can put in any language.
 *
 * Decisions: at most five items, most urgent first (a deficit, then categories running fast,
 * then goals, then praise and tips); a category "runs fast" at pace warning or critical (§5);
 * the month is "steady" when no rule fires.
 */
import { findCategory } from '../categories/categories';
import { formatDecimal } from '../money/format';
import type { CategoryPriority } from '../categories/taxonomy';
import type { PaceLevel } from '../status/pace';
import type { CorrelationStrength } from '../mood/mood';
import type { LocalDate } from '../time/calendar';

/** One spendable category this month, as an advisor sees it. */
export interface AdviceCategoryFact {
  readonly id: string;
  /** The taxonomy's English name; a person's own category is "one of your categories". */
  readonly label: string;
  readonly priority: CategoryPriority;
  readonly planMinor: number;
  readonly spentMinor: number;
  readonly paceLevel: PaceLevel;
  /** Spending pace against plan (1 = on plan), null before day 3. */
  readonly paceRatio: number | null;
  readonly runOutOn: LocalDate | null;
}

/** Everything an advisor is given. */
export interface AdviceFacts {
  readonly currency: string;
  readonly month: string;
  readonly today: LocalDate;
  readonly dayOfMonth: number;
  readonly daysInMonth: number;
  readonly plannedMinor: number;
  readonly spentMinor: number;
  /** Overspending nothing could cover this month. */
  readonly deficitMinor: number;
  /** Finished days of the month, and those with no category in red. */
  readonly daysJudged: number;
  readonly daysWithinBudget: number;
  readonly categories: readonly AdviceCategoryFact[];
  readonly goals: readonly {
    readonly priority: number;
    readonly percent: number;
    readonly monthsLeft: number | null;
  }[];
  readonly habits: readonly { readonly currentStreak: number; readonly frequency: string }[];
  readonly mood: {
    readonly strength: CorrelationStrength;
    readonly direction: 'positive' | 'negative' | 'none';
  } | null;
}

export type AdviceKind = 'warning' | 'tip' | 'praise';

export type AdviceCode =
  | 'MONTH_DEFICIT'
  | 'CATEGORY_FAST'
  | 'GOAL_BEHIND'
  | 'DAYS_WITHIN_BUDGET'
  | 'HABIT_STREAK'
  | 'MOOD_SPENDING'
  | 'STEADY';

export interface AdviceItem {
  readonly kind: AdviceKind;
  readonly code: AdviceCode | null;
  /** Values the text names, as strings (amounts as decimals in `currency`). */
  readonly params: Readonly<Record<string, string>>;
  readonly title: string;
  readonly body: string;
  readonly categoryId: string | null;
}

export interface Advice {
  readonly summary: string;
  readonly items: readonly AdviceItem[];
}

/** The most items an advice holds. */
export const MAX_ADVICE_ITEMS = 5;

/** The name an advisor may use for a category: the taxonomy's, never a person's own words. */
export function adviceLabelOf(categoryId: string): string {
  return findCategory(categoryId)?.name ?? 'one of your categories';
}

const money = (minor: number, currency: string) => `${formatDecimal(minor, currency)} ${currency}`;

/** Advice written by rules from the facts alone: the same facts give the same advice. */
export function ruleBasedAdvice(facts: AdviceFacts): Advice {
  const items: AdviceItem[] = [];
  const { currency } = facts;
  const daysLeft = Math.max(1, facts.daysInMonth - facts.dayOfMonth + 1);

  if (facts.deficitMinor > 0) {
    const amount = money(facts.deficitMinor, currency);
    items.push({
      kind: 'warning',
      code: 'MONTH_DEFICIT',
      params: { amount },
      title: `The month is short by ${amount}`,
      body: 'Nothing is left this month to cover it. A few lighter days in Flex would close the gap; only you decide whether to use savings.',
      categoryId: null,
    });
  }

  const fast = facts.categories
    .filter((c) => c.paceLevel === 'warning' || c.paceLevel === 'critical')
    .sort((a, b) => (b.paceRatio ?? 0) - (a.paceRatio ?? 0) || a.id.localeCompare(b.id))
    .slice(0, 2);
  for (const c of fast) {
    const left = Math.max(0, c.planMinor - c.spentMinor);
    const perDay = money(Math.floor(left / daysLeft), currency);
    const ratio = (c.paceRatio ?? 0).toFixed(1);
    items.push({
      kind: 'warning',
      code: 'CATEGORY_FAST',
      params: { category: c.label, ratio, perDay, runOutOn: c.runOutOn ?? '' },
      title: `${c.label} is running ${ratio}× faster than planned`,
      body: `${c.runOutOn ? `At this pace it runs out on ${c.runOutOn}. ` : ''}Keeping it to ${perDay} a day ends the month on plan.`,
      categoryId: c.id,
    });
  }

  const behind = facts.goals
    .filter((g) => g.monthsLeft !== null && g.monthsLeft <= 2 && g.percent < 75)
    .sort((a, b) => a.priority - b.priority)[0];
  if (behind) {
    const percent = String(behind.percent);
    const months = String(behind.monthsLeft);
    items.push({
      kind: 'tip',
      code: 'GOAL_BEHIND',
      params: { percent, months },
      title: `A goal is ${percent} % there with ${months} month(s) to go`,
      body: 'Putting a little aside on the days you stay under budget keeps it within reach; you can also move its date.',
      categoryId: null,
    });
  }

  if (facts.daysJudged >= 5 && facts.daysWithinBudget * 5 >= facts.daysJudged * 4) {
    const days = String(facts.daysWithinBudget);
    const of = String(facts.daysJudged);
    items.push({
      kind: 'praise',
      code: 'DAYS_WITHIN_BUDGET',
      params: { days, of },
      title: `${days} of ${of} days within budget`,
      body: 'Days within budget are what make the month work. Keep going.',
      categoryId: null,
    });
  }

  const streak = [...facts.habits].sort((a, b) => b.currentStreak - a.currentStreak)[0];
  if (streak && streak.currentStreak >= 7) {
    const count = String(streak.currentStreak);
    items.push({
      kind: 'praise',
      code: 'HABIT_STREAK',
      params: { count },
      title: `A habit streak of ${count}`,
      body: 'Small habits done often change spending more than big resolutions.',
      categoryId: null,
    });
  }

  const mood = facts.mood;
  const isClear = mood && mood.strength !== 'very weak' && mood.strength !== 'weak';
  if (mood && isClear && mood.direction !== 'none') {
    const worse = mood.direction === 'negative';
    items.push({
      kind: 'tip',
      code: 'MOOD_SPENDING',
      params: { direction: mood.direction, strength: mood.strength },
      title: worse
        ? 'You spend more on treats on harder days'
        : 'You spend more on treats on good days',
      body: worse
        ? 'Plan a free comfort for low days (a walk, a call, a film at home) before the shop or the app.'
        : 'Good days invite spending: decide on the treat in the morning, so the day stays in budget.',
      categoryId: null,
    });
  }

  if (items.length === 0) {
    items.push({
      kind: 'praise',
      code: 'STEADY',
      params: {},
      title: 'A steady month so far',
      body: 'Nothing needs your attention: spending follows the plan.',
      categoryId: null,
    });
  }

  const spent = money(facts.spentMinor, currency);
  const planned = money(facts.plannedMinor, currency);
  return {
    summary: `Day ${facts.dayOfMonth} of ${facts.daysInMonth}: ${spent} spent of ${planned} planned this month.`,
    items: items.slice(0, MAX_ADVICE_ITEMS),
  };
}
