/**
 * Shapes of plan generation: its input (the user's settings) and the plan it produces.
 * A plan is plain JSON so the server can store it and the PWA can cache it.
 */
import type { CategoryBehaviour, CategoryPriority } from '../categories/taxonomy';
import type { UserCategoryInput } from '../categories/categories';
import type { GoalStatus } from '../goals/goals';
import type { LocalDate, LocalMonth } from '../time/calendar';
import type { IncomeTier, RegionalProfile } from './profiles';

/** A fixed bill entered by the user. */
export interface BillInput {
  readonly name: string;
  readonly amountMinor: number;
  /** Day of month the bill is due (1–31); defaults by category (rent, mortgage, school fees 1, else 5). */
  readonly dueDay?: number;
  /** A built-in category id; otherwise the name is resolved through the aliases. */
  readonly categoryId?: string;
}

/** Optional spending habits that shape targets and spending days. */
export interface HabitsInput {
  readonly diningPerMonth?: number;
  readonly coffeePerWeek?: number;
  readonly travelPerYear?: number;
  /** Spending days per month for clustered categories, by category id (overrides the default 4). */
  readonly spendingDaysPerMonth?: Readonly<Record<string, number>>;
}

/** A goal as the plan needs it. */
export interface PlanGoalInput {
  readonly id: string;
  readonly name: string;
  readonly targetMinor: number;
  readonly savedMinor: number;
  readonly targetOn?: LocalDate | null;
  readonly status: GoalStatus;
  /** 1 is the most important; used only to decide which reservation shrinks first. */
  readonly priority?: number;
}

/** A user-made category with its monthly budget. */
export interface PlanUserCategoryInput extends UserCategoryInput {
  readonly monthlyMinor: number;
}

/** The settings a plan is made from; the next month's plan reuses them. */
export interface PlanSettings {
  readonly userId: string;
  readonly currency: string;
  readonly region?: string;
  readonly timeZone: string;
  readonly incomeMinor: number;
  readonly additionalIncomeMinor?: number;
  readonly bills?: readonly BillInput[];
  readonly savingsTargetMinor?: number;
  readonly habits?: HabitsInput;
  readonly goals?: readonly PlanGoalInput[];
  readonly userCategories?: readonly PlanUserCategoryInput[];
  /**
   * At month close, the finished month's surplus goes to active goals by priority
   * (docs/goals.md, "Surplus rollover"); off when absent. Plan generation does not read it.
   */
  readonly surplusToGoals?: boolean;
  /** Replaces the built-in regional profiles (data, e.g. loaded by the server). */
  readonly profiles?: readonly RegionalProfile[];
}

/** Input of generatePlan: settings plus the month and, for a mid-month plan, its first day. */
export interface PlanInput extends PlanSettings {
  readonly month: LocalMonth;
  /** First day of the plan (today for a plan made mid-month); defaults to day 1. */
  readonly startsOn?: LocalDate;
}

/** Where a plan category's money comes from. */
export type PlanCategorySource = 'bill' | 'savings' | 'goal' | 'target' | 'user' | 'flex';

/** One category of a plan with its month amount laid over days. */
export interface PlanCategory {
  readonly id: string;
  readonly name: string;
  readonly behaviour: CategoryBehaviour;
  readonly priority: CategoryPriority;
  readonly source: PlanCategorySource;
  readonly amountMinor: number;
  /** Allocation per day of the month: index 0 is day 1; days before the plan's first day are 0. */
  readonly days: readonly number[];
}

/** Something the user should be told about the plan. */
export type PlanNoticeCode =
  | 'SAVINGS_CLAMPED'
  | 'GOAL_RESERVATION_CLAMPED'
  | 'TARGETS_SCALED_DOWN'
  | 'PLAN_PRORATED'
  | 'BILL_DUE_DAY_MOVED'
  | 'INSURANCE_FROM_BILLS'
  | 'NO_REGIONAL_PROFILE'
  | 'REGION_DEFAULTED';

/** A notice with a closed code, an English message and JSON details. */
export interface PlanNotice {
  readonly code: PlanNoticeCode;
  readonly message: string;
  readonly details: Readonly<Record<string, string | number>>;
}

/** How the plan's money is placed: fixed + savings + goals + targets + flex = planned. */
export interface PlanTotals {
  /** Monthly income (income + additional income). */
  readonly incomeMinor: number;
  /** What the plan places: equals incomeMinor, or less for a prorated mid-month plan. */
  readonly plannedMinor: number;
  readonly fixedMinor: number;
  readonly savingsMinor: number;
  readonly goalsMinor: number;
  readonly targetsMinor: number;
  readonly flexMinor: number;
}

/** A month plan: per category, per day allocations in minor units. */
export interface Plan {
  readonly version: 1;
  readonly userId: string;
  readonly month: LocalMonth;
  readonly currency: string;
  readonly timeZone: string;
  readonly profileId: string | null;
  readonly tier: IncomeTier;
  readonly startsOn: LocalDate;
  readonly firstDay: number;
  readonly daysInMonth: number;
  readonly totals: PlanTotals;
  /** Categories in processing order (priority sacred → buffer, then id). */
  readonly categories: readonly PlanCategory[];
  readonly notices: readonly PlanNotice[];
  readonly settings: PlanSettings;
}
