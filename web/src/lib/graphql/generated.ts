/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** An ISO 4217 currency code, e.g. USD. */
  CurrencyCode: { input: string; output: string };
  /** A local calendar date, YYYY-MM-DD (in the user’s time zone). */
  Date: { input: unknown; output: unknown };
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string };
  /** An exact decimal number as a string, e.g. "12.30"; never a float. */
  Decimal: { input: string; output: string };
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: unknown; output: unknown };
  /** A local calendar month, YYYY-MM. */
  YearMonth: { input: unknown; output: unknown };
};

/** Move an amount from one (category, day) to another of the same month; never from or to a past day. */
export type AdjustBudgetInput = {
  /** In the budget currency. */
  amount: Scalars['Decimal']['input'];
  fromCategoryId: Scalars['String']['input'];
  fromOn: Scalars['Date']['input'];
  /** Client-generated UUID, for offline replays. */
  id?: InputMaybe<Scalars['ID']['input']>;
  toCategoryId: Scalars['String']['input'];
  toOn: Scalars['Date']['input'];
};

export type AuditLogFilter = {
  event?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** A fixed bill: the whole amount on its due day. */
export type BillInputGql = {
  /** In the budget currency. */
  amount: Scalars['Decimal']['input'];
  /** A built-in category id; otherwise resolved from the name. */
  categoryId?: InputMaybe<Scalars['String']['input']>;
  /** Day of the month (1–31); defaults by category. */
  dueDay?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
};

export type BudgetStatus = 'GREEN' | 'RED' | 'YELLOW';

/** How a category’s month amount is laid over the days. */
export type CategoryBehaviourSetting = 'CLUSTERED' | 'FIXED' | 'SPREAD';

/** Which categories give first when another overspends. */
export type CategoryPrioritySetting = 'DISCRETIONARY' | 'FLEXIBLE' | 'PROTECTED' | 'SACRED';

export type ChangeKind = 'ADJUSTMENT' | 'CATEGORY' | 'GOAL' | 'PLAN' | 'SETTINGS' | 'TRANSACTION';

/** What the first plan is made from. Replaying onboarding returns the existing plan. */
export type CompleteOnboardingInput = {
  additionalIncome?: InputMaybe<Scalars['Decimal']['input']>;
  bills?: Array<BillInputGql>;
  currency: Scalars['CurrencyCode']['input'];
  habits?: InputMaybe<HabitsInputGql>;
  /** Client-generated UUID, for offline replays. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Monthly income. */
  income: Scalars['Decimal']['input'];
  /** Region profile, e.g. US, US-CA; defaults by currency. */
  region?: InputMaybe<Scalars['String']['input']>;
  rollover?: InputMaybe<RolloverSetting>;
  /** Monthly savings target. */
  savingsTarget?: InputMaybe<Scalars['Decimal']['input']>;
  /** IANA time zone; defaults to the account’s. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** A user-made category; behaviour defaults to SPREAD and priority to FLEXIBLE. */
export type CreateCategoryInput = {
  behaviour?: InputMaybe<CategoryBehaviourSetting>;
  /** Client-chosen id (letters, digits, _ . : -), for offline replays; generated otherwise. */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  priority?: InputMaybe<CategoryPrioritySetting>;
};

/** A new savings goal, ACTIVE unless a status is given. */
export type CreateGoalInput = {
  /** Client-generated UUID, for offline replays. */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  /** 1 (default) to 100. */
  priority?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<GoalStatus>;
  /** In the budget currency; more than zero. */
  target: Scalars['Decimal']['input'];
  /** Today or later. */
  targetOn?: InputMaybe<Scalars['Date']['input']>;
};

export type CreatePersonalAccessTokenInput = {
  /** 1 to 365. */
  expiresInDays: Scalars['Int']['input'];
  name: Scalars['String']['input'];
  /** A subset of the scopes of the token creating it. */
  scopes: Array<Scalars['String']['input']>;
};

/** An expense that repeats monthly on a day (past the month’s end: its last day) or weekly on a weekday. */
export type CreateRecurringTransactionInput = {
  /** In the budget currency. */
  amount: Scalars['Decimal']['input'];
  categoryId: Scalars['String']['input'];
  /** MONTHLY: day 1–31; WEEKLY: 0 Sunday … 6 Saturday. */
  dayNumber: Scalars['Int']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  /** Last possible occurrence; open when null. */
  endOn?: InputMaybe<Scalars['Date']['input']>;
  frequency: RecurringFrequency;
  /** Client-generated UUID, for offline replays. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** First possible occurrence. Occurrences already due are posted at once, so it may reach at most 366 days before today; older ones are refused (BAD_USER_INPUT): book those as transactions. */
  startOn: Scalars['Date']['input'];
};

export type CreateTransactionInput = {
  /** Positive, with at most the currency’s minor digits. */
  amount: Scalars['Decimal']['input'];
  /** A date picked in the UI; else derived from occurredAt. */
  bookedOn?: InputMaybe<Scalars['Date']['input']>;
  /** A category id or alias (food → groceries). */
  categoryId: Scalars['String']['input'];
  /** Defaults to the budget currency. */
  currency?: InputMaybe<Scalars['CurrencyCode']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Default EXPENSE. */
  direction?: InputMaybe<TransactionDirection>;
  /** Client-generated UUID: replaying the create changes nothing. */
  id?: InputMaybe<Scalars['ID']['input']>;
  merchant?: InputMaybe<Scalars['String']['input']>;
  /** Default now. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Where each field is: a header name, or a 0-based column number as text. */
export type CsvColumnMappingInput = {
  /** A signed amount; else map debit and credit. */
  amount?: InputMaybe<Scalars['String']['input']>;
  /** A category id or alias; empty is Flex. */
  category?: InputMaybe<Scalars['String']['input']>;
  credit?: InputMaybe<Scalars['String']['input']>;
  date: Scalars['String']['input'];
  debit?: InputMaybe<Scalars['String']['input']>;
  /** The bank’s own transaction id. */
  externalId?: InputMaybe<Scalars['String']['input']>;
  memo?: InputMaybe<Scalars['String']['input']>;
  payee?: InputMaybe<Scalars['String']['input']>;
};

export type CsvImportOptionsInput = {
  columns: CsvColumnMappingInput;
  delimiter?: Scalars['String']['input'];
  hasHeader?: Scalars['Boolean']['input'];
};

export type DecimalSeparator = 'COMMA' | 'DOT';

/** Only an ACTIVE goal reserves money in the plan. */
export type GoalStatus = 'ACTIVE' | 'CANCELLED' | 'COMPLETED' | 'PAUSED';

/** A Google ID token, and the profile for a first sign-in (defaults: USD, US, UTC, en). */
export type GoogleSignInInput = {
  country?: InputMaybe<Scalars['String']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  idToken: Scalars['String']['input'];
  locale?: InputMaybe<Scalars['String']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type HabitsInputGql = {
  coffeePerWeek?: InputMaybe<Scalars['Int']['input']>;
  diningPerMonth?: InputMaybe<Scalars['Int']['input']>;
  travelPerYear?: InputMaybe<Scalars['Int']['input']>;
};

/** YYYY_MM_DD is 2026-03-31; DD_MM_YYYY_DOTS is 31.03.2026. */
export type ImportDateFormat = 'DD_MM_YYYY' | 'DD_MM_YYYY_DOTS' | 'MM_DD_YYYY' | 'YYYY_MM_DD';

export type ImportFormat = 'CSV' | 'OFX' | 'QFX' | 'QIF';

export type ImportMode =
  /** Bad rows are skipped and reported. */
  | 'LENIENT'
  /** Any bad row: nothing is imported. */
  | 'STRICT';

export type ImportRowStatus =
  | 'FAILED'
  | 'IMPORTED'
  /** Would be imported (a preview, or a strict import refused). */
  | 'READY'
  /** A duplicate. */
  | 'SKIPPED';

export type ImportTransactionsInput = {
  /** The file’s text, at most 5 MB. */
  content: Scalars['String']['input'];
  /** Required for CSV. */
  csv?: InputMaybe<CsvImportOptionsInput>;
  /** CSV and QIF. */
  dateFormat?: ImportDateFormat;
  /** CSV and QIF. */
  decimalSeparator?: DecimalSeparator;
  format: ImportFormat;
  /** Client-generated UUID: replaying the import returns its report and imports nothing twice. */
  importId: Scalars['ID']['input'];
  mode?: ImportMode;
  /** Preview only: how many rows to show (default 20, at most 200). */
  previewRows?: InputMaybe<Scalars['Int']['input']>;
  /** CSV amounts. */
  signConvention?: SignConvention;
};

export type MoveReason =
  'MANUAL' | 'OVERSPEND' | 'ROLLOVER_NEXT_DAY' | 'ROLLOVER_SAVINGS' | 'ROLLOVER_SPREAD';

/** An expense now, in two taps. */
export type QuickExpenseInput = {
  amount: Scalars['Decimal']['input'];
  /** Default: from the note, else Flex. */
  categoryId?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
};

export type RecurringFrequency = 'MONTHLY' | 'WEEKLY';

/** Remake this month’s plan from the current settings. */
export type RegeneratePlanInput = {
  /** The plan version the request is based on. */
  baseVersion?: InputMaybe<Scalars['Int']['input']>;
};

export type RegisterInput = {
  country: Scalars['String']['input'];
  currency: Scalars['String']['input'];
  email: Scalars['String']['input'];
  locale: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** 8–128 characters, not easy to guess. */
  password: Scalars['String']['input'];
  timeZone: Scalars['String']['input'];
};

/** Where a finished day’s underspend goes. */
export type RolloverSetting = 'NEXT_DAY' | 'SAVINGS' | 'SPREAD';

export type SignConvention = 'NEGATIVE_IS_EXPENSE' | 'POSITIVE_IS_EXPENSE';

export type SystemCheckStatus = 'COMPLETED' | 'PENDING';

export type TransactionAlertKind =
  'BUDGET_LEVEL' | 'DEFICIT' | 'GOAL_MILESTONE' | 'LARGE_TRANSACTION' | 'PACE';

export type TransactionDirection = 'EXPENSE' | 'INCOME' | 'TRANSFER';

export type TransactionFilter = {
  categoryIds?: InputMaybe<Array<Scalars['String']['input']>>;
  from?: InputMaybe<Scalars['Date']['input']>;
  maxAmount?: InputMaybe<Scalars['Decimal']['input']>;
  minAmount?: InputMaybe<Scalars['Decimal']['input']>;
  sources?: InputMaybe<Array<TransactionSource>>;
  /** In the description or merchant. */
  text?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

export type TransactionSource = 'IMPORT' | 'MANUAL' | 'QUICK' | 'RECEIPT' | 'RECURRING';

/** Changes the given fields of a user-made category when baseVersion is current. */
export type UpdateCategoryInput = {
  baseVersion: Scalars['Int']['input'];
  behaviour?: InputMaybe<CategoryBehaviourSetting>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  priority?: InputMaybe<CategoryPrioritySetting>;
};

/** Changes the given fields of a goal when baseVersion is current; targetOn: null removes the date. */
export type UpdateGoalInput = {
  baseVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  priority?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<GoalStatus>;
  target?: InputMaybe<Scalars['Decimal']['input']>;
  targetOn?: InputMaybe<Scalars['Date']['input']>;
};

/** Changes to the plan settings; the next plans use them, the rollover applies at once. */
export type UpdatePlanSettingsInput = {
  additionalIncome?: InputMaybe<Scalars['Decimal']['input']>;
  /** The settings version the edit is based on. */
  baseVersion?: InputMaybe<Scalars['Int']['input']>;
  bills?: InputMaybe<Array<BillInputGql>>;
  habits?: InputMaybe<HabitsInputGql>;
  income?: InputMaybe<Scalars['Decimal']['input']>;
  /** Expenses above this amount send a large-transaction alert (default: about 200 USD in the budget currency). */
  largeTransactionThreshold?: InputMaybe<Scalars['Decimal']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
  rollover?: InputMaybe<RolloverSetting>;
  savingsTarget?: InputMaybe<Scalars['Decimal']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateProfileInput = {
  country?: InputMaybe<Scalars['String']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateTransactionInput = {
  amount?: InputMaybe<Scalars['Decimal']['input']>;
  /** The version the edit is based on. */
  baseVersion: Scalars['Int']['input'];
  bookedOn?: InputMaybe<Scalars['Date']['input']>;
  categoryId?: InputMaybe<Scalars['String']['input']>;
  currency?: InputMaybe<Scalars['CurrencyCode']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  direction?: InputMaybe<TransactionDirection>;
  id: Scalars['ID']['input'];
  merchant?: InputMaybe<Scalars['String']['input']>;
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
};

export type UserPlan = 'PREMIUM' | 'STANDARD';

export type UserRole = 'ADMIN' | 'USER';
