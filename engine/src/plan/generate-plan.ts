/**
 * Plan generation (domain §3): income → tier → bills → savings and goals → targets → Flex → days.
 * Every unit of income is placed: planned = fixed + savings + goals + targets + Flex, exactly.
 *
 * Decisions: a mid-month plan prorates every amount but the bills by plan days / month days
 * (floored, Flex takes the units left so the identity still holds) — fixed targets such as the
 * insurance share are estimates, not bills, so they are prorated too — and keeps bills whole; a bill
 * whose due day is before the first day lands on the first day (the engine cannot know it was
 * paid; paying it before the plan started is still covered, fixed categories being monthly).
 * User categories with a monthly budget are targets like the built-in ones (scaled down alike).
 */
import { EngineError } from '../errors';
import { SAVINGS_CATEGORY_ID, FLEX_CATEGORY_ID } from '../categories/taxonomy';
import { compareCategoryOrder, getCategory } from '../categories/categories';
import { formatDecimal } from '../money/format';
import { multiplyDivideFloor } from '../money/money';
import { addMonths } from '../time/calendar';
import { groupBills, type BillCategory } from './bills';
import { checkPlanInput } from './plan-input';
import { REGIONAL_PROFILES, type IncomeTier, type RegionalProfile } from './profiles';
import { reserve, type Reservations } from './reservations';
import { buildTargets } from './build-targets';
import { layOut, type Draft } from './lay-out';
import { incomeTierOf, isDefaultedProfile, resolveProfile } from './tier';
import { trustPlan } from './trusted-plan';
import { settingsOf } from './settings';
import type { Plan, PlanCategory, PlanInput, PlanNotice, PlanSettings, PlanTotals } from './types';

function infeasible(fixedMinor: number, incomeMinor: number, currency: string): EngineError {
  const fixed = formatDecimal(fixedMinor, currency);
  const income = formatDecimal(incomeMinor, currency);
  return new EngineError(
    'BUDGET_INFEASIBLE',
    `Your bills (${fixed} ${currency}) are more than your monthly income (${income} ${currency}). ` +
      'Lower or remove a bill, or add income, to make a plan.',
    { fixedMinor, incomeMinor, currency },
  );
}

function billDrafts(bills: readonly BillCategory[]): Draft[] {
  return bills.map((bill) => ({
    id: bill.id,
    name: bill.name,
    behaviour: 'fixed',
    priority: 'sacred',
    source: 'bill',
    amountMinor: bill.bills.reduce((sum, b) => sum + b.amountMinor, 0),
    bills: bill.bills,
  }));
}

function prorate(
  drafts: Draft[],
  planDays: number,
  monthDays: number,
  notices: PlanNotice[],
): Draft[] {
  if (planDays === monthDays) return drafts;
  // Bills keep their amount; every estimate (targets, savings, goals, Flex) is prorated.
  const isProrated = (d: Draft): boolean => d.source !== 'bill';
  const fullProrated = drafts.filter(isProrated).reduce((sum, d) => sum + d.amountMinor, 0);
  const proratedTotal = multiplyDivideFloor(fullProrated, planDays, monthDays);
  const scaled = drafts.map((d) =>
    isProrated(d) && d.id !== FLEX_CATEGORY_ID
      ? { ...d, amountMinor: multiplyDivideFloor(d.amountMinor, planDays, monthDays) }
      : d,
  );
  const others = scaled.filter((d) => isProrated(d) && d.id !== FLEX_CATEGORY_ID);
  const flexMinor = proratedTotal - others.reduce((sum, d) => sum + d.amountMinor, 0);
  notices.push({
    code: 'PLAN_PRORATED',
    message: `This plan covers ${planDays} of ${monthDays} days, so everything but bills is prorated`,
    details: { planDays, monthDays },
  });
  return scaled.map((d) => (d.id === FLEX_CATEGORY_ID ? { ...d, amountMinor: flexMinor } : d));
}

function sumBy(
  categories: readonly PlanCategory[],
  source: PlanCategory['source'] | 'any',
): number {
  return categories.reduce(
    (sum, c) => (source === 'any' || c.source === source ? sum + c.amountMinor : sum),
    0,
  );
}

interface Placed {
  readonly drafts: Draft[];
  readonly profile: RegionalProfile | undefined;
  readonly tier: IncomeTier;
}

