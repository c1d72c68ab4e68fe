/**
 * Public surface of the Pace budget engine: pure functions of their inputs (no I/O, no clock, no
 * environment), shared by the server and the offline PWA.
 */
export { EngineError, isEngineError } from './errors';
export type { EngineErrorCode, EngineErrorDetails } from './errors';

// Money
export {
  isCurrencyCode,
  listCurrencyCodes,
  minorDigitsOf,
  minorPerMajor,
} from './money/currencies';
export type { CurrencyCode } from './money/currencies';
export {
  addMoney,
  assertMinor,
  ceilDivide,
  floorDivide,
  money,
  multiplyDivideFloor,
  subtractMoney,
  sumMinor,
} from './money/money';
export type { Money } from './money/money';
export { moneyFromWire, parseDecimal, parseMoney } from './money/parse';
export type { ParseDecimalOptions } from './money/parse';
export { formatDecimal, moneyToWire } from './money/format';
export type { WireMoney } from './money/format';
export { allocateLargestRemainder, splitEvenly } from './money/allocate';

// Currency conversion (exact rates, one rounding)
export {
  RATE_MAX_DECIMALS,
  RATE_SIGNIFICANT_DIGITS,
  chooseRate,
  convertMinor,
  convertPaidAmount,
  crossRate,
  divideRates,
  enteredRateCandidate,
  formatRate,
  invertRate,
  paidMinorAt,
  parseRate,
} from './currency/fx';
export type {
  ChosenRate,
  EnteredRate,
  ExactDecimal,
  PaidConversion,
  PaidConversionFailure,
  RateCandidate,
  RateSource,
} from './currency/fx';

// Time
export {
  addDays,
  addMonths,
  compareLocalDates,
  dateInMonth,
  dayOfMonth,
  daysBetween,
  daysInMonth,
  isLeapYear,
  isLocalDate,
  monthOf,
  monthsBetween,
  parseLocalDate,
  parseLocalMonth,
  weekdayOf,
} from './time/calendar';
export type { DateParts, LocalDate, LocalMonth } from './time/calendar';
export {
  assertTimeZone,
  epochMsOf,
  isValidTimeZone,
  localDateOf,
  localDayBounds,
  localMonthBounds,
  localMonthOf,
  offsetMinutesAt,
} from './time/zone';
export type { Instant, InstantRange } from './time/zone';

// Categories
export { CATEGORY_TAXONOMY, FLEX_CATEGORY_ID, SAVINGS_CATEGORY_ID } from './categories/taxonomy';
export type {
  CategoryBehaviour,
  CategoryDefinition,
  CategoryPriority,
} from './categories/taxonomy';
export {
  BILL_CATEGORY_PREFIX,
  GOAL_CATEGORY_PREFIX,
  PRIORITY_RANK,
  compareCategoryOrder,
  createUserCategory,
  findCategory,
  getCategory,
  normaliseCategoryName,
  resolveCategoryId,
} from './categories/categories';
export type { UserCategoryInput } from './categories/categories';
export {
  MERCHANT_CHAIN_COUNT,
  foldMerchantText,
  inferCategoryId,
  matchMerchant,
} from './categories/merchants';
export type { MerchantMatch } from './categories/merchants';

// Plan
export { generateNextPlan, generatePlan } from './plan/generate-plan';
export { regeneratePlan } from './plan/regenerate-plan';
export { checkPlan, isTrustedPlan, preparePlan } from './plan/trusted-plan';
export { DEFAULT_TIER, INCOME_TIERS, REGIONAL_PROFILES, TIER_SHARES } from './plan/profiles';
export type { IncomeTier, RegionalProfile, TierShares } from './plan/profiles';
export { incomeTierOf, isDefaultedProfile, normaliseRegion, resolveProfile } from './plan/tier';
export { TARGET_RULES } from './plan/targets';
export { DEFAULT_BILL_DUE_DAY, FIRST_OF_MONTH_BILLS } from './plan/bills';
export { DEFAULT_CLUSTERED_DAYS } from './plan/days';
export type {
  BillInput,
  HabitsInput,
  Plan,
  PlanCategory,
  PlanCategorySource,
  PlanGoalInput,
  PlanInput,
  PlanNotice,
  PlanNoticeCode,
  PlanSettings,
  PlanTotals,
  PlanUserCategoryInput,
} from './plan/types';

