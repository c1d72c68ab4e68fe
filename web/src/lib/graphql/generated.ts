/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** An invitation link’s token. */
export type AcceptHouseholdInviteInput = {
  /** The `token` parameter of the invitation link. */
  token: string;
};

/** Move an amount from one (category, day) to another of the same month; never from or to a past day. */
export type AdjustBudgetInput = {
  /** In the budget currency, more than zero and at most what the giving day has (exact). */
  amount: string;
  /** The category giving budget; it must be in the plan. */
  fromCategoryId: string;
  /** The day giving budget (local to the budget’s time zone); not a past day. */
  fromOn: string;
  /** Client-generated UUID, for offline replays. */
  id?: string | number | null | undefined;
  /** The category receiving it; it must be in the plan. */
  toCategoryId: string;
  /** The day receiving it, in the same month as `fromOn`; not a past day. */
  toOn: string;
};

/** How the person’s norm of a spending day was measured (days with day-to-day spending only: bills, savings and goals are left out). */
export type AnomalyMethod =
  /** Fallback when half the days or more cost the same (MAD 0): above mean + 2.5 × standard deviation. */
  | 'MEAN_SD'
  /** Robust: a day is unusual above median + 3.5 × MAD (the MAD scaled by 1.4826 to estimate a standard deviation). */
  | 'MEDIAN_MAD'
  /** Fewer than 5 spending days: nothing is judged yet. */
  | 'NOT_ENOUGH_DATA'
  /** Every spending day cost the same: nothing is unusual. */
  | 'NO_VARIATION';

/** How a category’s month amount is laid over the days. */
export type CategoryBehaviourSetting =
  /** Over a few spending days of the month (4 unless habits say). */
  | 'CLUSTERED'
  /** The whole amount on one due day; spending up to the month amount is covered whatever the day. */
  | 'FIXED'
  /** Over every day of the plan (the default). */
  | 'SPREAD';

/** Which categories give first when another overspends. */
export type CategoryPrioritySetting =
  /** Gives first, right after Flex. */
  | 'DISCRETIONARY'
  /** Gives after discretionary ones (the default for user-made categories). */
  | 'FLEXIBLE'
  /** Gives last, after flexible ones. */
  | 'PROTECTED'
  /** Never gives to another category; its unspent money does not roll over. */
  | 'SACRED';

/** What a challenge asks of the person over its days. */
export type ChallengeKind =
  /** Expenses in categoryIds add up to no more than the cap over all its days. */
  | 'CAP_IN_CATEGORIES'
  /** No expense outside categoryIds (the allowed ones) on any of its days; bills, savings and goal contributions never count. */
  | 'NO_SPEND_DAYS'
  /** No expense at all in categoryIds. */
  | 'NO_SPEND_IN_CATEGORIES';

/** Where an attempt stands. COMPLETED and FAILED are recorded the first time they are seen and never change. */
export type ChallengeStatus =
  /** Running (or about to start): nothing broke it yet. */
  | 'ACTIVE'
  /** Every day is over and the challenge held. */
  | 'COMPLETED'
  /** Spending broke it on failedOn. */
  | 'FAILED';

/** Why a challenge cannot be joined now. */
export type ChallengeUnavailableReason =
  /** This month’s plan gives the challenge’s categories nothing: nothing to cap. */
  | 'NOT_IN_PLAN'
  /** A capped challenge needs a budget: onboarding is not finished. */
  | 'NO_BUDGET';

/** A member whose role changes. */
export type ChangeHouseholdRoleInput = {
  /** The new role. */
  role: InvitableHouseholdRole;
  /** The member’s user id. */
  userId: string | number;
};

/** Which kind of record a change carries; the field of the same name is set. */
export type ChangeKind =
  /** A manual move of budget (`adjustment`). */
  | 'ADJUSTMENT'
  /** A user-made category (`category`). */
  | 'CATEGORY'
  /** One of your saved CSV column mappings (`csvMapping`); saving the same name again comes as an upsert of the same record, deleting it as a tombstone. */
  | 'CSV_MAPPING'
  /** A rate you entered (`exchangeRate`); entering the same pair and day again comes as an upsert of the same record. */
  | 'EXCHANGE_RATE'
  /** A savings goal (`goal`). */
  | 'GOAL'
  /** The person’s household with its members and roles (`household`); leaving it comes as a tombstone whose id is the household’s. */
  | 'HOUSEHOLD'
  /** A money account (`moneyAccount`), with its balance when it changed. */
  | 'MONEY_ACCOUNT'
  /** A month plan (`plan`). */
  | 'PLAN'
  /** A receipt whose status or linked transaction changed (`receipt`); only for tokens with process:receipts. */
  | 'RECEIPT'
  /** A recurring expense (`recurringTransaction`): created, edited, ended (`endOn` set) or posted (`postedThrough` moved). Never a tombstone: recurring expenses are ended, not deleted. */
  | 'RECURRING'
  /** A categorisation rule (`rule`); deleting it comes as a tombstone. */
  | 'RULE'
  /** The budget settings (`settings`). */
  | 'SETTINGS'
  /** A split payment (`split`); its parts come as TRANSACTION changes with `splitId`. */
  | 'SPLIT'
  /** A transaction (`transaction`). */
  | 'TRANSACTION'
  /** A transfer between two accounts (`transfer`). */
  | 'TRANSFER';

/** Transactions per day of a cluster against the person’s days with spending. */
export type ClusterActivity =
  /** At least 1.5 times as many transactions a day. */
  | 'BUSY'
  /** At most 1/1.5 as many transactions a day. */
  | 'QUIET'
  /** About as many transactions a day. */
  | 'TYPICAL';

/** When a cluster’s days fall. */
export type ClusterDayKind =
  /** Weekdays and weekends alike. */
  | 'MIXED'
  /** At most 10 % of its days are Saturdays or Sundays. */
  | 'WEEKDAY'
  /** At least 60 % of its days are Saturdays or Sundays. */
  | 'WEEKEND';

/** A cluster’s average ticket against the person’s average ticket. */
export type ClusterTicketSize =
  /** At least 1.6 times the person’s average ticket. */
  | 'LARGE'
  /** At most 1/1.6 of the person’s average ticket. */
  | 'SMALL'
  /** Close to the person’s average ticket. */
  | 'TYPICAL';

/** The person’s reviewed values of a receipt: they become one expense, booked on `bookedOn`. */
export type ConfirmReceiptInput = {
  /** The money account it was paid from (`accounts`); the default account when absent. Another person’s or an unknown id: NOT_FOUND (MONEY_ACCOUNT_NOT_FOUND), nothing booked. */
  accountId?: string | number | null | undefined;
  /** The total paid, positive, with at most the currency’s minor digits. */
  amount: string;
  /** The day to book it on (the receipt’s date). */
  bookedOn: string;
  /** A category id or alias (food → groceries). */
  categoryId: string;
  /** The amount’s currency; only the budget currency is accepted. */
  currency: string;
  /** Free text, at most 500 characters; empty when absent. */
  description?: string | null | undefined;
  /** Who was paid, 1–500 characters. */
  merchant: string;
  /** The receipt to confirm. */
  receiptId: string | number;
};

/** The size of a correlation coefficient in words, by |ρ|. */
export type CorrelationStrength =
  /** 0.4 to below 0.6. */
  | 'MODERATE'
  /** 0.6 to below 0.8. */
  | 'STRONG'
  /** 0.8 or more. */
  | 'VERY_STRONG'
  /** |ρ| below 0.2. */
  | 'VERY_WEAK'
  /** 0.2 to below 0.4. */
  | 'WEAK';

/** A new savings goal, ACTIVE unless a status is given. */
export type CreateGoalInput = {
  /** Client-generated UUID, for offline replays. */
  id?: string | number | null | undefined;
  /** What the person saves for, 1 to 100 characters (trimmed). */
  name: string;
  /** 1 (default) to 100. */
  priority?: number | null | undefined;
  /** ACTIVE when absent. */
  status?: GoalStatus | null | undefined;
  /** In the budget currency; more than zero. */
  target: string;
  /** Today or later. */
  targetOn?: string | null | undefined;
};

/** A new habit. */
export type CreateHabitInput = {
  /** Default DAILY. */
  frequency?: HabitFrequency | null | undefined;
  /** Client-generated UUID: replaying it returns the stored habit and changes nothing. */
  id?: string | number | null | undefined;
  /** What the habit is; 1 to 80 characters. */
  name: string;
  /** Default today; at most 366 days back, never in the future. */
  startedOn?: string | null | undefined;
  /** Check-ins per period: 1 (default) for daily, up to 7 weekly, up to 31 monthly. */
  timesPerPeriod?: number | null | undefined;
};

/** A new money account, in the budget currency. */
export type CreateMoneyAccountInput = {
  /** Client-generated UUID, for offline replays. */
  id?: string | number | null | undefined;
  /** What kind of account it is. */
  kind: MoneyAccountKind;
  /** 1 to 100 characters (trimmed). */
  name: string;
  /** The balance at the start of openingOn, exact; negative for money owed (cards, loans). 0 when absent. */
  openingBalance?: string | null | undefined;
  /** When the opening balance applies; today (budget time zone) when absent. */
  openingOn?: string | null | undefined;
};

/** An expense that repeats every N days, weeks (on a weekday), months (on a day, or the last day) or years (month and day). */
export type CreateRecurringTransactionInput = {
  /** The money account every occurrence moves (`accounts`); the default account when absent. Another person’s or an unknown id: NOT_FOUND (MONEY_ACCOUNT_NOT_FOUND); an archived one: BAD_USER_INPUT (RECURRING_ACCOUNT_ARCHIVED); nothing is written. */
  accountId?: string | number | null | undefined;
  /** In the budget currency. */
  amount: string;
  /** The category id or alias each occurrence is booked on. */
  categoryId: string;
  /** Required for WEEKLY, MONTHLY and YEARLY; ignored for DAILY and LAST_DAY_OF_MONTH. WEEKLY: weekday 0 Sunday … 6 Saturday; MONTHLY and YEARLY: day of the month 1–31. DAILY: 0 and LAST_DAY_OF_MONTH: 31 (unused). */
  dayNumber?: number | null | undefined;
  /** The description of each occurrence; empty when absent. */
  description?: string | null | undefined;
  /** Last possible occurrence; open when null. */
  endOn?: string | null | undefined;
  /** How often it repeats. */
  frequency: RecurringFrequency;
  /** Client-generated UUID, for offline replays. */
  id?: string | number | null | undefined;
  /** Every this many days, weeks, months or years (1–366); 1 when absent. */
  interval?: number | null | undefined;
  /** YEARLY only: the month, 1 January … 12 December; ignored otherwise. */
  monthOfYear?: number | null | undefined;
  /** First possible occurrence (and where "every N" counts from). Occurrences already due are posted at once, so it may reach at most 366 days before today; older ones are refused (BAD_USER_INPUT): book those as transactions. */
  startOn: string;
};

/** A new rule; it is tried last unless a position is given. */
export type CreateRuleInput = {
  /** Only transactions of this money account. */
  accountId?: string | number | null | undefined;
  /** Tags to add, under the transaction tag rules (at most 20, 40 characters each). */
  addTags?: Array<string> | null | undefined;
  /** Client-generated UUID, for offline replays. */
  id?: string | number | null | undefined;
  /** Only amounts at most this, in the budget currency; not below minAmount. */
  maxAmount?: string | null | undefined;
  /** Only amounts at least this, in the budget currency (exact, never rounded). */
  minAmount?: string | null | undefined;
  /** Where it goes in the order (0 first; past the end: last). */
  position?: number | null | undefined;
  /** The payee name to write, 1 to 100 characters. */
  renameMerchant?: string | null | undefined;
  /** The category to set: an id or alias the person may book on. */
  setCategoryId?: string | null | undefined;
  /** CONTAINS when absent. */
  textMatch?: RuleTextMatch | null | undefined;
  /** A phrase or glob, 1 to 100 characters, no control characters; compared without case or accents. */
  textPattern?: string | null | undefined;
};

/** A payment across several categories: 2 to 20 parts whose amounts add up to the total exactly. */
export type CreateSplitTransactionInput = {
  /** A date picked in the UI; else derived from occurredAt in the budget’s time zone. */
  bookedOn?: string | null | undefined;
  /** Defaults to the budget currency; any other currency is refused. */
  currency?: string | null | undefined;
  /** Free text about the payment, at most 500 characters. */
  description?: string | null | undefined;
  /** Client-generated UUID: replaying the create changes nothing. */
  id?: string | number | null | undefined;
  /** Default now. */
  occurredAt?: string | null | undefined;
  /** The parts, in the order they are shown. */
  parts: Array<SplitPartInput>;
  /** Who was paid (each part’s merchant), at most 500 characters. */
  payee?: string | null | undefined;
  /** A plain transaction of yours that this split takes the place of: it is deleted in the same write. */
  replacesTransactionId?: string | number | null | undefined;
  /** What was paid in all: positive, in the budget currency (never rounded). */
  total: string;
};

