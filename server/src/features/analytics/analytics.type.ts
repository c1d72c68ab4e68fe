import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/money.type';
import { LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import {
  AnomalyMethodGql,
  HealthComponentKindGql,
  SpendingPaceLevelGql,
  TrendDirectionGql,
} from './analytics-enums.type';

@ObjectType({ description: 'One category’s spending in the month asked.' })
export class CategorySpending {
  @Field(() => ID, { description: 'The category id (built-in, the person’s own, or a bill).' })
  categoryId!: string;
  @Field(() => String, { description: 'Its name in the plan or the taxonomy (English default).' })
  categoryName!: string;
  @Field(() => Money, { description: 'Live expenses booked on it, exact.' }) amount!: Money;
  @Field(() => Int, {
    description:
      'Share of the month’s spending in basis points (0–10000), split by largest remainder so the shares add up to exactly 10000.',
  })
  shareBasisPoints!: number;
  @Field(() => Float, { description: 'shareBasisPoints / 10000, for display only.' })
  share!: number;
}

@ObjectType({ description: 'A category’s spending in one month.' })
export class MonthAmount {
  @Field(() => YearMonthScalar, { description: 'The local month.' }) month!: string;
  @Field(() => Money, {
    description: 'Spent that month (to today for the month in progress), exact.',
  })
  amount!: Money;
}

@ObjectType({ description: 'How one category’s spending moved month over month.' })
export class SpendingTrend {
  @Field(() => ID, { description: 'The category id.' }) categoryId!: string;
  @Field(() => String, { description: 'Its name (English default).' }) categoryName!: string;
  @Field(() => [MonthAmount], {
    description: 'One amount per month of trendMonths, oldest first; the last is the month asked.',
  })
  series!: MonthAmount[];
  @Field(() => Money, { description: 'Spent in the month asked (to today while in progress).' })
  current!: Money;
  @Field(() => Money, {
    description:
      'Spent in the previous month over the same days (day 1 to today’s day number, clamped to its length) while the month asked is in progress; the whole previous month otherwise.',
  })
  previous!: Money;
  @Field(() => Money, { description: 'current − previous; negative when less was spent.' })
  change!: Money;
  @Field(() => TrendDirectionGql, { description: 'Up, down or flat (within 5 %).' })
  direction!: TrendDirectionGql;
}

@ObjectType({
  description: 'Spending so far against the part of the plan the elapsed days stand for.',
})
export class SpendingPace {
  @Field(() => ID, {
    nullable: true,
    description: 'The category, or null for the month’s day-to-day spending as a whole.',
  })
  categoryId!: string | null;
  @Field(() => String, { nullable: true, description: 'The category’s name; null for the total.' })
  categoryName!: string | null;
  @Field(() => Money, { description: 'Spent so far this month.' }) spent!: Money;
  @Field(() => Money, { description: 'The month’s plan.' }) plan!: Money;
  @Field(() => Money, {
    description: 'plan × elapsedDays / planDays, floored to the minor unit.',
  })
  expectedToDate!: Money;
  @Field(() => Money, { description: 'spent − expectedToDate: above zero is ahead of plan.' })
  ahead!: Money;
  @Field(() => Int, { description: 'Plan days elapsed, today included (all of a past month).' })
  elapsedDays!: number;
  @Field(() => Int, { description: 'Days of the plan (from its first day to the month’s end).' })
  planDays!: number;
  @Field(() => SpendingPaceLevelGql, { description: 'The pace level.' })
  level!: SpendingPaceLevelGql;
  @Field(() => Float, {
    nullable: true,
    description: 'The pace ratio for display; null before day 3 or without a plan.',
  })
  ratio!: number | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The local day the plan runs out at this pace, when it is within the month.',
  })
  runOutOn!: string | null;
}

@ObjectType({ description: 'A local day whose day-to-day spending was far above the norm.' })
export class SpendingAnomalyDay {
  @Field(() => LocalDateScalar, { description: 'The local day.' }) date!: string;
  @Field(() => Money, { description: 'Day-to-day spending that day.' }) amount!: Money;
  @Field(() => Money, {
    description: 'How far above the typical spending day (median or mean), floored.',
  })
  aboveTypical!: Money;
  @Field(() => Float, {
    description: '(amount − typical) / spread, in scaled MADs or standard deviations (display).',
  })
  score!: number;
}

@ObjectType({
  description:
    'Unusual spending days of the month asked, judged against the person’s own norm over the month and the three before it.',
})
export class SpendingAnomalies {
  @Field(() => AnomalyMethodGql, { description: 'How the norm was measured.' })
  method!: AnomalyMethodGql;
  @Field(() => Int, { description: 'Spending days the norm was made of.' }) daysInNorm!: number;
  @Field(() => Int, { description: 'Spending days needed before anything is judged (5).' })
  neededDays!: number;
  @Field(() => Money, { nullable: true, description: 'A typical spending day (floored).' })
  typical!: Money | null;
  @Field(() => Money, { nullable: true, description: 'A day above this is unusual (floored).' })
  threshold!: Money | null;
  @Field(() => [SpendingAnomalyDay], { description: 'The unusual days, largest first.' })
  days!: SpendingAnomalyDay[];
}