// Month
export { computeMonth } from './month/compute-month';
export { MonthState } from './month/month-state';
export type {
  CategoryMonthView,
  CellView,
  DayView,
  MonthJson,
  MonthTotals,
} from './month/month-views';
export type {
  KnownCategory,
  LedgerTransaction,
  MonthSettings,
  Move,
  MoveReason,
  RolloverMode,
  TransactionDirection,
} from './month/types';

// Status, alerts, wins
export { YELLOW_BOUNDS_MAJOR, YELLOW_SHARE, computeStatus } from './status/status';
export type { Status, StatusInput } from './status/status';
export { ALERT_LEVELS, alertLevelOf, diffBudgetAlerts } from './status/alerts';
export type { AlertLevel, BudgetAlert } from './status/alerts';
export {
  PACE_COOLDOWN_MS,
  PACE_MIN_DAYS,
  PACE_THRESHOLDS,
  computePace,
  diffPaceAlerts,
  paceOf,
} from './status/pace';
export type { Pace, PaceAlert, PaceInput, PaceLevel } from './status/pace';
export {
  WIN_COOLDOWN_MS,
  WIN_MILESTONES,
  WIN_SHARE,
  diffWins,
  isWinningDay,
  winMilestoneOf,
  winStreakOf,
} from './status/wins';
export type { WinEvent } from './status/wins';
export { applyCooldowns } from './status/cooldown';
export type { CooldownEvent } from './status/cooldown';
export {
  LARGE_TRANSACTION_DEFAULT,
  defaultLargeTransactionThreshold,
  isLargeTransaction,
} from './status/large-transaction';
export { diffGoalMilestones } from './status/goal-milestones';
export type { GoalMilestoneEvent, GoalSnapshot } from './status/goal-milestones';

// Goals, habits, mood
export {
  GOAL_MILESTONES,
  crossedGoalMilestones,
  goalMonthsLeft,
  goalProgress,
  goalReservationMinor,
} from './goals/goals';
export type { GoalAmounts, GoalProgress, GoalStatus, ReservableGoal } from './goals/goals';
export { monthSurplusMinor, splitSurplusToGoals } from './goals/surplus';
export type { FinishedMonth, SurplusGoal, SurplusShare, SurplusSplit } from './goals/surplus';
export { addCheckIn, computeHabitStats } from './habits/habits';
export type { HabitFrequency, HabitInput, HabitStats } from './habits/habits';
export {
  MOOD_MIN_PAIRED_DAYS,
  correlationStrength,
  discretionarySpendByDay,
  moodSpendingCorrelation,
  spearmanCorrelation,
} from './mood/mood';
export type { CorrelationStrength, MoodEntry, MoodSpendingCorrelation } from './mood/mood';

// Challenges
export {
  CHALLENGE_CATALOGUE,
  challengeCapMinor,
  challengeEndsOn,
  challengeStartsOn,
  findChallenge,
} from './challenges/catalogue';
export type {
  ChallengeDefinition,
  ChallengeKind,
  ChallengeStartRule,
} from './challenges/catalogue';
export { computeChallengeProgress, countsAsSpending } from './challenges/progress';
export type {
  ChallengeProgress,
  ChallengeProgressInput,
  ChallengeStatus,
} from './challenges/progress';