/** A new transaction. It is booked on a local day of the budget’s time zone and recomputes that month. */
export type CreateTransactionInput = {
  /** The money account it moved (`accounts`); the default account when absent. Another person’s or an unknown id: NOT_FOUND. */
  accountId?: string | number | null | undefined;
  /** Positive, in the budget currency, with at most its minor digits (never rounded). Required unless the transaction was paid in another currency (paidAmount and paidCurrency). */
  amount?: string | null | undefined;
  /** A date picked in the UI; else derived from occurredAt in the budget’s time zone. Without occurredAt the instant is the start of that local day. */
  bookedOn?: string | null | undefined;
  /** A category id or alias (food → groceries). Absent or null: the person’s rules decide, then the merchant dictionary, then Flex. */
  categoryId?: string | null | undefined;
  /** The currency of `amount`: the budget currency (the default); any other is refused with CURRENCY_MISMATCH. For an amount paid in another currency use paidAmount and paidCurrency. */
  currency?: string | null | undefined;
  /** Free text, at most 500 characters; empty when absent. */
  description?: string | null | undefined;
  /** Default EXPENSE. */
  direction?: TransactionDirection | null | undefined;
  /** Client-generated UUID: replaying the create changes nothing. */
  id?: string | number | null | undefined;
  /** Who was paid, at most 500 characters. */
  merchant?: string | null | undefined;
  /** Default now. */
  occurredAt?: string | null | undefined;
  /** Paid in another currency: the amount as paid, positive, with at most that currency’s minor digits. It is converted into the budget currency at the rate of the booking date (docs/currencies.md); leave `amount` out. */
  paidAmount?: string | null | undefined;
  /** The currency paidAmount is in. The budget currency books paidAmount as a plain amount. */
  paidCurrency?: string | null | undefined;
  /** The rate a card statement printed for this line (budget-currency units per one paid unit); used instead of a looked-up rate. */
  paidRate?: string | null | undefined;
  /** Free tags (trimmed, lower-cased, inner spaces collapsed, a leading # removed, duplicates merged; each 1 to 40 characters, at most 20); none when absent. */
  tags?: Array<string> | null | undefined;
};

/** Money moved between two of the person’s accounts. */
export type CreateTransferInput = {
  /** Positive, in the budget currency, with at most its minor digits. */
  amount: string;
  /** The account the money leaves. */
  fromAccountId: string | number;
  /** Client-generated UUID, for offline replays. */
  id?: string | number | null | undefined;
  /** Free text, at most 500 characters. */
  note?: string | null | undefined;
  /** The account the money goes to (another one). */
  toAccountId: string | number;
  /** The local day it happened; today (budget time zone) when absent. */
  transferredOn?: string | null | undefined;
};

/** Where each field is: a header name, or a 0-based column number as text. */
export type CsvColumnMappingInput = {
  /** A signed amount; else map debit and credit. */
  amount?: string | null | undefined;
  /** A category id or alias; empty is Flex. */
  category?: string | null | undefined;
  /** The column of money coming in, unsigned (with `debit`, instead of `amount`). */
  credit?: string | null | undefined;
  /** The column of the booking date. */
  date: string;
  /** The column of money going out, unsigned (with `credit`, instead of `amount`). */
  debit?: string | null | undefined;
  /** The bank’s own transaction id. */
  externalId?: string | null | undefined;
  /** The column of a free-text memo. */
  memo?: string | null | undefined;
  /** The amount as paid in another currency (a card line); with `originalCurrencyCode` and `rate`. */
  originalAmount?: string | null | undefined;
  /** The column of the ISO 4217 code the line was paid in; an empty cell or the budget’s code is a plain line. */
  originalCurrencyCode?: string | null | undefined;
  /** The column of the payee (merchant). */
  payee?: string | null | undefined;
  /** The statement’s rate: budget-currency units for one unit of `originalCurrencyCode`, exact. */
  rate?: string | null | undefined;
};

/** How to read a CSV file. */
export type CsvImportOptionsInput = {
  /** Which column holds which field. */
  columns: CsvColumnMappingInput;
  /** The field separator, e.g. "," or ";". */
  delimiter?: string;
  /** Whether the first line holds column names (then columns may name them). */
  hasHeader?: boolean;
};

/** The character between whole units and decimals in the file’s amounts. */
export type DecimalSeparator =
  /** 1234,56 */
  | 'COMMA'
  /** 1234.56 */
  | 'DOT';

/** Where an exchange rate came from (docs/currencies.md). */
export type ExchangeRateSource =
  /** The European Central Bank’s daily reference rates (through the euro). */
  | 'ECB'
  /** A rate entered with `setExchangeRate`: yours, or in a household a member’s (see `ExchangeRate.enteredByYou`). */
  | 'MANUAL'
  /** The rate a card statement printed for the transaction. */
  | 'STATEMENT';

/** A service outside Pace the server depends on. */
export type ExternalServiceName =
  /** Push to the mobile app through FCM (FIREBASE_SERVICE_ACCOUNT_FILE). */
  | 'FCM'
  /** Continue with Google (GOOGLE_CLIENT_ID, GOOGLE_JWKS_URL). */
  | 'GOOGLE_SIGN_IN'
  /** The OpenAI-compatible model writing the day’s advice (OPENAI_*). */
  | 'OPENAI'
  /** The mail relay (SMTP_URL); without it mail is logged (and filed). */
  | 'SMTP'
  /** Receipt OCR through Google Cloud Vision (OCR_PROVIDER=vision, or GOOGLE_APPLICATION_CREDENTIALS with OCR_PROVIDER unset); the last error is the last receipt job that failed. */
  | 'VISION'
  /** Web Push notifications (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY). */
  | 'WEB_PUSH';

/** Only an ACTIVE goal reserves money in the plan. */
export type GoalStatus =
  /** Being saved for; with a target date it reserves money in the plan. */
  | 'ACTIVE'
  /** Given up; reserves nothing. Its contributions stay in the ledger. */
  | 'CANCELLED'
  /** Marked done by the person; reserves nothing. */
  | 'COMPLETED'
  /** Kept, but reserves nothing until made ACTIVE again. */
  | 'PAUSED';

/** Premium for a person, granted by an admin. */
export type GrantPremiumInput = {
  /** When it ends (in the future); null or absent for no end. Granting again replaces it. */
  until?: string | null | undefined;
  /** The person’s account id. */
  userId: string | number;
};

/** The period a habit is judged over: a local day, a week starting on Monday, or a calendar month. */
export type HabitFrequency =
  /** Every local day. */
  | 'DAILY'
  /** Each calendar month. */
  | 'MONTHLY'
  /** Each week, Monday to Sunday. */
  | 'WEEKLY';

/** A part of the financial health score. */
export type HealthComponentKind =
  /** Weight 20: fixed bills against income; full marks up to 50 %, none from 80 %, linear between. */
  | 'BILLS'
  /** Weight 20: the share of the month’s overspending covered from other money (Flex, donors) rather than left as a deficit; full marks without overspending. */
  | 'BUFFER'
  /** Weight 30: the share of finished plan days on which every category stayed green. */
  | 'DAYS_WITHIN_BUDGET'
  /** Weight 30: the month’s savings rate, (income − spending) / income with spending projected to the month’s end as if the rest goes to plan, against the person’s savings target (10 % without one). */
  | 'SAVINGS';

/** What a person may do in a household’s shared budget. */
export type HouseholdRole =
  /** Reads and changes the shared budget: books transactions, plans. */
  | 'MEMBER'
  /** Whose budget is shared; invites, changes roles and removes members. Exactly one. */
  | 'OWNER'
  /** Reads the shared budget; every change is refused (FORBIDDEN). */
  | 'VIEWER';

/** How the file writes its dates. */
export type ImportDateFormat =
  /** 31/03/2026 */
  | 'DD_MM_YYYY'
  /** 31.03.2026 */
  | 'DD_MM_YYYY_DOTS'
  /** 03/31/2026 */
  | 'MM_DD_YYYY'
  /** 2026-03-31 */
  | 'YYYY_MM_DD';

/** The kind of bank file. */
export type ImportFormat =
  /** ISO 20022 bank-to-customer statement (camt.053, versions .02 to .08), as European banks export it; booked entries only, a batch split into its transactions. */
  | 'CAMT053'
  /** Comma- or otherwise-separated values; needs `csv` column mapping. */
  | 'CSV'
  /** SWIFT MT940 statement, one or more in a file; German banks’ structured :86: purpose and payee are read. */
  | 'MT940'
  /** Open Financial Exchange, as banks export it. */
  | 'OFX'
  /** Quicken’s OFX. */
  | 'QFX'
  /** Quicken Interchange Format. */
  | 'QIF';

/** What an import does with rows it cannot read. */
export type ImportMode =
  /** Bad rows are skipped and reported. */
  | 'LENIENT'
  /** Any bad row: nothing is imported. */
  | 'STRICT';

/** What became of one row of the file. */
export type ImportRowStatus =
  /** Unreadable or invalid; `reason` says why. */
  | 'FAILED'
  /** Booked as a transaction. */
  | 'IMPORTED'
  /** Would be imported (a preview, or a strict import refused). */
  | 'READY'
  /** A duplicate, or an entry the bank has not booked yet; `reason` says which. */
  | 'SKIPPED';

/** Where an import is: run in the request (DONE), or a job QUEUED, RUNNING, DONE or FAILED. */
export type ImportStatus =
  /** Finished: the counts and rows are final. */
  | 'DONE'
  /** A large import that stopped; see `failure`. */
  | 'FAILED'
  /** A large import waiting for a job worker. */
  | 'QUEUED'
  /** A large import being imported; see `progress`. */
  | 'RUNNING';

/** A bank file to preview or import. Amounts are read exactly in the budget currency; dates are local days. */
export type ImportTransactionsInput = {
  /** The money account the whole file is booked into (`accounts`); the default account when absent. Another person’s or an unknown id: NOT_FOUND (MONEY_ACCOUNT_NOT_FOUND), nothing imported. */
  accountId?: string | number | null | undefined;
  /** The file’s text, at most 5 MB. */
  content: string;
  /** Required for CSV. */
  csv?: CsvImportOptionsInput | null | undefined;
  /** CSV and QIF. */
  dateFormat?: ImportDateFormat;
  /** CSV and QIF. */
  decimalSeparator?: DecimalSeparator;
  /** The kind of file. */
  format: ImportFormat;
  /** Client-generated UUID: replaying the import returns its report and imports nothing twice. */
  importId: string | number;
  /** All or nothing (STRICT), or skip bad rows (LENIENT). */
  mode?: ImportMode;
  /** Preview only: how many rows to show (default 20, at most 200). */
  previewRows?: number | null | undefined;
  /** CSV amounts. */
  signConvention?: SignConvention;
};

/** A loan or purchase repaid in equal monthly payments, in the person’s budget currency. */
export type InstallmentPlanInput = {
  /** The annual percentage rate in percent, e.g. "12" or "7.99": 0 to 100, at most 4 decimals. 0 splits the principal exactly. */
  apr: string;
  /** The day of the first payment; the others fall on the same day of later months (clamped to a short month’s end). Default: the same day next month, in the budget’s time zone. */
  firstPaymentOn?: string | null | undefined;
  /** How many monthly payments: 1 to 600. */
  months: number;
  /** The amount borrowed, in the budget currency: more than 0, with no more decimals than the currency has. */
  principal: string;
};

/** How risky taking on an installment looks against the person’s plan. */
export type InstallmentRiskLevel =
  /** Beyond what the income can safely carry (debt-to-income above 43 %, …). */
  | 'HIGH'
  /** Comfortably within the income. */
  | 'LOW'
  /** Affordable, but it leaves less room: think it over. */
  | 'MEDIUM';

/** What a reason of a verdict judged. */
export type InstallmentRiskReasonCode =
  /** Every monthly instalment, the new one included, as a share of income: LOW up to 36 %, MEDIUM up to 43 %, HIGH above. */
  | 'DEBT_TO_INCOME'
  /** What is already repaid each month (debt bills of the plan, recurring debt expenses): LOW up to 20 % of income, MEDIUM above. */
  | 'EXISTING_INSTALMENTS'
  /** The plan has no income to repay from: HIGH. */
  | 'NO_INCOME'
  /** The new monthly payment as a share of income: LOW up to 10 %, MEDIUM up to 20 %. */
  | 'PAYMENT_SHARE'
  /** Everything the plan repays against one month of income: LOW up to 6 months of income, MEDIUM above. */
  | 'TOTAL_VS_INCOME';

/** The roles an invitation or a role change may give (there is one owner). */
export type InvitableHouseholdRole =
  /** Reads and changes the shared budget. */
  | 'MEMBER'
  /** Reads the shared budget only. */
  | 'VIEWER';

/** Whom to invite into the caller’s household, and as what. */
export type InviteToHouseholdInput = {
  /** The e-mail address the link is sent to. */
  email: string;
  /** The role accepting gives; MEMBER when absent. */
  role?: InvitableHouseholdRole;
};

/** A job queue (each can get its own workers when scaled out). */
export type JobQueueName =
  /** E-mails (password resets and others). */
  | 'EMAIL'
  /** Bank-file imports. */
  | 'IMPORTS'
  /** Computed insights. */
  | 'INSIGHTS'
  /** Notifications to people. */
  | 'NOTIFICATIONS'
  /** Receipt reading. */
  | 'OCR'
  /** Periodic jobs: due recurring transactions, month plans. */
  | 'SCHEDULER'
  /** System checks. */
  | 'SYSTEM'
  /** Webhook deliveries to integrators’ endpoints. */
  | 'WEBHOOKS';

/** The mood of one local day; a second entry the same day replaces it. */
export type LogMoodInput = {
  /** Up to 40 characters. */
  label?: string | null | undefined;
  /** Up to 500 characters. */
  note?: string | null | undefined;
  /** Default today; at most 366 days back, never a day to come. */
  on?: string | null | undefined;
  /** 1 (very low) to 5 (very good). */
  score: number;
};

