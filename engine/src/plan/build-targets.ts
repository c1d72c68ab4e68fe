/**
 * Targets as plan drafts: the built-in leaves plus user categories with a budget, scaled down
 * (never up) when they exceed the flexible money (domain §3.5): each × flexible / Σ targets,
 * exact, then floored; the units lost to flooring end in Flex.
 */
import { EngineError } from '../errors';
import { createUserCategory, getCategory } from '../categories/categories';
import { formatDecimal } from '../money/format';
import { assertMinor, multiplyDivideFloor } from '../money/money';
import type { BillCategory } from './bills';
import type { Draft } from './lay-out';
import type { IncomeTier, RegionalProfile } from './profiles';
import { computeTargets } from './targets';
import type { PlanInput, PlanNotice } from './types';

/** What target building needs from plan generation. */
export interface BuildTargetsInput {
  readonly input: PlanInput;
  readonly incomeMinor: number;
  readonly tier: IncomeTier;
  readonly profile: RegionalProfile | undefined;
  readonly bills: readonly BillCategory[];
  readonly flexibleMinor: number;
  readonly notices: PlanNotice[];
}

function builtInDrafts(ctx: BuildTargetsInput): Draft[] {
  const hasInsuranceBill = ctx.bills.some((bill) => bill.id === 'insurance');
  if (hasInsuranceBill) {
    ctx.notices.push({
      code: 'INSURANCE_FROM_BILLS',
      message: 'Your insurance bills replace the insurance share of the health budget',
      details: {},
    });
  }
  const leaves = computeTargets({
    incomeMinor: ctx.incomeMinor,
    currency: ctx.input.currency,
    tier: ctx.tier,
    profile: ctx.profile,
    habits: ctx.input.habits ?? {},
    hasInsuranceBill,
  });
  return [...leaves].map(([id, amountMinor]) => {
    const { name, behaviour, priority } = getCategory(id);
    return { id, name, behaviour, priority, source: 'target', amountMinor };
  });
}

function userDrafts(ctx: BuildTargetsInput): Draft[] {
  const seen = new Set<string>();
  return (ctx.input.userCategories ?? []).map((input, index) => {
    const category = createUserCategory(input);
    if (seen.has(category.id)) {
      throw new EngineError('CATEGORY_INVALID', `Category "${category.id}" is listed twice`, {
        id: category.id,
      });
    }
    seen.add(category.id);
    assertMinor(input.monthlyMinor, `userCategories[${index}].monthlyMinor`, { nonNegative: true });
    const { id, name, behaviour, priority } = category;
    return { id, name, behaviour, priority, source: 'user', amountMinor: input.monthlyMinor };
  });
}

/** Builds every target draft, scaled down to the flexible money when needed. */
export function buildTargets(ctx: BuildTargetsInput): Draft[] {
  const drafts = [...builtInDrafts(ctx), ...userDrafts(ctx)];
  const total = drafts.reduce((sum, draft) => sum + draft.amountMinor, 0);
  if (total <= ctx.flexibleMinor) return drafts;
  const { currency } = ctx.input;
  ctx.notices.push({
    code: 'TARGETS_SCALED_DOWN',
    message: `Budgets add up to ${formatDecimal(total, currency)} ${currency} but ${formatDecimal(ctx.flexibleMinor, currency)} ${currency} is left after bills and savings, so each is scaled down`,
    details: { targetsMinor: total, availableMinor: ctx.flexibleMinor },
  });
  return drafts.map((draft) => ({
    ...draft,
    amountMinor: multiplyDivideFloor(draft.amountMinor, ctx.flexibleMinor, total),
  }));
}