// Installments
export {
  INSTALLMENT_APR_DECIMALS,
  MAX_INSTALLMENT_APR_PERCENT,
  MAX_INSTALLMENT_PAYMENTS,
  MAX_INSTALLMENT_PRINCIPAL_MINOR,
  amortisedPaymentMinor,
  computeInstallmentSchedule,
  parseAprPpm,
} from './installments/amortisation';
export type {
  InstallmentInput,
  InstallmentRow,
  InstallmentSchedule,
} from './installments/amortisation';
export { INSTALLMENT_RISK_THRESHOLDS, assessInstallmentRisk } from './installments/risk';
export type {
  InstallmentRiskInput,
  InstallmentRiskLevel,
  InstallmentRiskReason,
  InstallmentRiskReasonCode,
  InstallmentRiskVerdict,
} from './installments/risk';

// Advice from computed facts
export { MAX_ADVICE_ITEMS, adviceLabelOf, ruleBasedAdvice } from './advice/advice';
export type {
  Advice,
  AdviceCategoryFact,
  AdviceCode,
  AdviceFacts,
  AdviceItem,
  AdviceKind,
} from './advice/advice';

// Analytics
export {
  BASIS_POINTS,
  computeBreakdown,
  isSpendingCategory,
  sharesInBasisPoints,
  spendingByCategory,
  spendingByDay,
} from './analytics/breakdown';
export type { Breakdown, BreakdownEntry } from './analytics/breakdown';
export {
  DRIFT_NOTABLE_BASIS_POINTS,
  TREND_FLAT_DENOMINATOR,
  computeDrift,
  computeTrends,
  trendDirectionOf,
} from './analytics/trends';
export type {
  CategoryTrend,
  Drift,
  DriftEntry,
  MonthSpending,
  TrendDirection,
} from './analytics/trends';
export {
  ANOMALY_MAD_FACTOR,
  ANOMALY_MIN_DAYS,
  ANOMALY_SD_FACTOR,
  MAD_SCALE,
  detectSpendingAnomalies,
  median,
  medianAbsoluteDeviation,
} from './analytics/anomalies';
export type {
  AnomalyMethod,
  AnomalyReport,
  DailySpending,
  SpendingAnomaly,
} from './analytics/anomalies';
export { computeMonthPace } from './analytics/spending-pace';
export type { MonthPace, MonthPaceInput } from './analytics/spending-pace';
export {
  BILLS_COMFORTABLE_BASIS_POINTS,
  BILLS_HEAVY_BASIS_POINTS,
  DEFAULT_SAVINGS_RATE_BASIS_POINTS,
  HEALTH_WEIGHTS,
  computeHealthScore,
} from './analytics/health';
export type {
  HealthComponent,
  HealthComponentId,
  HealthInput,
  HealthScore,
} from './analytics/health';
export {
  PEER_AGGREGATE_SIZE,
  PEER_MIN_GROUP,
  aggregatedQuantile,
  comparePeers,
  isSamePeerGroup,
  peerGroupOf,
} from './analytics/peers';
export type {
  PeerCategory,
  PeerComparison,
  PeerGroup,
  PeerGroupInput,
  PeerPosition,
} from './analytics/peers';
export * from './receipts/receipt-types';
export * from './receipts/receipt-parsing';
export {
  MAX_TAGS_PER_TRANSACTION,
  MAX_TAG_LENGTH,
  describeTagProblem,
  matchesTags,
  normaliseTag,
  normaliseTags,
} from './tags/tags';
export type { TagMatch, TagProblem, TagsResult } from './tags/tags';

// Money accounts
export {
  MAX_NET_WORTH_POINTS,
  balanceOf,
  balanceOn,
  currentBalanceOf,
  isOnAccount,
  netWorthDays,
  netWorthOf,
  recentMonthEnds,
  registerOf,
} from './accounts/balances';
export type {
  AccountMovement,
  AccountOpening,
  BalanceMovement,
  BalanceTransfer,
  NetWorthPoint,
  RegisterEntry,
  TransferMovement,
} from './accounts/balances';