/** What kind of money an account holds. */
export type MoneyAccountKind =
  /** Notes and coins in hand. */
  | 'CASH'
  /** An everyday bank account. */
  | 'CHECKING'
  /** A credit card: its balance is usually negative (what is owed). */
  | 'CREDIT_CARD'
  /** A loan: its balance is negative (what is still owed). */
  | 'LOAN'
  /** A savings account. */
  | 'SAVINGS';

/** Whether a correlation could be reported. */
export type MoodCorrelationStatus =
  /** Fewer paired days than neededDays: keep recording moods. */
  | 'NOT_ENOUGH_DAYS'
  /** Mood or spending was the same every day, so there is nothing to correlate. */
  | 'NO_VARIATION'
  /** Enough paired days that vary: coefficient and strength are set. */
  | 'REPORTED';

/** What a notification is about; each type can be switched off in the settings. */
export type NotificationType =
  /** A recurring expense posts tomorrow (sent with the 08:00 local run the day before, once per recurring expense and date): `categoryName` is its description (or category), `date` its day, `amount` what it books. */
  | 'BILL_DUE'
  /** A category’s spending on a day reached 80, 90 or 100 % of its allocation. */
  | 'BUDGET_LEVEL'
  /** The month has overspend no other category could cover. */
  | 'DEFICIT'
  /** A goal’s savings crossed 25, 50, 75, 90 or 100 %. */
  | 'GOAL_MILESTONE'
  /** An expense above the large-transaction threshold. */
  | 'LARGE_TRANSACTION'
  /** The morning note at 08:00 local time: today’s budget and advice. */
  | 'MORNING'
  /** A category is spending fast enough to run out before the month ends (at most once a day per category). */
  | 'PACE'
  /** A webhook endpoint was switched off after failing for 3 days. */
  | 'WEBHOOK_DISABLED'
  /** 7, 14 or 30 days in a row at most 80 % of plan (at most once a week). */
  | 'WIN';

/** Switches one type of notification on or off. */
export type NotificationTypeSettingInput = {
  /** False: this type is neither stored nor sent. */
  enabled: boolean;
  /** The type. */
  type: NotificationType;
};

/** Whether the peer group was large enough to show anything. */
export type PeerComparisonStatus =
  /** Fewer than 20: nothing about the group is shown, not even how many it holds (neededPeers says how many are needed). */
  | 'NOT_ENOUGH_PEERS'
  /** At least 20 other people of the group spent that month. */
  | 'REPORTED';

/** Where the person’s share of a category falls among their peers’. */
export type PeerPosition =
  /** Above the peers’ upper quartile. */
  | 'ABOVE'
  /** Below the peers’ lower quartile. */
  | 'BELOW'
  /** Within the middle half of the peers (lower to upper quartile). */
  | 'WITHIN';

/** A browser’s push subscription, as PushSubscription.toJSON() gives it. */
export type PushSubscriptionKeysInput = {
  /** The subscription’s authentication secret (base64url). */
  auth: string;
  /** The subscription’s P-256 public key (base64url). */
  p256dh: string;
};

/** Why a receipt’s processing failed for good. */
export type ReceiptFailure =
  /** The stored image is gone; upload the photo again. */
  | 'IMAGE_MISSING'
  /** No text was found: the photo may be blurred, dark or not a receipt. */
  | 'NO_TEXT'
  /** The OCR engine failed on every attempt; reprocessing may help later. */
  | 'OCR_FAILED';

/** A field read from a receipt. */
export type ReceiptField =
  /** The budget category suggested. */
  | 'CATEGORY'
  /** The currency of the amounts. */
  | 'CURRENCY'
  /** The date printed on the receipt. */
  | 'DATE'
  /** Who was paid. */
  | 'MERCHANT'
  /** The tax included. */
  | 'TAX'
  /** The amount paid. */
  | 'TOTAL';

/** Where a receipt is, from upload to a booked transaction. */
export type ReceiptStatus =
  /** Booked as one transaction (transactionId). */
  | 'CONFIRMED'
  /** Dropped by the person; its image is deleted. */
  | 'DISCARDED'
  /** Could not be read (failureCode says why); reprocess it, or confirm values typed by hand. */
  | 'FAILED'
  /** Read: the fields await the person’s review and confirmReceipt. */
  | 'PROCESSED'
  /** Being read (OCR, then parsing); see progress and stage. */
  | 'PROCESSING'
  /** Stored; its processing job is queued. */
  | 'UPLOADED';

/** How often a recurring expense is booked. Occurrences are local dates in the budget time zone (a DST change never moves one); "every N" (`interval`) counts from the first day of the rule. */
export type RecurringFrequency =
  /** Every `interval` days; `dayNumber` is unused (0). */
  | 'DAILY'
  /** Every `interval` months, on the month’s last day; `dayNumber` reads 31. */
  | 'LAST_DAY_OF_MONTH'
  /** Every `interval` months, on day `dayNumber` (1–31); a day past the month’s end falls on its last day (31 → 30 April, 28 or 29 February). */
  | 'MONTHLY'
  /** Every `interval` weeks, on weekday `dayNumber` (0 Sunday … 6 Saturday); once a week when interval is 1. */
  | 'WEEKLY'
  /** Every `interval` years, on `monthOfYear` and day `dayNumber`; 29 February falls on 28 February in common years. */
  | 'YEARLY';

/** Registers a browser for Web Push. */
export type RegisterPushSubscriptionInput = {
  /** The push service URL the browser was given (https). */
  endpoint: string;
  /** The subscription’s keys. */
  keys: PushSubscriptionKeysInput;
};

/** Where a finished day’s underspend goes (in categories that are neither fixed nor sacred). */
export type RolloverSetting =
  /** To the same category’s next day. */
  | 'NEXT_DAY'
  /** Into savings. */
  | 'SAVINGS'
  /** Over the same category’s remaining days of the month (the default). */
  | 'SPREAD';

/** A rule’s conditions and actions: at least one condition (textPattern, an amount bound or accountId) and one action (setCategoryId, renameMerchant or addTags). Absent and null fields mean none. */
export type RuleDefinitionInput = {
  /** Only transactions of this money account. */
  accountId?: string | number | null | undefined;
  /** Tags to add, under the transaction tag rules (at most 20, 40 characters each). */
  addTags?: Array<string> | null | undefined;
  /** Only amounts at most this, in the budget currency; not below minAmount. */
  maxAmount?: string | null | undefined;
  /** Only amounts at least this, in the budget currency (exact, never rounded). */
  minAmount?: string | null | undefined;
  /** The payee name to write, 1 to 100 characters. */
  renameMerchant?: string | null | undefined;
  /** The category to set: an id or alias the person may book on. */
  setCategoryId?: string | null | undefined;
  /** CONTAINS when absent. */
  textMatch?: RuleTextMatch | null | undefined;
  /** A phrase or glob, 1 to 100 characters, no control characters; compared without case or accents. */
  textPattern?: string | null | undefined;
};

/** How a rule’s text compares with the payee and the description (case and accents ignored). */
export type RuleTextMatch =
  /** The phrase appears anywhere in the payee or the description. */
  | 'CONTAINS'
  /** The whole payee or description matches the pattern: `*` any run of characters, `?` one character (at most 8 `*`). */
  | 'GLOB';

/** How to read one bank’s CSV files, saved under a name; saving a name you already use replaces that mapping. */
export type SaveCsvMappingInput = {
  /** The money account this bank’s files are booked into (`accounts`), offered again with the mapping; the default account when absent. Another person’s or an unknown id: NOT_FOUND (MONEY_ACCOUNT_NOT_FOUND), nothing saved. */
  accountId?: string | number | null | undefined;
  /** Which column holds which field. */
  columns: CsvColumnMappingInput;
  /** How the file writes its dates. */
  dateFormat?: ImportDateFormat;
  /** The decimal separator of the file’s amounts. */
  decimalSeparator?: DecimalSeparator;
  /** The field separator, e.g. "," or ";". */
  delimiter?: string;
  /** Whether the first line holds column names. */
  hasHeader?: boolean;
  /** The file’s header row, cell by cell: a file with the same header (spacing and case aside) is offered this mapping. */
  header: Array<string>;
  /** A name you will recognise, e.g. the bank; 1–60 characters. */
  name: string;
  /** Which sign of the amount column is money going out. */
  signConvention?: SignConvention;
};

/** A rate you know for a day; it wins over the ECB’s of that day. */
export type SetExchangeRateInput = {
  /** The currency converted from, e.g. JPY. */
  fromCurrency: string;
  /** Units of toCurrency for one unit of fromCurrency (e.g. "0.0062"): positive, at most 12 decimals. */
  rate: string;
  /** The local day the rate is for. */
  rateOn: string;
  /** The currency converted into; the budget currency when absent. */
  toCurrency?: string | null | undefined;
};

/** Creates a flag or changes the fields given (new flags start off). */
export type SetFeatureFlagInput = {
  /** Up to 500 characters. */
  description?: string | null | undefined;
  /** On for everyone. */
  enabled?: boolean | null | undefined;
  /** Lower-case words joined by dots, dashes or underscores; at most 64 characters. */
  key: string;
  /** 0–100. */
  rolloutPercent?: number | null | undefined;
};

/** One person’s override of a flag. */
export type SetUserFeatureFlagInput = {
  /** On or off for this person whatever the flag says; null removes the override. */
  enabled?: boolean | null | undefined;
  /** An existing flag’s key. */
  key: string;
  /** The person’s account id. */
  userId: string;
};

/** Which sign of a CSV amount column is money going out. */
export type SignConvention =
  /** Money out is negative, money in positive (most banks). */
  | 'NEGATIVE_IS_EXPENSE'
  /** Money out is positive, money in negative (e.g. credit-card statements). */
  | 'POSITIVE_IS_EXPENSE';

/** Whether the clusters are of the current ledger. */
export type SpendingClustersState =
  /** The ledger changed (or nothing was computed yet): a background job is computing the clusters; the fields show the previous result, or nothing. Ask again in a few seconds. */
  | 'COMPUTING'
  /** Computed from the ledger as it is now. */
  | 'READY';

/** Whether the ledger held enough spending to cluster. */
export type SpendingClustersStatus =
  /** Fewer than `neededTransactions` expenses (or fewer than 3 days with spending) in the year up to the latest one. */
  | 'NOT_ENOUGH_DATA'
  /** Clusters were found. */
  | 'OK';

/** Pace of spending against the plan: ratio = (spent / elapsed days) / (plan / plan days), judged from the third plan day. */
export type SpendingPaceLevel =
  /** At least twice the planned pace. */
  | 'CRITICAL'
  /** Below 1.2, or too early in the month to judge (before day 3). */
  | 'NONE'
  /** At least 1.5 times the planned pace. */
  | 'WARNING'
  /** At least 1.2 times the planned pace. */
  | 'WATCH';

/** One part of a split payment: a category and its share. */
export type SplitPartInput = {
  /** Positive, in the budget currency, with at most its minor digits (never rounded). */
  amount: string;
  /** A category id or alias; a goal’s category (`goal:<id>`) counts towards the goal. */
  categoryId: string;
  /** Client-generated UUID of the part’s transaction (for offline mirrors); in `updateSplit`, the id of a part to keep. Generated when absent. */
  id?: string | number | null | undefined;
  /** A note for this part (its description), at most 500 characters. */
  note?: string | null | undefined;
};

/** What a transaction write newly caused. */
export type TransactionAlertKind =
  /** A category’s spending on a day reached 80, 90 or 100 % of its allocation. */
  | 'BUDGET_LEVEL'
  /** The month now has overspend no other category could cover. */
  | 'DEFICIT'
  /** A goal’s savings crossed 25, 50, 75, 90 or 100 % of its target. */
  | 'GOAL_MILESTONE'
  /** An expense above the large-transaction threshold of the budget settings. */
  | 'LARGE_TRANSACTION'
  /** A category is spending fast enough to run out before the month ends (watch, warning, critical). */
  | 'PACE';

/** Which way the money moved; amounts are always positive. */
export type TransactionDirection =
  /** Money spent: counts against the category’s budget. */
  | 'EXPENSE'
  /** Money received; not spending. */
  | 'INCOME'
  /** Money moved rather than spent or earned (e.g. between own accounts). */
  | 'TRANSFER';

/** How a transaction entered the ledger. */
export type TransactionSource =
  /** Booked at a month’s close: what the month left unspent, moved into a goal as a transfer (docs/goals.md). */
  | 'GOAL_ROLLOVER'
  /** From a bank file imported with `importTransactions`. */
  | 'IMPORT'
  /** Entered with `createTransaction` or `contributeToGoal`. */
  | 'MANUAL'
  /** Entered with `quickExpense`. */
  | 'QUICK'
  /** From a scanned receipt, booked by `confirmReceipt`. */
  | 'RECEIPT'
  /** Booked by a recurring transaction on its due day. */
  | 'RECURRING';

/** How a category’s spending moved against the previous month: within 5 % of it (either way) is flat. */
export type TrendDirection =
  /** More than 5 % below the previous month’s comparable days. */
  | 'DOWN'
  /** Within 5 % of the previous month’s comparable days (or both nothing). */
  | 'FLAT'
  /** More than 5 % above the previous month’s comparable days. */
  | 'UP';