function profileFor(input: PlanInput, notices: PlanNotice[]): RegionalProfile | undefined {
  const profile = resolveProfile(input.region, input.currency, input.profiles ?? REGIONAL_PROFILES);
  if (profile === undefined) {
    notices.push({
      code: 'NO_REGIONAL_PROFILE',
      message: `No regional profile for ${input.currency}; the middle tier is used`,
      details: { currency: input.currency },
    });
  } else if (isDefaultedProfile(input.region, profile)) {
    const region = input.region?.trim() ?? '';
    notices.push({
      code: 'REGION_DEFAULTED',
      message:
        region === ''
          ? `No region was given, so this plan uses the ${profile.id} profile`
          : `There is no profile for region "${region}" in ${input.currency}, so this plan uses the ${profile.id} profile`,
      details: { region, profileId: profile.id },
    });
  }
  return profile;
}

function sacredDrafts(bills: readonly BillCategory[], reservations: Reservations): Draft[] {
  const { name, behaviour, priority } = getCategory(SAVINGS_CATEGORY_ID);
  const savings: Draft = {
    id: SAVINGS_CATEGORY_ID,
    name,
    behaviour,
    priority,
    source: 'savings',
    amountMinor: reservations.savingsMinor,
  };
  const goals = reservations.goals.map((g): Draft => ({
    id: g.categoryId,
    name: g.goal.name,
    behaviour: 'spread',
    priority: 'sacred',
    source: 'goal',
    amountMinor: g.amountMinor,
  }));
  return [...billDrafts(bills), savings, ...goals];
}

function placeIncome(input: PlanInput, incomeMinor: number, notices: PlanNotice[]): Placed {
  const profile = profileFor(input, notices);
  const tier = incomeTierOf(incomeMinor, input.currency, profile);
  const bills = groupBills(input.bills ?? []);
  const fixedMinor = billDrafts(bills).reduce((sum, d) => sum + d.amountMinor, 0);
  if (fixedMinor > incomeMinor) throw infeasible(fixedMinor, incomeMinor, input.currency);
  const reservations = reserve({
    availableMinor: incomeMinor - fixedMinor,
    savingsTargetMinor: input.savingsTargetMinor ?? 0,
    goals: input.goals ?? [],
    month: input.month,
    currency: input.currency,
    notices,
  });
  const flexibleMinor = incomeMinor - fixedMinor - reservations.totalMinor;
  const targets = buildTargets({
    input,
    incomeMinor,
    tier,
    profile,
    bills,
    flexibleMinor,
    notices,
  });
  const { name, behaviour, priority } = getCategory(FLEX_CATEGORY_ID);
  const flexMinor = flexibleMinor - targets.reduce((sum, d) => sum + d.amountMinor, 0);
  const flex: Draft = {
    id: FLEX_CATEGORY_ID,
    name,
    behaviour,
    priority,
    source: 'flex',
    amountMinor: flexMinor,
  };
  return { drafts: [...sacredDrafts(bills, reservations), ...targets, flex], profile, tier };
}

function totalsOf(categories: readonly PlanCategory[], incomeMinor: number): PlanTotals {
  return {
    incomeMinor,
    plannedMinor: sumBy(categories, 'any'),
    fixedMinor: sumBy(categories, 'bill'),
    savingsMinor: sumBy(categories, 'savings'),
    goalsMinor: sumBy(categories, 'goal'),
    targetsMinor: sumBy(categories, 'target') + sumBy(categories, 'user'),
    flexMinor: sumBy(categories, 'flex'),
  };
}

/** Generates a month plan from the user's settings; throws BUDGET_INFEASIBLE when bills exceed income. */
export function generatePlan(input: PlanInput): Plan {
  const { incomeMinor, span, startsOn } = checkPlanInput(input);
  const notices: PlanNotice[] = [];
  const { drafts, profile, tier } = placeIncome(input, incomeMinor, notices);
  const planDays = span.daysInMonth - span.firstDay + 1;
  const prorated = prorate(drafts, planDays, span.daysInMonth, notices);
  const categories = layOut(prorated, { span, input, profile, notices }).sort(compareCategoryOrder);
  return trustPlan({
    version: 1,
    userId: input.userId,
    month: input.month,
    currency: input.currency,
    timeZone: input.timeZone,
    profileId: profile?.id ?? null,
    tier,
    startsOn,
    firstDay: span.firstDay,
    daysInMonth: span.daysInMonth,
    totals: totalsOf(categories, incomeMinor),
    categories,
    notices,
    settings: settingsOf(input),
  });
}

/** Generates the following month's plan from the same settings (with optional changes, e.g. goals). */
export function generateNextPlan(plan: Plan, changes: Partial<PlanSettings> = {}): Plan {
  return generatePlan({ ...plan.settings, ...changes, month: addMonths(plan.month, 1) });
}