@ObjectType({ description: 'How one category’s share of spending moved.' })
export class CategoryDrift {
  @Field(() => ID, { description: 'The category id.' }) categoryId!: string;
  @Field(() => String, { description: 'Its name (English default).' }) categoryName!: string;
  @Field(() => Int, { description: 'Share in the previous month, basis points.' })
  previousShareBasisPoints!: number;
  @Field(() => Int, { description: 'Share in the month asked (so far), basis points.' })
  currentShareBasisPoints!: number;
  @Field(() => Int, { description: 'current − previous, basis points (100 = 1 point).' })
  changeBasisPoints!: number;
  @Field(() => Boolean, { description: 'Whether it moved by 5 percentage points or more.' })
  isNotable!: boolean;
}

@ObjectType({ description: 'How the mix of spending moved from the previous month.' })
export class SpendingDrift {
  @Field(() => YearMonthScalar, { description: 'The month compared with (the whole of it).' })
  previousMonth!: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'Total variation distance of the two months’ shares in basis points (0 the same mix, 10000 nothing in common); null when either month has no spending.',
  })
  distanceBasisPoints!: number | null;
  @Field(() => [CategoryDrift], { description: 'Categories by how far their share moved.' })
  categories!: CategoryDrift[];
}

@ObjectType({ description: 'One part of the financial health score, with what it was judged on.' })
export class HealthComponent {
  @Field(() => HealthComponentKindGql, { description: 'Which part.' })
  kind!: HealthComponentKindGql;
  @Field(() => Int, { description: 'Its weight of 100.' }) weight!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'How well it went, 0 to 1; null when it could not be judged yet (it does not count).',
  })
  value!: number | null;
  @Field(() => Float, {
    description:
      'The points it earned of its weight: weight × value (0 when not judged). The score is 100 × Σ points / Σ weights of the judged parts.',
  })
  points!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'The ratio judged: savings rate, share of green days, bills ÷ income, or share of overspending covered.',
  })
  ratio!: number | null;
  @Field(() => Float, { description: 'The ratio that gets full marks (for bills: at most).' })
  target!: number;
  @Field(() => String, {
    description: 'One sentence for the person, in English (the PWA writes its own).',
  })
  explanation!: string;
}

@ObjectType({ description: 'A financial health score from 0 to 100 that explains itself.' })
export class FinancialHealth {
  @Field(() => Int, {
    nullable: true,
    description:
      '100 × Σ points / Σ weights of the judged parts, rounded half up; null when none could be judged.',
  })
  score!: number | null;
  @Field(() => [HealthComponent], { description: 'Savings, days within budget, bills, buffer.' })
  components!: HealthComponent[];
}

@ObjectType({
  description:
    'Spending analytics of one local month in the person’s time zone and budget currency: savings and goal contributions are never spending.',
})
export class SpendingInsights {
  @Field(() => YearMonthScalar, { description: 'The month asked.' }) month!: string;
  @Field(() => LocalDateScalar, { description: 'Today in the person’s time zone.' })
  today!: string;
  @Field(() => Boolean, { description: 'Whether the month is the current one (figures to date).' })
  isInProgress!: boolean;
  @Field(() => Money, { description: 'All spending of the month (to date).' }) total!: Money;
  @Field(() => [CategorySpending], { description: 'Spending per category, largest first.' })
  breakdown!: CategorySpending[];
  @Field(() => [YearMonthScalar], {
    description: 'The months of every trend series: the three before the month asked, then it.',
  })
  trendMonths!: string[];
  @Field(() => [SpendingTrend], { description: 'Per category, largest current spending first.' })
  trends!: SpendingTrend[];
  @Field(() => SpendingPace, {
    nullable: true,
    description:
      'Day-to-day spending (bills and sacred money aside) against the plan; null without a plan that month.',
  })
  pace!: SpendingPace | null;
  @Field(() => [SpendingPace], {
    description: 'Pace per day-to-day category, furthest ahead of plan first.',
  })
  categoryPace!: SpendingPace[];
  @Field(() => SpendingAnomalies, { description: 'Unusual spending days of the month.' })
  anomalies!: SpendingAnomalies;
  @Field(() => SpendingDrift, { description: 'Drift of category shares from the previous month.' })
  drift!: SpendingDrift;
  @Field(() => FinancialHealth, {
    nullable: true,
    description: 'The month’s financial health; null without a plan that month.',
  })
  health!: FinancialHealth | null;
}