/** A change to the e-mail preferences: an absent field stays as it is. */
export type UpdateEmailPreferencesInput = {
  /** Notifications by e-mail on or off (also NotificationSettings.emailEnabled). */
  notifications?: boolean | null | undefined;
  /** Product news on or off. */
  productNews?: boolean | null | undefined;
};

/** Changes the given fields of a goal when baseVersion is current; targetOn: null removes the date. */
export type UpdateGoalInput = {
  /** The `version` the edit is based on; when stale nothing changes and `conflict` is true. */
  baseVersion: number;
  /** The goal to change. */
  id: string | number;
  /** A new name, 1 to 100 characters; unchanged when absent. */
  name?: string | null | undefined;
  /** A new priority, 1 to 100; unchanged when absent. */
  priority?: number | null | undefined;
  /** A new status; unchanged when absent. */
  status?: GoalStatus | null | undefined;
  /** A new target in the budget currency, more than zero; unchanged when absent. */
  target?: string | null | undefined;
  /** A new target day, today or later; null removes the date, absent keeps it. */
  targetOn?: string | null | undefined;
};

/** Changes the given fields of a habit; its check-ins stay. */
export type UpdateHabitInput = {
  /** A new period. */
  frequency?: HabitFrequency | null | undefined;
  /** The habit to change. */
  id: string | number;
  /** A new name; 1 to 80 characters. */
  name?: string | null | undefined;
  /** Check-ins per period (see CreateHabitInput). */
  timesPerPeriod?: number | null | undefined;
};

/** Changes the given fields of an account when baseVersion is current. */
export type UpdateMoneyAccountInput = {
  /** The `version` the edit is based on; when stale nothing changes and `conflict` is true. */
  baseVersion: number;
  /** The account to change. */
  id: string | number;
  /** Archive (true) or bring back (false); the default account cannot be archived. */
  isArchived?: boolean | null | undefined;
  /** A new kind. */
  kind?: MoneyAccountKind | null | undefined;
  /** A new name, 1 to 100 characters. */
  name?: string | null | undefined;
  /** A new opening balance, exact; may be negative. */
  openingBalance?: string | null | undefined;
  /** A new opening day. */
  openingOn?: string | null | undefined;
};

/** The settings to change; a field left out keeps its value. */
export type UpdateNotificationSettingsInput = {
  /** Also send each notification by e-mail. */
  emailEnabled?: boolean | null | undefined;
  /** Push to registered browsers and devices. */
  pushEnabled?: boolean | null | undefined;
  /** Quiet hours end, HH:MM local time (before the start: they span midnight). */
  quietHoursEnd?: string | null | undefined;
  /** Quiet hours start, HH:MM local time; give it with quietHoursEnd, or both null for none. */
  quietHoursStart?: string | null | undefined;
  /** Types to switch on or off; types not listed keep their setting. */
  types?: Array<NotificationTypeSettingInput> | null | undefined;
};

/** A change of a recurring transaction from a date on: occurrences before `from` keep the old rule (posted ones never change); absent fields keep their value. */
export type UpdateRecurringTransactionInput = {
  /** The money account the occurrences from `from` on move; the current one when absent (send the default account’s id to go back to it). Unknown or another person’s: NOT_FOUND (MONEY_ACCOUNT_NOT_FOUND); archived: BAD_USER_INPUT (RECURRING_ACCOUNT_ARCHIVED); nothing is written. */
  accountId?: string | number | null | undefined;
  /** The new amount of each occurrence, in the budget currency. */
  amount?: string | null | undefined;
  /** The new category id or alias. */
  categoryId?: string | null | undefined;
  /** The new day; required when the frequency changes to WEEKLY, MONTHLY or YEARLY. WEEKLY: weekday 0 Sunday … 6 Saturday; MONTHLY and YEARLY: day of the month 1–31. DAILY: 0 and LAST_DAY_OF_MONTH: 31 (unused). */
  dayNumber?: number | null | undefined;
  /** The new description of each occurrence. */
  description?: string | null | undefined;
  /** The new last possible occurrence (on or after `from`); the current one when absent. */
  endOn?: string | null | undefined;
  /** The new frequency. */
  frequency?: RecurringFrequency | null | undefined;
  /** The first local day (budget time zone) the change applies to. Must be after `postedThrough`: an earlier one would rewrite posted history (CONFLICT, reason RECURRING_HISTORY_LOCKED). */
  from: string;
  /** The recurring transaction’s id. */
  id: string | number;
  /** The new interval (1–366). */
  interval?: number | null | undefined;
  /** YEARLY: the new month (1–12). */
  monthOfYear?: number | null | undefined;
};

/** The whole rule as it should be (absent fields become none), when baseVersion is current. */
export type UpdateRuleInput = {
  /** Only transactions of this money account. */
  accountId?: string | number | null | undefined;
  /** Tags to add, under the transaction tag rules (at most 20, 40 characters each). */
  addTags?: Array<string> | null | undefined;
  /** The `version` the edit is based on; when stale nothing changes and `conflict` is true. */
  baseVersion: number;
  /** The rule to change. */
  id: string | number;
  /** Only amounts at most this, in the budget currency; not below minAmount. */
  maxAmount?: string | null | undefined;
  /** Only amounts at least this, in the budget currency (exact, never rounded). */
  minAmount?: string | null | undefined;
  /** The payee name to write, 1 to 100 characters. */
  renameMerchant?: string | null | undefined;
  /** The category to set: an id or alias the person may book on. */
  setCategoryId?: string | null | undefined;
  /** CONTAINS when absent. */
  textMatch?: RuleTextMatch | null | undefined;
  /** A phrase or glob, 1 to 100 characters, no control characters; compared without case or accents. */
  textPattern?: string | null | undefined;
};

/** A split’s new parts (the whole list: parts left out are deleted) and shared fields; an absent field stays as it is. */
export type UpdateSplitInput = {
  /** The `version` the edit is based on; when stale nothing changes and `conflict` is true. */
  baseVersion: number;
  /** A new local day for every part; it moves them to that month. */
  bookedOn?: string | null | undefined;
  /** Only the budget currency is accepted. */
  currency?: string | null | undefined;
  /** New free text. */
  description?: string | null | undefined;
  /** The split to change. */
  id: string | number;
  /** A new instant for every part. */
  occurredAt?: string | null | undefined;
  /** All the parts from now on; a part keeps its transaction when its id is given. */
  parts: Array<SplitPartInput>;
  /** A new payee; null clears it. */
  payee?: string | null | undefined;
  /** A new total; the parts must add up to it (or to the current one) exactly. */
  total?: string | null | undefined;
};

/** Changes to a transaction: an absent field stays as it is, and so does a null one except `merchant`. */
export type UpdateTransactionInput = {
  /** Moves it to this money account (`accounts`); unchanged when absent or null. Another person’s or an unknown id: NOT_FOUND. */
  accountId?: string | number | null | undefined;
  /** A new positive amount, in the budget currency (never rounded). */
  amount?: string | null | undefined;
  /** The `version` the edit is based on; when stale nothing changes and `conflict` is true. */
  baseVersion: number;
  /** A new local day, as picked in the UI; it moves the transaction to that month. */
  bookedOn?: string | null | undefined;
  /** A new category id or alias. */
  categoryId?: string | null | undefined;
  /** Only the budget currency is accepted (see paidCurrency for another one). */
  currency?: string | null | undefined;
  /** New free text, at most 500 characters. */
  description?: string | null | undefined;
  /** A new direction. */
  direction?: TransactionDirection | null | undefined;
  /** The transaction to change. */
  id: string | number;
  /** A new merchant, at most 500 characters; null clears it. */
  merchant?: string | null | undefined;
  /** A new instant; without bookedOn the local day is derived from it again. */
  occurredAt?: string | null | undefined;
  /** A new amount as paid, in paidCurrency (or the currency it was paid in); converted again at the booking date’s rate. Leave `amount` out. */
  paidAmount?: string | null | undefined;
  /** A new paid currency (give paidAmount with it); the budget currency makes it a plain transaction. */
  paidCurrency?: string | null | undefined;
  /** A card statement’s rate for this line (budget-currency units per one paid unit), used instead of a looked-up rate. */
  paidRate?: string | null | undefined;
  /** The whole new set of tags (trimmed, lower-cased, inner spaces collapsed, a leading # removed, duplicates merged; each 1 to 40 characters, at most 20); an empty list removes them all. */
  tags?: Array<string> | null | undefined;
};

/** The person’s subscription; decides the scopes of their next sign-in. */
export type UserPlan =
  /** Sign-ins also get the premium scopes (`premium:ai_insights`). */
  | 'PREMIUM'
  /** Every user scope except the premium ones. */
  | 'STANDARD';

export type AdminUsersQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;

export type AdminUsersQuery = {
  adminUsers: {
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        email: string;
        name: string;
        isAdmin: boolean;
        plan: UserPlan;
        isPremium: boolean;
        premiumUntil: string | null;
        lockedUntil: string | null;
        signInDelayedUntil: string | null;
        createdAt: string;
      };
    }>;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
};

export type AdminLockUserMutationVariables = Exact<{
  userId: string | number;
  until: string;
}>;

export type AdminLockUserMutation = {
  lockUserAccount: { user: { id: string; lockedUntil: string | null } };
};

export type AdminUnlockUserMutationVariables = Exact<{
  userId: string | number;
}>;

export type AdminUnlockUserMutation = {
  unlockUserAccount: { user: { id: string; lockedUntil: string | null } };
};

export type AdminRevokeUserSessionsMutationVariables = Exact<{
  userId: string | number;
}>;

export type AdminRevokeUserSessionsMutation = { signOutUser: { user: { id: string } } };

export type AdminDeleteUserMutationVariables = Exact<{
  userId: string | number;
}>;

export type AdminDeleteUserMutation = { deleteUserAccount: { deletedUserId: string } };

export type AdminGrantPremiumMutationVariables = Exact<{
  input: GrantPremiumInput;
}>;

export type AdminGrantPremiumMutation = {
  grantPremiumAccess: { entitlement: { userId: string; isPremium: boolean; until: string | null } };
};

export type AdminRevokePremiumMutationVariables = Exact<{
  userId: string | number;
}>;

export type AdminRevokePremiumMutation = {
  revokePremiumAccess: { entitlement: { userId: string; isPremium: boolean } };
};

export type AdminFeatureFlagsQueryVariables = Exact<{ [key: string]: never }>;

export type AdminFeatureFlagsQuery = {
  featureFlags: Array<{
    key: string;
    description: string;
    enabled: boolean;
    rolloutPercent: number;
    updatedAt: string;
  }>;
};

export type AdminSetFeatureFlagMutationVariables = Exact<{
  input: SetFeatureFlagInput;
}>;

export type AdminSetFeatureFlagMutation = { saveFeatureFlag: { featureFlag: { key: string } } };

export type AdminSetUserFeatureFlagMutationVariables = Exact<{
  input: SetUserFeatureFlagInput;
}>;

export type AdminSetUserFeatureFlagMutation = {
  overrideFeatureFlag: { featureFlag: { key: string } };
};

export type AdminDeleteFeatureFlagMutationVariables = Exact<{
  key: string;
}>;

export type AdminDeleteFeatureFlagMutation = { removeFeatureFlag: { removed: boolean } };

export type AdminQueuesQueryVariables = Exact<{ [key: string]: never }>;

export type AdminQueuesQuery = {
  adminQueues: Array<{
    name: JobQueueName;
    waiting: number;
    active: number;
    delayed: number;
    failed: number;
    recentFailures: Array<{
      id: string;
      name: string;
      reason: string;
      attemptsMade: number;
      failedAt: string | null;
    }>;
  }>;
};

export type AdminRetryFailedJobMutationVariables = Exact<{
  queue: JobQueueName;
  jobId: string;
}>;

export type AdminRetryFailedJobMutation = { requeueFailedJob: { jobId: string } };

export type AdminExternalServicesQueryVariables = Exact<{ [key: string]: never }>;

export type AdminExternalServicesQuery = {
  adminExternalServices: Array<{
    name: ExternalServiceName;
    isConfigured: boolean;
    mode: string;
    isReachable: boolean | null;
    checkedAt: string;
    lastError: string | null;
    lastErrorAt: string | null;
  }>;
};

export type AdminDatabaseQueryVariables = Exact<{ [key: string]: never }>;

export type AdminDatabaseQuery = {
  adminDatabase: {
    kind: string;
    totalBytes: number;
    isStatementStatisticsAvailable: boolean;
    statementStatisticsNote: string | null;
    tables: Array<{ name: string; totalBytes: number; rowEstimate: number }>;
    slowStatements: Array<{ query: string; calls: number; meanMs: number; totalMs: number }>;
  };
};

export type AdminStartEncryptionKeyRotationMutationVariables = Exact<{ [key: string]: never }>;

export type AdminStartEncryptionKeyRotationMutation = {
  startEncryptionKeyRotation: { jobId: string; activeKeyId: string };
};

export type ChallengeProgressFieldsFragment = {
  id: string;
  challengeId: string;
  title: string;
  status: ChallengeStatus;
  startsOn: string;
  endsOn: string;
  today: string;
  daysTotal: number;
  daysElapsed: number;
  daysKept: number;
  failedOn: string | null;
  used: { amount: string; currency: string };
  cap: { amount: string } | null;
};

