import {
  formatDecimal,
  generatePlan,
  isCurrencyCode,
  isEngineError,
  localDateOf,
  normaliseRegion,
  type Plan,
  type PlanGoalInput,
  type PlanSettings,
} from '@pace/engine';
import { parseAmountInput } from '@/lib/format/money';

/** What the person typed in the wizard, as text, exactly as typed. */
export interface OnboardingDraft {
  currency: string;
  timeZone: string;
  region: string;
  income: string;
  additionalIncome: string;
  bills: { key: string; name: string; amount: string; dueDay: string }[];
  savingsTarget: string;
  habits: { coffeePerWeek: string; diningPerMonth: string; travelPerYear: string };
  goals: { key: string; name: string; target: string; targetOn: string }[];
  /** At each month's close, move what is left into the goals (docs/goals.md). */
  surplusToGoals: boolean;
}

/** The `onboarding.problems` message of a field that cannot be read. */
export type Problem =
  'currency' | 'timeZone' | 'region' | 'amount' | 'required' | 'dueDay' | 'count' | 'past';

export type Problems = Record<string, Problem>;

/** An amount that may be left empty (0); null when it is not an amount. */
function optionalAmount(text: string, currency: string, locale: string): number | null {
  if (text.trim() === '' || /^0+([.,]0*)?$/.test(text.trim())) return 0;
  return parseAmountInput(text, currency, locale);
}

function wholeNumber(text: string, max: number): number | null {
  if (text.trim() === '') return 0;
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value <= max ? value : null;
}

/**
 * The plan settings the server will make from the draft (same fields, same exact amounts), or
 * the fields it cannot read. Amounts are read in the person's locale ("1.234,50" in de).
 */
export function settingsOfDraft(
  draft: OnboardingDraft,
  context: { userId: string; locale: string },
): { settings: PlanSettings; problems: Problems } {
  const problems: Problems = {};
  const currency = draft.currency.trim().toUpperCase();
  if (!isCurrencyCode(currency)) problems.currency = 'currency';
  const money = isCurrencyCode(currency) ? currency : 'USD';
  const region = draft.region.trim() === '' ? undefined : normaliseRegion(draft.region);
  if (draft.region.trim() !== '' && region === undefined) problems.region = 'region';
  if (!isTimeZone(draft.timeZone)) problems.timeZone = 'timeZone';

  const income = parseAmountInput(draft.income, money, context.locale);
  if (income === null) problems.income = draft.income.trim() === '' ? 'required' : 'amount';
  const additional = optionalAmount(draft.additionalIncome, money, context.locale);
  if (additional === null) problems.additionalIncome = 'amount';
  const savings = optionalAmount(draft.savingsTarget, money, context.locale);
  if (savings === null) problems.savingsTarget = 'amount';

  const bills = draft.bills.flatMap((bill, index) => {
    const amount = parseAmountInput(bill.amount, money, context.locale);
    const dueDay = bill.dueDay.trim() === '' ? undefined : wholeNumber(bill.dueDay, 31);
    if (bill.name.trim() === '') problems[`bills.${index}.name`] = 'required';
    if (amount === null) problems[`bills.${index}.amount`] = 'amount';
    if (dueDay === null || dueDay === 0) problems[`bills.${index}.dueDay`] = 'dueDay';
    if (amount === null || bill.name.trim() === '') return [];
    return [{ name: bill.name.trim(), amountMinor: amount, ...(dueDay ? { dueDay } : {}) }];
  });

  const habits: Record<string, number> = {};
  for (const [key, max] of [
    ['coffeePerWeek', 100],
    ['diningPerMonth', 100],
    ['travelPerYear', 100],
  ] as const) {
    const text = draft.habits[key];
    if (text.trim() === '') continue;
    const value = wholeNumber(text, max);
    if (value === null) problems[`habits.${key}`] = 'count';
    else habits[key] = value;
  }

  return {
    settings: {
      userId: context.userId,
      currency: money,
      ...(region ? { region } : {}),
      timeZone: isTimeZone(draft.timeZone) ? draft.timeZone : 'UTC',
      incomeMinor: income ?? 0,
      additionalIncomeMinor: additional ?? 0,
      bills,
      savingsTargetMinor: savings ?? 0,
      habits,
      // Offered with the goals step: it says nothing once every goal is removed.
      ...(draft.surplusToGoals && draft.goals.length > 0 ? { surplusToGoals: true } : {}),
    },
    problems,
  };
}

