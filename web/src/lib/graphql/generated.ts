/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Move an amount from one (category, day) to another of the same month; never from or to a past day. */
export type AdjustBudgetInput = {
  /** In the budget currency. */
  amount: string;
  fromCategoryId: string;
  fromOn: string;
  /** Client-generated UUID, for offline replays. */
  id?: string | number | null | undefined;
  toCategoryId: string;
  toOn: string;
};

export type ChangeKind = 'ADJUSTMENT' | 'CATEGORY' | 'GOAL' | 'PLAN' | 'SETTINGS' | 'TRANSACTION';

/** A new savings goal, ACTIVE unless a status is given. */
export type CreateGoalInput = {
  /** Client-generated UUID, for offline replays. */
  id?: string | number | null | undefined;
  name: string;
  /** 1 (default) to 100. */
  priority?: number | null | undefined;
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

/** An expense that repeats monthly on a day (past the month’s end: its last day) or weekly on a weekday. */
export type CreateRecurringTransactionInput = {
  /** In the budget currency. */
  amount: string;
  categoryId: string;
  /** MONTHLY: day 1–31; WEEKLY: 0 Sunday … 6 Saturday. */
  dayNumber: number;
  description?: string | null | undefined;
  /** Last possible occurrence; open when null. */
  endOn?: string | null | undefined;
  frequency: RecurringFrequency;
  /** Client-generated UUID, for offline replays. */
  id?: string | number | null | undefined;
  /** First possible occurrence. Occurrences already due are posted at once, so it may reach at most 366 days before today; older ones are refused (BAD_USER_INPUT): book those as transactions. */
  startOn: string;
};

export type CreateTransactionInput = {
  /** Positive, with at most the currency’s minor digits. */
  amount: string;
  /** A date picked in the UI; else derived from occurredAt. */
  bookedOn?: string | null | undefined;
  /** A category id or alias (food → groceries). */
  categoryId: string;
  /** Defaults to the budget currency. */
  currency?: string | null | undefined;
  description?: string | null | undefined;
  /** Default EXPENSE. */
  direction?: TransactionDirection | null | undefined;
  /** Client-generated UUID: replaying the create changes nothing. */
  id?: string | number | null | undefined;
  merchant?: string | null | undefined;
  /** Default now. */
  occurredAt?: string | null | undefined;
};

/** Where each field is: a header name, or a 0-based column number as text. */
export type CsvColumnMappingInput = {
  /** A signed amount; else map debit and credit. */
  amount?: string | null | undefined;
  /** A category id or alias; empty is Flex. */
  category?: string | null | undefined;
  credit?: string | null | undefined;
  date: string;
  debit?: string | null | undefined;
  /** The bank’s own transaction id. */
  externalId?: string | null | undefined;
  memo?: string | null | undefined;
  payee?: string | null | undefined;
};

export type CsvImportOptionsInput = {
  columns: CsvColumnMappingInput;
  delimiter?: string;
  hasHeader?: boolean;
};

export type DecimalSeparator = 'COMMA' | 'DOT';

/** Only an ACTIVE goal reserves money in the plan. */
export type GoalStatus = 'ACTIVE' | 'CANCELLED' | 'COMPLETED' | 'PAUSED';

/** The period a habit is judged over: a local day, a week starting on Monday, or a calendar month. */
export type HabitFrequency =
  /** Every local day. */
  | 'DAILY'
  /** Each calendar month. */
  | 'MONTHLY'
  /** Each week, Monday to Sunday. */
  | 'WEEKLY';

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

/** Where an import is: run in the request (DONE), or a job QUEUED, RUNNING, DONE or FAILED. */
export type ImportStatus = 'DONE' | 'FAILED' | 'QUEUED' | 'RUNNING';

export type ImportTransactionsInput = {
  /** The file’s text, at most 5 MB. */
  content: string;
  /** Required for CSV. */
  csv?: CsvImportOptionsInput | null | undefined;
  /** CSV and QIF. */
  dateFormat?: ImportDateFormat;
  /** CSV and QIF. */
  decimalSeparator?: DecimalSeparator;
  format: ImportFormat;
  /** Client-generated UUID: replaying the import returns its report and imports nothing twice. */
  importId: string | number;
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

/** The mood of one local day; a second entry the same day replaces it. */
export type RecordMoodInput = {
  /** Up to 40 characters. */
  label?: string | null | undefined;
  /** Up to 500 characters. */
  note?: string | null | undefined;
  /** Default today; at most 366 days back, never a day to come. */
  on?: string | null | undefined;
  /** 1 (very low) to 5 (very good). */
  score: number;
};

export type RecurringFrequency = 'MONTHLY' | 'WEEKLY';

/** Where a finished day’s underspend goes. */
export type RolloverSetting = 'NEXT_DAY' | 'SAVINGS' | 'SPREAD';

export type SignConvention = 'NEGATIVE_IS_EXPENSE' | 'POSITIVE_IS_EXPENSE';

export type TransactionAlertKind =
  'BUDGET_LEVEL' | 'DEFICIT' | 'GOAL_MILESTONE' | 'LARGE_TRANSACTION' | 'PACE';

export type TransactionDirection = 'EXPENSE' | 'INCOME' | 'TRANSFER';

export type TransactionSource = 'IMPORT' | 'MANUAL' | 'QUICK' | 'RECEIPT' | 'RECURRING';

/** Changes the given fields of a goal when baseVersion is current; targetOn: null removes the date. */
export type UpdateGoalInput = {
  baseVersion: number;
  id: string | number;
  name?: string | null | undefined;
  priority?: number | null | undefined;
  status?: GoalStatus | null | undefined;
  target?: string | null | undefined;
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

export type UpdateTransactionInput = {
  amount?: string | null | undefined;
  /** The version the edit is based on. */
  baseVersion: number;
  bookedOn?: string | null | undefined;
  categoryId?: string | null | undefined;
  currency?: string | null | undefined;
  description?: string | null | undefined;
  direction?: TransactionDirection | null | undefined;
  id: string | number;
  merchant?: string | null | undefined;
  occurredAt?: string | null | undefined;
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
  updatedAt: string;
  version: number;
  amount: { amount: string; currency: string };
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
        behaviour: string;
        priority: string;
        version: number;
        updatedAt: string;
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
        updatedAt: string;
        version: number;
        amount: { amount: string; currency: string };
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
      updatedAt: string;
      version: number;
      amount: { amount: string; currency: string };
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
      updatedAt: string;
      version: number;
      amount: { amount: string; currency: string };
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
      updatedAt: string;
      version: number;
      amount: { amount: string; currency: string };
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
      updatedAt: string;
      version: number;
      amount: { amount: string; currency: string };
    };
  };
};

export type SyncAdjustBudgetMutationVariables = Exact<{
  input: AdjustBudgetInput;
}>;

export type SyncAdjustBudgetMutation = {
  adjustBudget: {
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

export type SyncDeleteBudgetAdjustmentMutationVariables = Exact<{
  id: string | number;
}>;

export type SyncDeleteBudgetAdjustmentMutation = {
  deleteBudgetAdjustment: {
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
    paceLevel: string | null;
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

export type SyncWellbeingQueryVariables = Exact<{
  from?: string | null | undefined;
}>;

export type SyncWellbeingQuery = {
  habits: Array<{
    id: string;
    name: string;
    frequency: HabitFrequency;
    timesPerPeriod: number;
    startedOn: string;
    archivedAt: string | null;
    checkIns: Array<string>;
    version: number;
    createdAt: string;
  }>;
  moodEntries: Array<{ on: string; score: number; label: string | null; note: string | null }>;
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

export type SyncRecordMoodMutationVariables = Exact<{
  input: RecordMoodInput;
}>;

export type SyncRecordMoodMutation = {
  recordMood: { on: string; score: number; label: string | null; note: string | null };
};

export type SyncDeleteMoodMutationVariables = Exact<{
  on: string;
}>;

export type SyncDeleteMoodMutation = { deleteMood: boolean };

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
  previewImport: {
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

export type ImportTransactionsMutationVariables = Exact<{
  input: ImportTransactionsInput;
}>;

export type ImportTransactionsMutation = {
  importTransactions: {
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

export type RecurringListQueryVariables = Exact<{ [key: string]: never }>;

export type RecurringListQuery = {
  recurringTransactions: Array<{
    id: string;
    categoryId: string;
    dayNumber: number;
    description: string;
    endOn: string | null;
    frequency: RecurringFrequency;
    startOn: string;
    amount: { amount: string; currency: string };
  }>;
};

export type RecurringCreateMutationVariables = Exact<{
  input: CreateRecurringTransactionInput;
}>;

export type RecurringCreateMutation = { createRecurringTransaction: { id: string } };

export type RecurringEndMutationVariables = Exact<{
  id: string | number;
}>;

export type RecurringEndMutation = {
  endRecurringTransaction: { id: string; endOn: string | null };
};