export type ChallengeFieldsFragment = {
  id: string;
  kind: ChallengeKind;
  title: string;
  days: number;
  isAvailable: boolean;
  unavailableReason: ChallengeUnavailableReason | null;
  completedCount: number;
  cap: { amount: string; currency: string } | null;
  current: {
    id: string;
    challengeId: string;
    title: string;
    status: ChallengeStatus;
    startsOn: string;
    endsOn: string;
    today: string;
    daysTotal: number;
    daysElapsed: number;
    daysKept: number;
    failedOn: string | null;
    used: { amount: string; currency: string };
    cap: { amount: string } | null;
  } | null;
};

export type ChallengesQueryVariables = Exact<{ [key: string]: never }>;

export type ChallengesQuery = {
  challenges: Array<{
    id: string;
    kind: ChallengeKind;
    title: string;
    days: number;
    isAvailable: boolean;
    unavailableReason: ChallengeUnavailableReason | null;
    completedCount: number;
    cap: { amount: string; currency: string } | null;
    current: {
      id: string;
      challengeId: string;
      title: string;
      status: ChallengeStatus;
      startsOn: string;
      endsOn: string;
      today: string;
      daysTotal: number;
      daysElapsed: number;
      daysKept: number;
      failedOn: string | null;
      used: { amount: string; currency: string };
      cap: { amount: string } | null;
    } | null;
  }>;
};

export type MyChallengesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;