export type Preview =
  | { kind: 'plan'; plan: Plan }
  | { kind: 'infeasible'; fixedMinor: number; incomeMinor: number; currency: string };

/**
 * The plan onboarding will make now, computed on the device by the same engine call the server
 * makes (a plan made mid-month starts today, in the person's time zone).
 */
export function previewPlan(settings: PlanSettings, now: Date): Preview {
  const today = localDateOf(now, settings.timeZone);
  try {
    return {
      kind: 'plan',
      plan: generatePlan({ ...settings, month: today.slice(0, 7), startsOn: today }),
    };
  } catch (error) {
    if (isEngineError(error, 'BUDGET_INFEASIBLE')) {
      return {
        kind: 'infeasible',
        fixedMinor: Number(error.details.fixedMinor),
        incomeMinor: Number(error.details.incomeMinor),
        currency: settings.currency,
      };
    }
    throw error;
  }
}

/** The `completeOnboarding` input: the same amounts, as the API's exact decimal text. */
export function onboardingInputOf(
  settings: PlanSettings,
  id: string,
  goals: readonly OnboardingGoal[] = [],
) {
  const decimal = (minor: number) => formatDecimal(minor, settings.currency);
  return {
    id,
    currency: settings.currency,
    timeZone: settings.timeZone,
    ...(settings.region ? { region: settings.region } : {}),
    income: decimal(settings.incomeMinor),
    additionalIncome: decimal(settings.additionalIncomeMinor ?? 0),
    bills: (settings.bills ?? []).map((bill) => ({
      name: bill.name,
      amount: decimal(bill.amountMinor),
      ...(bill.dueDay ? { dueDay: bill.dueDay } : {}),
    })),
    savingsTarget: decimal(settings.savingsTargetMinor ?? 0),
    habits: settings.habits ?? {},
    goals: goals.map((goal) => goal.input),
    surplusToGoals: settings.surplusToGoals === true,
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

/** A goal of the wizard: the API's input and the same goal as the plan sees it (nothing saved). */
export interface OnboardingGoal {
  input: { id: string; name: string; target: string; targetOn?: string; priority: number };
  plan: PlanGoalInput;
}

/**
 * The goals made with the plan, as the API's input and as the preview's plan sees them, or the
 * fields it cannot read. The order listed is the priority: the first goal is served first.
 */
export function goalsOfDraft(
  draft: OnboardingDraft,
  context: { locale: string; today: string },
): { goals: OnboardingGoal[]; problems: Problems } {
  const problems: Problems = {};
  const currency = isCurrencyCode(draft.currency.trim().toUpperCase())
    ? draft.currency.trim().toUpperCase()
    : 'USD';
  const goals = draft.goals.flatMap((goal, index) => {
    const target = parseAmountInput(goal.target, currency, context.locale);
    if (goal.name.trim() === '') problems[`goals.${index}.name`] = 'required';
    if (target === null || target === 0) problems[`goals.${index}.target`] = 'amount';
    if (goal.targetOn !== '' && goal.targetOn < context.today)
      problems[`goals.${index}.targetOn`] = 'past';
    if (target === null || target === 0 || goal.name.trim() === '') return [];
    const name = goal.name.trim();
    const priority = index + 1;
    return [
      {
        input: {
          id: goal.key,
          name,
          target: formatDecimal(target, currency),
          ...(goal.targetOn ? { targetOn: goal.targetOn } : {}),
          priority,
        },
        plan: {
          id: goal.key,
          name,
          targetMinor: target,
          savedMinor: 0,
          targetOn: goal.targetOn || null,
          status: 'active' as const,
          priority,
        },
      },
    ];
  });
  return { goals, problems };
}