export type MyChallengesQuery = {
  myChallengesConnection: {
    edges: Array<{
      node: {
        id: string;
        challengeId: string;
        title: string;
        status: ChallengeStatus;
        startsOn: string;
        endsOn: string;
        today: string;
        daysTotal: number;
        daysElapsed: number;
        daysKept: number;
        failedOn: string | null;
        used: { amount: string; currency: string };
        cap: { amount: string } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type JoinChallengeMutationVariables = Exact<{
  challengeId: string | number;
}>;

export type JoinChallengeMutation = { startChallenge: { challenge: { id: string } } };

export type LeaveChallengeMutationVariables = Exact<{
  challengeId: string | number;
}>;

export type LeaveChallengeMutation = { giveUpChallenge: { challenge: { id: string } } };

export type ExchangeRatesQueryVariables = Exact<{
  currency: string;
  from: string;
  to: string;
}>;

export type ExchangeRatesQuery = {
  exchangeRates: Array<{
    fromCurrency: string;
    toCurrency: string;
    rateOn: string;
    rate: string;
    source: ExchangeRateSource;
    enteredByYou: boolean;
  }>;
};

export type RatesBudgetQueryVariables = Exact<{ [key: string]: never }>;

export type RatesBudgetQuery = { budgetSettings: { currency: string; timeZone: string } | null };

export type SetExchangeRateMutationVariables = Exact<{
  input: SetExchangeRateInput;
}>;

export type SetExchangeRateMutation = {
  setExchangeRate: {
    exchangeRate: {
      fromCurrency: string;
      toCurrency: string;
      rateOn: string;
      rate: string;
      source: ExchangeRateSource;
    };
  };
};

export type EmailStatusQueryVariables = Exact<{ [key: string]: never }>;

export type EmailStatusQuery = { me: { id: string; email: string; emailVerified: boolean } };

export type ResendVerificationMutationVariables = Exact<{ [key: string]: never }>;

export type ResendVerificationMutation = {
  resendVerification: { alreadyVerified: boolean; sentTo: string | null };
};

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;

export type VerifyEmailMutation = { verifyEmail: { email: string; verifiedAt: string } };

export type EmailPreferencesQueryVariables = Exact<{ [key: string]: never }>;

export type EmailPreferencesQuery = {
  emailPreferences: { notifications: boolean; productNews: boolean };
};

export type UpdateEmailPreferencesMutationVariables = Exact<{
  input: UpdateEmailPreferencesInput;
}>;

export type UpdateEmailPreferencesMutation = {
  updateEmailPreferences: { emailPreferences: { notifications: boolean; productNews: boolean } };
};

export type HouseholdFieldsFragment = {
  id: string;
  ownerId: string;
  viewerRole: HouseholdRole;
  version: number;
  updatedAt: string;
  members: Array<{ userId: string; name: string; email: string; role: HouseholdRole }>;
  invites: Array<{ id: string; email: string; role: InvitableHouseholdRole; expiresAt: string }>;
};

export type HouseholdQueryVariables = Exact<{
  month: string;
}>;

export type HouseholdQuery = {
  household: {
    id: string;
    ownerId: string;
    viewerRole: HouseholdRole;
    version: number;
    updatedAt: string;
    spending: Array<{
      userId: string;
      name: string;
      count: number;
      spent: { amount: string; currency: string } | null;
    }>;
    members: Array<{ userId: string; name: string; email: string; role: HouseholdRole }>;
    invites: Array<{ id: string; email: string; role: InvitableHouseholdRole; expiresAt: string }>;
  } | null;
};

export type InviteToHouseholdMutationVariables = Exact<{
  input: InviteToHouseholdInput;
}>;

export type InviteToHouseholdMutation = {
  inviteToHousehold: {
    invite: { id: string; email: string };
    household: {
      id: string;
      ownerId: string;
      viewerRole: HouseholdRole;
      version: number;
      updatedAt: string;
      members: Array<{ userId: string; name: string; email: string; role: HouseholdRole }>;
      invites: Array<{
        id: string;
        email: string;
        role: InvitableHouseholdRole;
        expiresAt: string;
      }>;
    };
  };
};

export type AcceptHouseholdInviteMutationVariables = Exact<{
  input: AcceptHouseholdInviteInput;
}>;

export type AcceptHouseholdInviteMutation = {
  acceptHouseholdInvite: {
    household: {
      id: string;
      ownerId: string;
      viewerRole: HouseholdRole;
      version: number;
      updatedAt: string;
      members: Array<{ userId: string; name: string; email: string; role: HouseholdRole }>;
      invites: Array<{
        id: string;
        email: string;
        role: InvitableHouseholdRole;
        expiresAt: string;
      }>;
    };
  };
};

export type ChangeHouseholdMemberRoleMutationVariables = Exact<{
  input: ChangeHouseholdRoleInput;
}>;

export type ChangeHouseholdMemberRoleMutation = {
  changeHouseholdMemberRole: {
    household: {
      id: string;
      ownerId: string;
      viewerRole: HouseholdRole;
      version: number;
      updatedAt: string;
      members: Array<{ userId: string; name: string; email: string; role: HouseholdRole }>;
      invites: Array<{
        id: string;
        email: string;
        role: InvitableHouseholdRole;
        expiresAt: string;
      }>;
    };
  };
};

export type RemoveHouseholdMemberMutationVariables = Exact<{
  userId: string | number;
}>;

export type RemoveHouseholdMemberMutation = {
  removeHouseholdMember: {
    household: {
      id: string;
      ownerId: string;
      viewerRole: HouseholdRole;
      version: number;
      updatedAt: string;
      members: Array<{ userId: string; name: string; email: string; role: HouseholdRole }>;
      invites: Array<{
        id: string;
        email: string;
        role: InvitableHouseholdRole;
        expiresAt: string;
      }>;
    };
  };
};

export type RevokeHouseholdInviteMutationVariables = Exact<{
  id: string | number;
}>;

export type RevokeHouseholdInviteMutation = {
  revokeHouseholdInvite: {
    household: {
      id: string;
      ownerId: string;
      viewerRole: HouseholdRole;
      version: number;
      updatedAt: string;
      members: Array<{ userId: string; name: string; email: string; role: HouseholdRole }>;
      invites: Array<{
        id: string;
        email: string;
        role: InvitableHouseholdRole;
        expiresAt: string;
      }>;
    };
  };
};

export type LeaveHouseholdMutationVariables = Exact<{ [key: string]: never }>;

export type LeaveHouseholdMutation = { leaveHousehold: { left: boolean } };

export type SpendingInsightsQueryVariables = Exact<{
  month?: string | null | undefined;
}>;

export type SpendingInsightsQuery = {
  spendingInsights: {
    month: string;
    today: string;
    isInProgress: boolean;
    trendMonths: Array<string>;
    total: { amount: string; currency: string };
    breakdown: Array<{
      categoryId: string;
      categoryName: string;
      shareBasisPoints: number;
      share: number;
      amount: { amount: string };
    }>;
    trends: Array<{
      categoryId: string;
      categoryName: string;
      direction: TrendDirection;
      series: Array<{ month: string; amount: { amount: string } }>;
      current: { amount: string };
      previous: { amount: string };
      change: { amount: string };
    }>;
    pace: {
      level: SpendingPaceLevel;
      ratio: number | null;
      runOutOn: string | null;
      spent: { amount: string };
      plan: { amount: string };
      expectedToDate: { amount: string };
      ahead: { amount: string };
    } | null;
    anomalies: {
      method: AnomalyMethod;
      daysInNorm: number;
      neededDays: number;
      days: Array<{ date: string; amount: { amount: string }; aboveTypical: { amount: string } }>;
    };
    drift: {
      previousMonth: string;
      distanceBasisPoints: number | null;
      categories: Array<{
        categoryId: string;
        categoryName: string;
        previousShareBasisPoints: number;
        currentShareBasisPoints: number;
        isNotable: boolean;
      }>;
    };
    health: {
      score: number | null;
      components: Array<{
        kind: HealthComponentKind;
        weight: number;
        value: number | null;
        points: number;
        ratio: number | null;
        target: number;
      }>;
    } | null;
  };
};

export type PeerComparisonQueryVariables = Exact<{
  month?: string | null | undefined;
}>;

export type PeerComparisonQuery = {
  peerComparison: {
    status: PeerComparisonStatus;
    neededPeers: number;
    region: string;
    categories: Array<{
      categoryId: string;
      categoryName: string;
      yourShareBasisPoints: number;
      lowerQuartileBasisPoints: number;
      medianBasisPoints: number;
      upperQuartileBasisPoints: number;
      position: PeerPosition;
    }>;
  };
};

export type SpendingClustersQueryVariables = Exact<{ [key: string]: never }>;

export type SpendingClustersQuery = {
  spendingClusters: {
    state: SpendingClustersState;
    status: SpendingClustersStatus | null;
    transactionCount: number;
    neededTransactions: number;
    dayCount: number;
    clusters: Array<{
      name: string;
      dominantCategoryId: string;
      dominantCategoryName: string;
      dayKind: ClusterDayKind;
      ticketSize: ClusterTicketSize;
      activity: ClusterActivity;
      dayCount: number;
      transactionCount: number;
      weekendShareBasisPoints: number;
      total: { amount: string; currency: string };
      averageTicket: { amount: string };
    }>;
  };
};

export type MoodSpendingQueryVariables = Exact<{ [key: string]: never }>;

export type MoodSpendingQuery = {
  moodSpendingCorrelation: {
    from: string;
    to: string;
    status: MoodCorrelationStatus;
    pairedDays: number;
    neededDays: number;
    coefficient: number | null;
    strength: CorrelationStrength | null;
    points: Array<{ on: string; score: number; spent: { amount: string; currency: string } }>;
  };
};

export type InstallmentPlanQueryVariables = Exact<{
  input: InstallmentPlanInput;
}>;

export type InstallmentPlanQuery = {
  installmentPlan: {
    months: number;
    monthlyPayment: { amount: string; currency: string };
    lastPayment: { amount: string };
    totalInterest: { amount: string };
    totalPaid: { amount: string };
    schedule: Array<{
      number: number;
      dueOn: string;
      payment: { amount: string };
      interest: { amount: string };
      principal: { amount: string };
      balance: { amount: string };
    }>;
    verdict: {
      level: InstallmentRiskLevel;
      reasons: Array<{
        code: InstallmentRiskReasonCode;
        level: InstallmentRiskLevel;
        ratio: string | null;
        amount: { amount: string };
      }>;
    };
  };
};

export type SyncMoneyAccountFieldsFragment = {
  id: string;
  name: string;
  kind: MoneyAccountKind;
  currency: string;
  openingOn: string | null;
  isDefault: boolean;
  isArchived: boolean;
  reconciledThrough: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  openingBalance: { amount: string; currency: string };
};

export type SyncTransferFieldsFragment = {
  id: string;
  fromAccountId: string;
  toAccountId: string;
  transferredOn: string;
  note: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  amount: { amount: string; currency: string };
};

export type SyncCreateMoneyAccountMutationVariables = Exact<{
  input: CreateMoneyAccountInput;
}>;

export type SyncCreateMoneyAccountMutation = {
  createMoneyAccount: {
    conflict: boolean;
    account: {
      id: string;
      name: string;
      kind: MoneyAccountKind;
      currency: string;
      openingOn: string | null;
      isDefault: boolean;
      isArchived: boolean;
      reconciledThrough: string | null;
      version: number;
      createdAt: string;
      updatedAt: string;
      openingBalance: { amount: string; currency: string };
    };
  };
};

export type SyncUpdateMoneyAccountMutationVariables = Exact<{
  input: UpdateMoneyAccountInput;
}>;

export type SyncUpdateMoneyAccountMutation = {
  updateMoneyAccount: {
    conflict: boolean;
    account: {
      id: string;
      name: string;
      kind: MoneyAccountKind;
      currency: string;
      openingOn: string | null;
      isDefault: boolean;
      isArchived: boolean;
      reconciledThrough: string | null;
      version: number;
      createdAt: string;
      updatedAt: string;
      openingBalance: { amount: string; currency: string };
    };
  };
};

export type SyncCreateTransferMutationVariables = Exact<{
  input: CreateTransferInput;
}>;

export type SyncCreateTransferMutation = {
  createTransfer: {
    conflict: boolean;
    transfer: {
      id: string;
      fromAccountId: string;
      toAccountId: string;
      transferredOn: string;
      note: string;
      version: number;
      createdAt: string;
      updatedAt: string;
      deletedAt: string | null;
      amount: { amount: string; currency: string };
    };
  };
};

export type SyncDeleteTransferMutationVariables = Exact<{
  id: string | number;
}>;

export type SyncDeleteTransferMutation = {
  deleteTransfer: {
    conflict: boolean;
    transfer: {
      id: string;
      fromAccountId: string;
      toAccountId: string;
      transferredOn: string;
      note: string;
      version: number;
      createdAt: string;
      updatedAt: string;
      deletedAt: string | null;
      amount: { amount: string; currency: string };
    };
  };
};

export type AccountsQueryVariables = Exact<{ [key: string]: never }>;

export type AccountsQuery = {
  accounts: {
    nodes: Array<{
      id: string;
      name: string;
      kind: MoneyAccountKind;
      currency: string;
      openingOn: string | null;
      isDefault: boolean;
      isArchived: boolean;
      reconciledThrough: string | null;
      version: number;
      createdAt: string;
      updatedAt: string;
      openingBalance: { amount: string; currency: string };
    }>;
  };
};

export type ReconcileAccountMutationVariables = Exact<{
  accountId: string | number;
  statementBalance: string;
  on: string;
}>;

export type ReconcileAccountMutation = {
  reconcileAccount: {
    reconciliation: {
      id: string;
      isReconciled: boolean;
      difference: { amount: string; currency: string };
    };
    account: {
      id: string;
      name: string;
      kind: MoneyAccountKind;
      currency: string;
      openingOn: string | null;
      isDefault: boolean;
      isArchived: boolean;
      reconciledThrough: string | null;
      version: number;
      createdAt: string;
      updatedAt: string;
      openingBalance: { amount: string; currency: string };
    };
  };
};

export type NotificationFieldsFragment = {
  id: string;
  type: NotificationType;
  categoryId: string | null;
  categoryName: string | null;
  date: string | null;
  level: number | null;
  spendingPace: SpendingPaceLevel | null;
  runOutOn: string | null;
  milestone: number | null;
  streakDays: number | null;
  advice: string | null;
  createdAt: string;
  readAt: string | null;
  amount: { amount: string; currency: string } | null;
  allocation: { amount: string; currency: string } | null;
};

export type NotificationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;

export type NotificationsQuery = {
  unreadNotificationCount: number;
  notificationsConnection: {
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        type: NotificationType;
        categoryId: string | null;
        categoryName: string | null;
        date: string | null;
        level: number | null;
        spendingPace: SpendingPaceLevel | null;
        runOutOn: string | null;
        milestone: number | null;
        streakDays: number | null;
        advice: string | null;
        createdAt: string;
        readAt: string | null;
        amount: { amount: string; currency: string } | null;
        allocation: { amount: string; currency: string } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never }>;

export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type MarkNotificationReadMutationVariables = Exact<{
  id: string | number;
}>;

export type MarkNotificationReadMutation = {
  markNotificationAsRead: { notification: { id: string; readAt: string | null } };
};

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never }>;

export type MarkAllNotificationsReadMutation = {
  markAllNotificationsAsRead: { markedCount: number };
};

export type NotificationSettingsFieldsFragment = {
  pushEnabled: boolean;
  emailEnabled: boolean;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  timeZone: string;
  pushPublicKey: string | null;
  types: Array<{ type: NotificationType; enabled: boolean }>;
};

export type NotificationSettingsQueryVariables = Exact<{ [key: string]: never }>;

export type NotificationSettingsQuery = {
  notificationSettings: {
    pushEnabled: boolean;
    emailEnabled: boolean;
    quietHoursStart: string | null;
    quietHoursEnd: string | null;
    timeZone: string;
    pushPublicKey: string | null;
    types: Array<{ type: NotificationType; enabled: boolean }>;
  };
};

export type UpdateNotificationSettingsMutationVariables = Exact<{
  input: UpdateNotificationSettingsInput;
}>;

export type UpdateNotificationSettingsMutation = {
  saveNotificationSettings: {
    notificationSettings: {
      pushEnabled: boolean;
      emailEnabled: boolean;
      quietHoursStart: string | null;
      quietHoursEnd: string | null;
      timeZone: string;
      pushPublicKey: string | null;
      types: Array<{ type: NotificationType; enabled: boolean }>;
    };
  };
};

export type RegisterPushSubscriptionMutationVariables = Exact<{
  input: RegisterPushSubscriptionInput;
}>;

export type RegisterPushSubscriptionMutation = {
  addPushSubscription: { pushSubscription: { id: string } };
};

export type UnregisterPushSubscriptionMutationVariables = Exact<{
  endpoint: string;
}>;

export type UnregisterPushSubscriptionMutation = { removePushSubscription: { removed: boolean } };

export type ReceiptFieldsFragment = {
  id: string;
  status: ReceiptStatus;
  progress: number;
  stage: string | null;
  failureCode: ReceiptFailure | null;
  failureMessage: string | null;
  createdAt: string;
  needsReview: Array<ReceiptField>;
  transactionId: string | null;
  merchant: { value: string | null; confidence: number; needsReview: boolean } | null;
  date: { value: string | null; confidence: number; needsReview: boolean } | null;
  currencyRead: { value: string | null; confidence: number; needsReview: boolean } | null;
  total: {
    confidence: number;
    needsReview: boolean;
    value: { amount: string; currency: string } | null;
  } | null;
  tax: {
    confidence: number;
    needsReview: boolean;
    value: { amount: string; currency: string } | null;
  } | null;
  category: { value: string | null; confidence: number; needsReview: boolean } | null;
  items: Array<{
    description: string;
    quantity: number | null;
    amount: { amount: string; currency: string };
  }>;
};

export type ReceiptQueryVariables = Exact<{
  id: string | number;
}>;

export type ReceiptQuery = {
  receipt: {
    id: string;
    status: ReceiptStatus;
    progress: number;
    stage: string | null;
    failureCode: ReceiptFailure | null;
    failureMessage: string | null;
    createdAt: string;
    needsReview: Array<ReceiptField>;
    transactionId: string | null;
    merchant: { value: string | null; confidence: number; needsReview: boolean } | null;
    date: { value: string | null; confidence: number; needsReview: boolean } | null;
    currencyRead: { value: string | null; confidence: number; needsReview: boolean } | null;
    total: {
      confidence: number;
      needsReview: boolean;
      value: { amount: string; currency: string } | null;
    } | null;
    tax: {
      confidence: number;
      needsReview: boolean;
      value: { amount: string; currency: string } | null;
    } | null;
    category: { value: string | null; confidence: number; needsReview: boolean } | null;
    items: Array<{
      description: string;
      quantity: number | null;
      amount: { amount: string; currency: string };
    }>;
  } | null;
};

export type ReceiptsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ReceiptsQuery = {
  receipts: {
    nodes: Array<{
      id: string;
      status: ReceiptStatus;
      progress: number;
      stage: string | null;
      failureCode: ReceiptFailure | null;
      failureMessage: string | null;
      createdAt: string;
      needsReview: Array<ReceiptField>;
      transactionId: string | null;
      merchant: { value: string | null; confidence: number; needsReview: boolean } | null;
      date: { value: string | null; confidence: number; needsReview: boolean } | null;
      currencyRead: { value: string | null; confidence: number; needsReview: boolean } | null;
      total: {
        confidence: number;
        needsReview: boolean;
        value: { amount: string; currency: string } | null;
      } | null;
      tax: {
        confidence: number;
        needsReview: boolean;
        value: { amount: string; currency: string } | null;
      } | null;
      category: { value: string | null; confidence: number; needsReview: boolean } | null;
      items: Array<{
        description: string;
        quantity: number | null;
        amount: { amount: string; currency: string };
      }>;
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ReprocessReceiptMutationVariables = Exact<{
  id: string | number;
}>;

export type ReprocessReceiptMutation = {
  reprocessReceipt: {
    receipt: {
      id: string;
      status: ReceiptStatus;
      progress: number;
      stage: string | null;
      failureCode: ReceiptFailure | null;
      failureMessage: string | null;
      createdAt: string;
      needsReview: Array<ReceiptField>;
      transactionId: string | null;
      merchant: { value: string | null; confidence: number; needsReview: boolean } | null;
      date: { value: string | null; confidence: number; needsReview: boolean } | null;
      currencyRead: { value: string | null; confidence: number; needsReview: boolean } | null;
      total: {
        confidence: number;
        needsReview: boolean;
        value: { amount: string; currency: string } | null;
      } | null;
      tax: {
        confidence: number;
        needsReview: boolean;
        value: { amount: string; currency: string } | null;
      } | null;
      category: { value: string | null; confidence: number; needsReview: boolean } | null;
      items: Array<{
        description: string;
        quantity: number | null;
        amount: { amount: string; currency: string };
      }>;
    };
  };
};

export type ConfirmReceiptMutationVariables = Exact<{
  input: ConfirmReceiptInput;
}>;

export type ConfirmReceiptMutation = {
  confirmReceipt: {
    receipt: {
      id: string;
      status: ReceiptStatus;
      progress: number;
      stage: string | null;
      failureCode: ReceiptFailure | null;
      failureMessage: string | null;
      createdAt: string;
      needsReview: Array<ReceiptField>;
      transactionId: string | null;
      merchant: { value: string | null; confidence: number; needsReview: boolean } | null;
      date: { value: string | null; confidence: number; needsReview: boolean } | null;
      currencyRead: { value: string | null; confidence: number; needsReview: boolean } | null;
      total: {
        confidence: number;
        needsReview: boolean;
        value: { amount: string; currency: string } | null;
      } | null;
      tax: {
        confidence: number;
        needsReview: boolean;
        value: { amount: string; currency: string } | null;
      } | null;
      category: { value: string | null; confidence: number; needsReview: boolean } | null;
      items: Array<{
        description: string;
        quantity: number | null;
        amount: { amount: string; currency: string };
      }>;
    };
    transaction: { id: string };
  };
};

export type DiscardReceiptMutationVariables = Exact<{
  id: string | number;
}>;

export type DiscardReceiptMutation = {
  discardReceipt: {
    receipt: {
      id: string;
      status: ReceiptStatus;
      progress: number;
      stage: string | null;
      failureCode: ReceiptFailure | null;
      failureMessage: string | null;
      createdAt: string;
      needsReview: Array<ReceiptField>;
      transactionId: string | null;
      merchant: { value: string | null; confidence: number; needsReview: boolean } | null;
      date: { value: string | null; confidence: number; needsReview: boolean } | null;
      currencyRead: { value: string | null; confidence: number; needsReview: boolean } | null;
      total: {
        confidence: number;
        needsReview: boolean;
        value: { amount: string; currency: string } | null;
      } | null;
      tax: {
        confidence: number;
        needsReview: boolean;
        value: { amount: string; currency: string } | null;
      } | null;
      category: { value: string | null; confidence: number; needsReview: boolean } | null;
      items: Array<{
        description: string;
        quantity: number | null;
        amount: { amount: string; currency: string };
      }>;
    };
  };
};

export type ReceiptProcessedSubscriptionVariables = Exact<{ [key: string]: never }>;

export type ReceiptProcessedSubscription = {
  receiptProcessed: {
    id: string;
    status: ReceiptStatus;
    progress: number;
    stage: string | null;
    failureCode: ReceiptFailure | null;
    failureMessage: string | null;
    createdAt: string;
    needsReview: Array<ReceiptField>;
    transactionId: string | null;
    merchant: { value: string | null; confidence: number; needsReview: boolean } | null;
    date: { value: string | null; confidence: number; needsReview: boolean } | null;
    currencyRead: { value: string | null; confidence: number; needsReview: boolean } | null;
    total: {
      confidence: number;
      needsReview: boolean;
      value: { amount: string; currency: string } | null;
    } | null;
    tax: {
      confidence: number;
      needsReview: boolean;
      value: { amount: string; currency: string } | null;
    } | null;
    category: { value: string | null; confidence: number; needsReview: boolean } | null;
    items: Array<{
      description: string;
      quantity: number | null;
      amount: { amount: string; currency: string };
    }>;
  };
};

export type MyReferralQueryVariables = Exact<{ [key: string]: never }>;

export type MyReferralQuery = {
  myReferral: {
    code: string;
    shareUrl: string;
    invitedCount: number;
    completedCount: number;
    rewardedCount: number;
    premiumDaysEarned: number;
    referrerRewardDays: number;
  };
};

export type RuleFieldsFragment = {
  id: string;
  position: number;
  textPattern: string | null;
  textMatch: RuleTextMatch;
  accountId: string | null;
  setCategoryId: string | null;
  renameMerchant: string | null;
  addTags: Array<string>;
  version: number;
  updatedAt: string;
  deletedAt: string | null;
  minAmount: { amount: string; currency: string } | null;
  maxAmount: { amount: string } | null;
};

export type RuleCreateMutationVariables = Exact<{
  input: CreateRuleInput;
}>;

export type RuleCreateMutation = {
  createRule: {
    conflict: boolean;
    rule: {
      id: string;
      position: number;
      textPattern: string | null;
      textMatch: RuleTextMatch;
      accountId: string | null;
      setCategoryId: string | null;
      renameMerchant: string | null;
      addTags: Array<string>;
      version: number;
      updatedAt: string;
      deletedAt: string | null;
      minAmount: { amount: string; currency: string } | null;
      maxAmount: { amount: string } | null;
    };
  };
};

export type RuleUpdateMutationVariables = Exact<{
  input: UpdateRuleInput;
}>;

export type RuleUpdateMutation = {
  updateRule: {
    conflict: boolean;
    rule: {
      id: string;
      position: number;
      textPattern: string | null;
      textMatch: RuleTextMatch;
      accountId: string | null;
      setCategoryId: string | null;
      renameMerchant: string | null;
      addTags: Array<string>;
      version: number;
      updatedAt: string;
      deletedAt: string | null;
      minAmount: { amount: string; currency: string } | null;
      maxAmount: { amount: string } | null;
    };
  };
};

export type RuleDeleteMutationVariables = Exact<{
  id: string | number;
}>;

export type RuleDeleteMutation = { deleteRule: { rule: { id: string } } };

export type RuleMoveMutationVariables = Exact<{
  id: string | number;
  position: number;
}>;

export type RuleMoveMutation = { moveRule: { rules: Array<{ id: string; position: number }> } };

export type RulePreviewQueryVariables = Exact<{
  input: RuleDefinitionInput;
  first?: number | null | undefined;
}>;

export type RulePreviewQuery = {
  previewRule: {
    totalCount: number;
    isScanTruncated: boolean;
    items: Array<{
      categoryId: string;
      merchant: string | null;
      transaction: {
        id: string;
        bookedOn: string;
        merchant: string | null;
        description: string;
        categoryId: string;
        amount: { amount: string; currency: string };
      };
    }>;
  };
};

export type RuleApplyMutationVariables = Exact<{
  ruleId: string | number;
  toPast: boolean;
}>;

export type RuleApplyMutation = { applyRule: { changedCount: number; months: Array<string> } };

export type RuleSuggestionOfQueryVariables = Exact<{
  transactionId: string | number;
}>;

export type RuleSuggestionOfQuery = {
  ruleSuggestion: {
    textPattern: string;
    textMatch: RuleTextMatch;
    setCategoryId: string;
    transactionId: string;
  } | null;
};

export type SyncSplitPayloadFieldsFragment = {
  conflict: boolean;
  split: {
    id: string;
    bookedOn: string;
    occurredAt: string;
    payee: string | null;
    description: string;
    partIds: Array<string>;
    version: number;
    updatedAt: string;
    deletedAt: string | null;
    total: { amount: string; currency: string };
  };
  parts: Array<{
    id: string;
    bookedOn: string;
    categoryId: string;
    deletedAt: string | null;
    description: string;
    direction: TransactionDirection;
    merchant: string | null;
    occurredAt: string;
    source: TransactionSource;
    splitId: string | null;
    tags: Array<string>;
    updatedAt: string;
    version: number;
    amount: { amount: string; currency: string };
  }>;
};

export type SyncCreateSplitTransactionMutationVariables = Exact<{
  input: CreateSplitTransactionInput;
}>;

export type SyncCreateSplitTransactionMutation = {
  createSplitTransaction: {
    conflict: boolean;
    split: {
      id: string;
      bookedOn: string;
      occurredAt: string;
      payee: string | null;
      description: string;
      partIds: Array<string>;
      version: number;
      updatedAt: string;
      deletedAt: string | null;
      total: { amount: string; currency: string };
    };
    parts: Array<{
      id: string;
      bookedOn: string;
      categoryId: string;
      deletedAt: string | null;
      description: string;
      direction: TransactionDirection;
      merchant: string | null;
      occurredAt: string;
      source: TransactionSource;
      splitId: string | null;
      tags: Array<string>;
      updatedAt: string;
      version: number;
      amount: { amount: string; currency: string };
    }>;
  };
};

export type SyncUpdateSplitMutationVariables = Exact<{
  input: UpdateSplitInput;
}>;

export type SyncUpdateSplitMutation = {
  updateSplit: {
    conflict: boolean;
    split: {
      id: string;
      bookedOn: string;
      occurredAt: string;
      payee: string | null;
      description: string;
      partIds: Array<string>;
      version: number;
      updatedAt: string;
      deletedAt: string | null;
      total: { amount: string; currency: string };
    };
    parts: Array<{
      id: string;
      bookedOn: string;
      categoryId: string;
      deletedAt: string | null;
      description: string;
      direction: TransactionDirection;
      merchant: string | null;
      occurredAt: string;
      source: TransactionSource;
      splitId: string | null;
      tags: Array<string>;
      updatedAt: string;
      version: number;
      amount: { amount: string; currency: string };
    }>;
  };
};

export type SyncDeleteSplitMutationVariables = Exact<{
  id: string | number;
}>;

export type SyncDeleteSplitMutation = {
  deleteSplit: {
    conflict: boolean;
    split: {
      id: string;
      bookedOn: string;
      occurredAt: string;
      payee: string | null;
      description: string;
      partIds: Array<string>;
      version: number;
      updatedAt: string;
      deletedAt: string | null;
      total: { amount: string; currency: string };
    };
    parts: Array<{
      id: string;
      bookedOn: string;
      categoryId: string;
      deletedAt: string | null;
      description: string;
      direction: TransactionDirection;
      merchant: string | null;
      occurredAt: string;
      source: TransactionSource;
      splitId: string | null;
      tags: Array<string>;
      updatedAt: string;
      version: number;
      amount: { amount: string; currency: string };
    }>;
  };
};

export type SyncTransactionFieldsFragment = {
  id: string;
  bookedOn: string;
  categoryId: string;
  deletedAt: string | null;
  description: string;
  direction: TransactionDirection;
  merchant: string | null;
  occurredAt: string;
  source: TransactionSource;
  splitId: string | null;
  accountId: string | null;
  memberId: string | null;
  tags: Array<string>;
  updatedAt: string;
  version: number;
  rate: string | null;
  rateOn: string | null;
  rateSource: ExchangeRateSource | null;
  rateEstimated: boolean;
  amount: { amount: string; currency: string };
  paidAmount: { amount: string; currency: string } | null;
};

export type SyncGoalFieldsFragment = {
  id: string;
  name: string;
  categoryId: string;
  createdAt: string;
  deletedAt: string | null;
  priority: number;
  status: GoalStatus;
  targetOn: string | null;
  updatedAt: string;
  version: number;
  saved: { amount: string; currency: string };
  target: { amount: string; currency: string };
};

export type SyncAdjustmentFieldsFragment = {
  id: string;
  month: string;
  fromCategoryId: string;
  fromOn: string;
  toCategoryId: string;
  toOn: string;
  deletedAt: string | null;
  amount: { amount: string; currency: string };
};

export type SyncChangesQueryVariables = Exact<{
  since?: string | null | undefined;
  first?: number | null | undefined;
}>;

export type SyncChangesQuery = {
  changes: {
    cursor: string;
    hasMore: boolean;
    changes: Array<{
      id: string;
      kind: ChangeKind;
      deleted: boolean;
      cursor: string;
      settings: {
        currency: string;
        timeZone: string;
        rollover: RolloverSetting;
        version: number;
        updatedAt: string;
        income: { amount: string; currency: string };
      } | null;
      plan: {
        id: string;
        month: string;
        currency: string;
        document: Record<string, unknown>;
        version: number;
        updatedAt: string;
      } | null;
      category: {
        id: string;
        name: string;
        version: number;
        updatedAt: string;
        behaviour: CategoryBehaviourSetting;
        priority: CategoryPrioritySetting;
      } | null;
      transaction: {
        id: string;
        bookedOn: string;
        categoryId: string;
        deletedAt: string | null;
        description: string;
        direction: TransactionDirection;
        merchant: string | null;
        occurredAt: string;
        source: TransactionSource;
        splitId: string | null;
        accountId: string | null;
        memberId: string | null;
        tags: Array<string>;
        updatedAt: string;
        version: number;
        rate: string | null;
        rateOn: string | null;
        rateSource: ExchangeRateSource | null;
        rateEstimated: boolean;
        amount: { amount: string; currency: string };
        paidAmount: { amount: string; currency: string } | null;
      } | null;
      adjustment: {
        id: string;
        month: string;
        fromCategoryId: string;
        fromOn: string;
        toCategoryId: string;
        toOn: string;
        deletedAt: string | null;
        amount: { amount: string; currency: string };
      } | null;
      goal: {
        id: string;
        name: string;
        categoryId: string;
        createdAt: string;
        deletedAt: string | null;
        priority: number;
        status: GoalStatus;
        targetOn: string | null;
        updatedAt: string;
        version: number;
        saved: { amount: string; currency: string };
        target: { amount: string; currency: string };
      } | null;
      receipt: { id: string; status: ReceiptStatus; transactionId: string | null } | null;
      split: {
        id: string;
        bookedOn: string;
        occurredAt: string;
        payee: string | null;
        description: string;
        partIds: Array<string>;
        version: number;
        updatedAt: string;
        deletedAt: string | null;
        total: { amount: string; currency: string };
      } | null;
      moneyAccount: {
        id: string;
        name: string;
        kind: MoneyAccountKind;
        currency: string;
        openingOn: string | null;
        isDefault: boolean;
        isArchived: boolean;
        reconciledThrough: string | null;
        version: number;
        createdAt: string;
        updatedAt: string;
        openingBalance: { amount: string; currency: string };
      } | null;
      transfer: {
        id: string;
        fromAccountId: string;
        toAccountId: string;
        transferredOn: string;
        note: string;
        version: number;
        createdAt: string;
        updatedAt: string;
        deletedAt: string | null;
        amount: { amount: string; currency: string };
      } | null;
      rule: {
        id: string;
        position: number;
        textPattern: string | null;
        textMatch: RuleTextMatch;
        accountId: string | null;
        setCategoryId: string | null;
        renameMerchant: string | null;
        addTags: Array<string>;
        version: number;
        updatedAt: string;
        deletedAt: string | null;
        minAmount: { amount: string; currency: string } | null;
        maxAmount: { amount: string } | null;
      } | null;
      recurringTransaction: {
        id: string;
        categoryId: string;
        description: string;
        frequency: RecurringFrequency;
        interval: number;
        dayNumber: number;
        monthOfYear: number | null;
        previousId: string | null;
        startOn: string;
        endOn: string | null;
        postedThrough: string | null;
        accountId: string | null;
        memberId: string | null;
        amount: { amount: string; currency: string };
      } | null;
      exchangeRate: {
        fromCurrency: string;
        toCurrency: string;
        rateOn: string;
        rate: string;
        source: ExchangeRateSource;
      } | null;
      csvMapping: {
        id: string;
        name: string;
        header: Array<string>;
        delimiter: string;
        hasHeader: boolean;
        dateFormat: ImportDateFormat;
        decimalSeparator: DecimalSeparator;
        signConvention: SignConvention;
        accountId: string | null;
        updatedAt: string;
        columns: {
          date: string;
          amount: string | null;
          debit: string | null;
          credit: string | null;
          payee: string | null;
          memo: string | null;
          category: string | null;
          externalId: string | null;
          originalAmount: string | null;
          rate: string | null;
          originalCurrency: string | null;
        };
      } | null;
      household: {
        id: string;
        ownerId: string;
        viewerRole: HouseholdRole;
        version: number;
        updatedAt: string;
        members: Array<{ userId: string; name: string; email: string; role: HouseholdRole }>;
      } | null;
    }>;
  };
};

export type SyncCreateTransactionMutationVariables = Exact<{
  input: CreateTransactionInput;
}>;

export type SyncCreateTransactionMutation = {
  createTransaction: {
    conflict: boolean;
    transaction: {
      id: string;
      bookedOn: string;
      categoryId: string;
      deletedAt: string | null;
      description: string;
      direction: TransactionDirection;
      merchant: string | null;
      occurredAt: string;
      source: TransactionSource;
      splitId: string | null;
      accountId: string | null;
      memberId: string | null;
      tags: Array<string>;
      updatedAt: string;
      version: number;
      rate: string | null;
      rateOn: string | null;
      rateSource: ExchangeRateSource | null;
      rateEstimated: boolean;
      amount: { amount: string; currency: string };
      paidAmount: { amount: string; currency: string } | null;
    };
  };
};

export type SyncUpdateTransactionMutationVariables = Exact<{
  input: UpdateTransactionInput;
}>;

export type SyncUpdateTransactionMutation = {
  updateTransaction: {
    conflict: boolean;
    transaction: {
      id: string;
      bookedOn: string;
      categoryId: string;
      deletedAt: string | null;
      description: string;
      direction: TransactionDirection;
      merchant: string | null;
      occurredAt: string;
      source: TransactionSource;
      splitId: string | null;
      accountId: string | null;
      memberId: string | null;
      tags: Array<string>;
      updatedAt: string;
      version: number;
      rate: string | null;
      rateOn: string | null;
      rateSource: ExchangeRateSource | null;
      rateEstimated: boolean;
      amount: { amount: string; currency: string };
      paidAmount: { amount: string; currency: string } | null;
    };
  };
};

export type SyncDeleteTransactionMutationVariables = Exact<{
  id: string | number;
}>;

export type SyncDeleteTransactionMutation = {
  deleteTransaction: {
    conflict: boolean;
    transaction: {
      id: string;
      bookedOn: string;
      categoryId: string;
      deletedAt: string | null;
      description: string;
      direction: TransactionDirection;
      merchant: string | null;
      occurredAt: string;
      source: TransactionSource;
      splitId: string | null;
      accountId: string | null;
      memberId: string | null;
      tags: Array<string>;
      updatedAt: string;
      version: number;
      rate: string | null;
      rateOn: string | null;
      rateSource: ExchangeRateSource | null;
      rateEstimated: boolean;
      amount: { amount: string; currency: string };
      paidAmount: { amount: string; currency: string } | null;
    };
  };
};

export type SyncRestoreTransactionMutationVariables = Exact<{
  id: string | number;
}>;

export type SyncRestoreTransactionMutation = {
  restoreTransaction: {
    conflict: boolean;
    transaction: {
      id: string;
      bookedOn: string;
      categoryId: string;
      deletedAt: string | null;
      description: string;
      direction: TransactionDirection;
      merchant: string | null;
      occurredAt: string;
      source: TransactionSource;
      splitId: string | null;
      accountId: string | null;
      memberId: string | null;
      tags: Array<string>;
      updatedAt: string;
      version: number;
      rate: string | null;
      rateOn: string | null;
      rateSource: ExchangeRateSource | null;
      rateEstimated: boolean;
      amount: { amount: string; currency: string };
      paidAmount: { amount: string; currency: string } | null;
    };
  };
};

export type SyncAdjustBudgetMutationVariables = Exact<{
  input: AdjustBudgetInput;
}>;

export type SyncAdjustBudgetMutation = {
  moveBudget: {
    budgetAdjustment: {
      id: string;
      month: string;
      fromCategoryId: string;
      fromOn: string;
      toCategoryId: string;
      toOn: string;
      deletedAt: string | null;
      amount: { amount: string; currency: string };
    };
  };
};

export type SyncDeleteBudgetAdjustmentMutationVariables = Exact<{
  id: string | number;
}>;

export type SyncDeleteBudgetAdjustmentMutation = {
  undoBudgetMove: {
    budgetAdjustment: {
      id: string;
      month: string;
      fromCategoryId: string;
      fromOn: string;
      toCategoryId: string;
      toOn: string;
      deletedAt: string | null;
      amount: { amount: string; currency: string };
    };
  };
};

export type SyncCreateGoalMutationVariables = Exact<{
  input: CreateGoalInput;
}>;

export type SyncCreateGoalMutation = {
  createGoal: {
    conflict: boolean;
    goal: {
      id: string;
      name: string;
      categoryId: string;
      createdAt: string;
      deletedAt: string | null;
      priority: number;
      status: GoalStatus;
      targetOn: string | null;
      updatedAt: string;
      version: number;
      saved: { amount: string; currency: string };
      target: { amount: string; currency: string };
    };
  };
};

export type SyncUpdateGoalMutationVariables = Exact<{
  input: UpdateGoalInput;
}>;

export type SyncUpdateGoalMutation = {
  updateGoal: {
    conflict: boolean;
    goal: {
      id: string;
      name: string;
      categoryId: string;
      createdAt: string;
      deletedAt: string | null;
      priority: number;
      status: GoalStatus;
      targetOn: string | null;
      updatedAt: string;
      version: number;
      saved: { amount: string; currency: string };
      target: { amount: string; currency: string };
    };
  };
};

export type SyncDeleteGoalMutationVariables = Exact<{
  id: string | number;
}>;

export type SyncDeleteGoalMutation = {
  deleteGoal: {
    conflict: boolean;
    goal: {
      id: string;
      name: string;
      categoryId: string;
      createdAt: string;
      deletedAt: string | null;
      priority: number;
      status: GoalStatus;
      targetOn: string | null;
      updatedAt: string;
      version: number;
      saved: { amount: string; currency: string };
      target: { amount: string; currency: string };
    };
  };
};

export type LiveBudgetUpdatedSubscriptionVariables = Exact<{ [key: string]: never }>;

export type LiveBudgetUpdatedSubscription = {
  budgetUpdated: { month: string; cause: string; transactionId: string | null };
};

export type LiveTransactionAlertSubscriptionVariables = Exact<{ [key: string]: never }>;

export type LiveTransactionAlertSubscription = {
  transactionAlert: {
    key: string;
    kind: TransactionAlertKind;
    level: number | null;
    milestone: number | null;
    spendingPace: SpendingPaceLevel | null;
    categoryId: string | null;
    categoryName: string | null;
    date: string | null;
    runOutOn: string | null;
    transactionId: string | null;
    amount: { amount: string; currency: string };
    allocation: { amount: string; currency: string } | null;
  };
};

export type SyncHabitFieldsFragment = {
  id: string;
  name: string;
  frequency: HabitFrequency;
  timesPerPeriod: number;
  startedOn: string;
  archivedAt: string | null;
  checkIns: Array<string>;
  version: number;
  createdAt: string;
};

export type SyncMoodFieldsFragment = {
  on: string;
  score: number;
  label: string | null;
  note: string | null;
};

export type SyncHabitsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;

export type SyncHabitsQuery = {
  habitsConnection: {
    edges: Array<{
      node: {
        id: string;
        name: string;
        frequency: HabitFrequency;
        timesPerPeriod: number;
        startedOn: string;
        archivedAt: string | null;
        checkIns: Array<string>;
        version: number;
        createdAt: string;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type SyncMoodsQueryVariables = Exact<{
  from?: string | null | undefined;
  after?: string | null | undefined;
}>;

export type SyncMoodsQuery = {
  moodsConnection: {
    edges: Array<{
      node: { on: string; score: number; label: string | null; note: string | null };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type SyncCreateHabitMutationVariables = Exact<{
  input: CreateHabitInput;
}>;

export type SyncCreateHabitMutation = {
  createHabit: {
    habit: {
      id: string;
      name: string;
      frequency: HabitFrequency;
      timesPerPeriod: number;
      startedOn: string;
      archivedAt: string | null;
      checkIns: Array<string>;
      version: number;
      createdAt: string;
    };
  };
};

export type SyncUpdateHabitMutationVariables = Exact<{
  input: UpdateHabitInput;
}>;

export type SyncUpdateHabitMutation = {
  updateHabit: {
    habit: {
      id: string;
      name: string;
      frequency: HabitFrequency;
      timesPerPeriod: number;
      startedOn: string;
      archivedAt: string | null;
      checkIns: Array<string>;
      version: number;
      createdAt: string;
    };
  };
};

export type SyncArchiveHabitMutationVariables = Exact<{
  id: string | number;
  archived?: boolean | null | undefined;
}>;

export type SyncArchiveHabitMutation = {
  archiveHabit: {
    habit: {
      id: string;
      name: string;
      frequency: HabitFrequency;
      timesPerPeriod: number;
      startedOn: string;
      archivedAt: string | null;
      checkIns: Array<string>;
      version: number;
      createdAt: string;
    };
  };
};

export type SyncCheckInHabitMutationVariables = Exact<{
  habitId: string | number;
  on?: string | null | undefined;
  done?: boolean | null | undefined;
}>;

export type SyncCheckInHabitMutation = {
  checkInHabit: {
    habit: {
      id: string;
      name: string;
      frequency: HabitFrequency;
      timesPerPeriod: number;
      startedOn: string;
      archivedAt: string | null;
      checkIns: Array<string>;
      version: number;
      createdAt: string;
    };
  };
};

export type SyncLogMoodMutationVariables = Exact<{
  input: LogMoodInput;
}>;

export type SyncLogMoodMutation = {
  recordMood: { mood: { on: string; score: number; label: string | null; note: string | null } };
};

export type SyncDeleteMoodMutationVariables = Exact<{
  on: string;
}>;

export type SyncDeleteMoodMutation = { clearMood: { removed: boolean } };

export type LiveNotificationAddedSubscriptionVariables = Exact<{ [key: string]: never }>;

export type LiveNotificationAddedSubscription = {
  notificationAdded: { id: string; type: NotificationType; groupKey: string; createdAt: string };
};

export type SyncRenameTagMutationVariables = Exact<{
  from: string;
  to: string;
}>;

export type SyncRenameTagMutation = {
  renameTag: {
    from: string;
    tag: string;
    transactionCount: number;
    changed: Array<{ id: string; version: number }>;
  };
};

export type SyncDeleteTagMutationVariables = Exact<{
  tag: string;
}>;

export type SyncDeleteTagMutation = {
  deleteTag: {
    tag: string;
    transactionCount: number;
    changed: Array<{ id: string; version: number }>;
  };
};

export type CsvMappingFieldsFragment = {
  id: string;
  name: string;
  header: Array<string>;
  delimiter: string;
  hasHeader: boolean;
  dateFormat: ImportDateFormat;
  decimalSeparator: DecimalSeparator;
  signConvention: SignConvention;
  accountId: string | null;
  updatedAt: string;
  columns: {
    date: string;
    amount: string | null;
    debit: string | null;
    credit: string | null;
    payee: string | null;
    memo: string | null;
    category: string | null;
    externalId: string | null;
    originalAmount: string | null;
    rate: string | null;
    originalCurrency: string | null;
  };
};

export type SaveCsvMappingMutationVariables = Exact<{
  input: SaveCsvMappingInput;
}>;

export type SaveCsvMappingMutation = {
  saveCsvMapping: {
    csvMapping: {
      id: string;
      name: string;
      header: Array<string>;
      delimiter: string;
      hasHeader: boolean;
      dateFormat: ImportDateFormat;
      decimalSeparator: DecimalSeparator;
      signConvention: SignConvention;
      accountId: string | null;
      updatedAt: string;
      columns: {
        date: string;
        amount: string | null;
        debit: string | null;
        credit: string | null;
        payee: string | null;
        memo: string | null;
        category: string | null;
        externalId: string | null;
        originalAmount: string | null;
        rate: string | null;
        originalCurrency: string | null;
      };
    };
  };
};

export type ImportReportFieldsFragment = {
  committed: boolean;
  failed: number;
  imported: number;
  skipped: number;
  totalRows: number;
  rowsTruncated: boolean;
  replayed: boolean;
  importId: string;
  status: ImportStatus;
  progress: number;
  failure: string | null;
  rows: Array<{
    line: number;
    status: ImportRowStatus;
    reason: string | null;
    amount: string | null;
    bookedOn: string | null;
    categoryId: string | null;
    direction: TransactionDirection | null;
    payee: string | null;
    memo: string | null;
  }>;
};

export type PreviewImportMutationVariables = Exact<{
  input: ImportTransactionsInput;
}>;

export type PreviewImportMutation = {
  previewBankFile: {
    report: {
      committed: boolean;
      failed: number;
      imported: number;
      skipped: number;
      totalRows: number;
      rowsTruncated: boolean;
      replayed: boolean;
      importId: string;
      status: ImportStatus;
      progress: number;
      failure: string | null;
      rows: Array<{
        line: number;
        status: ImportRowStatus;
        reason: string | null;
        amount: string | null;
        bookedOn: string | null;
        categoryId: string | null;
        direction: TransactionDirection | null;
        payee: string | null;
        memo: string | null;
      }>;
    };
  };
};

export type ImportTransactionsMutationVariables = Exact<{
  input: ImportTransactionsInput;
}>;

export type ImportTransactionsMutation = {
  importBankFile: {
    report: {
      committed: boolean;
      failed: number;
      imported: number;
      skipped: number;
      totalRows: number;
      rowsTruncated: boolean;
      replayed: boolean;
      importId: string;
      status: ImportStatus;
      progress: number;
      failure: string | null;
      rows: Array<{
        line: number;
        status: ImportRowStatus;
        reason: string | null;
        amount: string | null;
        bookedOn: string | null;
        categoryId: string | null;
        direction: TransactionDirection | null;
        payee: string | null;
        memo: string | null;
      }>;
    };
  };
};

export type ImportReportQueryVariables = Exact<{
  importId: string | number;
}>;

export type ImportReportQuery = {
  importReport: {
    committed: boolean;
    failed: number;
    imported: number;
    skipped: number;
    totalRows: number;
    rowsTruncated: boolean;
    replayed: boolean;
    importId: string;
    status: ImportStatus;
    progress: number;
    failure: string | null;
    rows: Array<{
      line: number;
      status: ImportRowStatus;
      reason: string | null;
      amount: string | null;
      bookedOn: string | null;
      categoryId: string | null;
      direction: TransactionDirection | null;
      payee: string | null;
      memo: string | null;
    }>;
  };
};

export type RecurringCreateMutationVariables = Exact<{
  input: CreateRecurringTransactionInput;
}>;

export type RecurringCreateMutation = {
  scheduleRecurringTransaction: { recurringTransaction: { id: string } };
};

export type RecurringEndMutationVariables = Exact<{
  id: string | number;
}>;

export type RecurringEndMutation = {
  stopRecurringTransaction: { recurringTransaction: { id: string; endOn: string | null } };
};

export type RecurringUpdateMutationVariables = Exact<{
  input: UpdateRecurringTransactionInput;
}>;

export type RecurringUpdateMutation = {
  updateRecurringTransaction: {
    previous: { id: string; endOn: string | null } | null;
    recurringTransaction: { id: string; startOn: string };
  };
};

export type RecurringUpcomingQueryVariables = Exact<{
  days: number;
}>;

export type RecurringUpcomingQuery = {
  upcomingRecurring: Array<{
    date: string;
    categoryId: string;
    description: string;
    amount: { amount: string; currency: string };
    recurringTransaction: { id: string };
    effect: {
      categoryRemainingBefore: { amount: string; currency: string };
      categoryRemainingAfter: { amount: string; currency: string };
      dayRemainingBefore: { amount: string; currency: string };
      dayRemainingAfter: { amount: string; currency: string };
      coveredFromLaterDays: { amount: string; currency: string };
      uncovered: { amount: string; currency: string };
    } | null;
  }>;
};
