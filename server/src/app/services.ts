import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { getTableName } from 'drizzle-orm';
import type { RateLimiters } from '../infra/auth/rate-limiter';
import type { RevocationStore } from '../infra/auth/revocation-store';
import type { Clock } from '../infra/clock';
import { sendEmailJob } from '../infra/mail/email.job';
import Stripe from 'stripe';
import type { Mailer } from '../infra/mail/mailer';
import type { FcmSender } from '../infra/push/push';
import type { FieldCipher } from '../infra/crypto/field-cipher';
import type { Database } from '../infra/db/database';
import type { PubSub } from '../infra/pubsub/pubsub';
import type { AnyJobDefinition, JobQueue, JobSpec } from '../infra/queue/job';
import { bindJob } from '../infra/queue/job';
import {
  SystemCheckRepository,
  SystemCheckResolver,
  SystemCheckService,
  processSystemCheckJob,
} from '../features/system';
import { AuditEventRepository, AuditResolver, AuditService, auditEvents } from '../features/audit';
import {
  AccountDataService,
  AccountResolver,
  AccountService,
  PasswordHasher,
  PasswordService,
  UserDataRepository,
  UserRepository,
} from '../features/accounts';
import {
  AccessTokens,
  CredentialResolver,
  GoogleIdentityVerifier,
  PasskeyRepository,
  PasskeyService,
  PersonalAccessTokenRepository,
  PersonalAccessTokenService,
  SessionRepository,
  SessionResolver,
  SessionService,
  SignInService,
  SigningKeyRepository,
  SigningKeys,
  ViewerService,
} from '../features/auth';
import {
  AdjustmentRepository,
  AdjustmentService,
  AlertRepository,
  BudgetMonthService,
  BudgetQueryService,
  BudgetRepository,
  BudgetResolver,
  CategoryRepository,
  CategoryResolver,
  CategoryService,
  createMonthPlansJob,
  PlanService,
  TransactionAlertService,
  type BudgetServices,
} from '../features/budget';
import {
  DashboardTransactionsResolver,
  TransactionImportRepository,
  TransactionListService,
  TransactionRepository,
  TransactionResolver,
  TransactionService,
  TransactionTagRepository,
  TransactionTagResolver,
  TransactionTagService,
  type TransactionServices,
} from '../features/transactions';
import { ChangesResolver, ChangesService } from '../features/sync';
import { HabitRepository, HabitResolver, HabitService } from '../features/habits';
import { PremiumResolver, PremiumService } from '../features/premium';
import { ReferralRepository, ReferralResolver, ReferralService } from '../features/referrals';
import { PaymentRepository, PaymentResolver, PaymentService } from '../features/payments';
import { StoreReceiptResolver, type StoreReceiptService } from '../features/payments';
import { createStoreReceiptService } from './store-services';
import {
  AdminDatabaseRepository,
  AdminResolver,
  AdminStatusService,
  AdminUserService,
} from '../features/admin';
import { FlagResolver, FlagService } from '../features/flags';
import { ChallengeRepository, ChallengeResolver, ChallengeService } from '../features/challenges';
import { AdviceResolver, AdviceService, openAiAdvisor, rulesAdvisor } from '../features/advice';
import { localDateOf } from '@pace/engine';
import {
  GoalRepository,
  GoalResolver,
  GoalService,
  goalSavingsReader,
  goalSurplusRollover,
  onboardingGoals,
  planGoalsReader,
  type GoalServices,
} from '../features/goals';
import {
  postRecurringJob,
  RecurringRepository,
  RecurringResolver,
  RecurringService,
} from '../features/recurring';
import { RuleRepository, RuleResolver, RuleService, type RuleServices } from '../features/rules';
import {
  MoneyAccountRepository,
  MoneyAccountResolver,
  MoneyAccountService,
  TransferService,
  type MoneyAccountServices,
} from '../features/money-accounts';
import {
  checkSplitPartChange,
  SplitRepository,
  SplitResolver,
  SplitService,
} from '../features/splits';
import {
  ExchangeRateRepository,
  ExchangeRateResolver,
  ExchangeRateService,
  fetchReferenceRatesJob,
  TransactionPaidCurrencyResolver,
} from '../features/currency';
import { EcbRateFeed } from '../infra/fx/ecb-feed';
import { InstallmentResolver, InstallmentService } from '../features/installments';
import { AnalyticsResolver, AnalyticsService } from '../features/analytics';
import {
  computeSpendingClustersJob,
  SpendingClusterRepository,
  SpendingClusterResolver,
  SpendingClusterService,
} from '../features/clusters';
import {
  CsvMappingRepository,
  CsvMappingResolver,
  CsvMappingService,
  ImportRepository,
  ImportResolver,
  ImportService,
  TransactionExportService,
  type ImportServices,
  runImportJob,
} from '../features/imports';
import {
  DatabaseReceiptStorage,
  EncryptedReceiptStorage,
  LocalReceiptStorage,
  processReceiptJob,
  ReceiptProcessingService,
  ReceiptRepository,
  ReceiptResolver,
  ReceiptService,
  type ReceiptServices,
} from '../features/receipts';
import { createOcrProvider, selectOcrProvider } from '../features/receipts/ocr';
import {
  dailyNotificationsJob,
  deliverNotificationJob,
  NotificationResolver,
  type NotificationDeliveryService,
} from '../features/notifications';
import {
  alertsToNotifications,
  createNotificationDelivery,
  createNotificationServices,
  type NotificationServices,
} from './notification-services';
import { ErrorReasonResolver } from '../graphql/error-reason.resolver';
import {
  deliverWebhookJob,
  queueDueWebhooksJob,
  pruneWebhookDeliveriesJob,
  WebhookResolver,
  type WebhookService,
} from '../features/webhooks';
import { createWebhookWiring, withWebhookEvents, type WebhookWiring } from './webhook-services';
import { NodeResolver } from '../features/nodes';
import {
  EncryptionRotationRepository,
  EncryptionRotationService,
  openExportedRow,
  rotateEncryptionKeysJob,
} from '../features/encryption';
import {
  EmailPreferencesService,
  EmailRepository,
  EmailResolver,
  EmailVerificationService,
} from '../features/email';
import {
  HouseholdRepository,
  HouseholdResolver,
  HouseholdService,
  TransactionMemberResolver,
  withHouseholdFanOut,
} from '../features/households';
import type { Logger } from '../infra/logger';
import type { Metrics } from '../infra/metrics';
import type { Config } from './config';

export interface ServiceDeps {
  database: Database;
  pubsub: PubSub;
  queue: JobQueue;
  clock: Clock;
  nodeId: string;
  config: Config;
  revocations: RevocationStore;
  /** Where scheduled jobs report the rows they skip (optional in unit wiring). */
  logger?: Logger;
  metrics?: Metrics;
  rateLimiters: RateLimiters;
  mailer: Mailer;
  /** The FCM border when handed in (tests); otherwise built from the configuration. */
  fcm?: FcmSender;
  /** Encryption at rest (infra/crypto): repositories of encrypted columns take it. */
  cipher: FieldCipher;
}

/** The use cases of every feature, wired once per process. */
export interface Services {
  systemChecks: SystemCheckService;
  audit: AuditService;
  accounts: AccountService;
  passwords: PasswordService;
  accountData: AccountDataService;
  /** Viewer from a bearer token, and the per-user request rate limit. */
  auth: ViewerService;
  sessions: SessionService;
  signIn: SignInService;
  personalAccessTokens: PersonalAccessTokenService;
  passkeys: PasskeyService;
  signingKeys: SigningKeys;
  mailer: Mailer;
  budget: BudgetServices;
  transactions: TransactionServices;
  goals: GoalServices;
  habits: HabitService;
  premium: PremiumService;
  referrals: ReferralService;
  payments: PaymentService;
  /** Premium bought in the mobile app (App Store, Google Play). */
  storeReceipts: StoreReceiptService;
  flags: FlagService;
  admin: { users: AdminUserService; status: AdminStatusService };
  challenges: ChallengeService;
  advice: AdviceService;
  changes: ChangesService;
  imports: ImportServices;
  receipts: ReceiptServices;
  recurring: RecurringService;
  /** Exchange rates (ECB, entered, statement) and the conversion of amounts paid in another currency. */
  exchangeRates: ExchangeRateService;
  /** Categorisation rules: tried on writes without a category, previewed and applied to the past. */
  rules: RuleServices;
  /** Money accounts, transfers, reconciliation and net worth. */
  moneyAccounts: MoneyAccountServices;
  /** Split payments: one payment whose parts are transactions in several categories. */
  splits: SplitService;
  installments: InstallmentService;
  analytics: AnalyticsService;
  clusters: SpendingClusterService;
  notifications: NotificationServices;
  webhooks: WebhookService;
  /** Re-encryption of stored values under the active key (the rotation job, `db:rotate-keys`). */
  encryption: EncryptionRotationService;
  /** Address verification (sign-up mail, verifyEmail) and the gate of premium purchase and export. */
  emailVerification: EmailVerificationService;
  /** Which mails a person receives; every mail job passes its `deliver`. */
  emailPreferences: EmailPreferencesService;
  /** Shared budgets: members, roles, invitations, and whose budget a person's calls act on. */
  households: HouseholdService;
}

export function createServices(baseDeps: ServiceDeps): Services {
  const webhooks = createWebhookWiring(baseDeps);
  const households = createHouseholdService(baseDeps);
  // Budget events of a household owner reach every member's subscriptions (docs/households.md).
  const shared = withHouseholdFanOut(baseDeps.pubsub, () => households);
  const deps = { ...baseDeps, pubsub: withWebhookEvents(shared, webhooks) };
  const { database, pubsub, queue, clock, nodeId } = deps;
  const audit = new AuditService({ repository: new AuditEventRepository(database.db), clock });
  const premium = new PremiumService({
    users: new UserRepository(database.db),
    audit,
    now: () => clock.now(),
  });
  const referrals = createReferralService(deps, audit, premium);
  const accountAndAuth = createAccountAndAuthServices(deps, audit, referrals);
  const notificationDelivery = createNotificationDelivery(deps);
  webhooks.useNotifications(notificationDelivery);
  const budgetServices = createBudgetServices(
    deps,
    audit,
    notificationDelivery,
    webhooks,
    referrals,
  );
  const notifications = createNotificationServices(deps, {
    delivery: notificationDelivery,
    months: budgetServices.budget.months,
    advice: budgetServices.advice,
  });
  return {
    webhooks: webhooks.service,
    encryption: new EncryptionRotationService({
      repository: new EncryptionRotationRepository(database.db),
      cipher: deps.cipher,
      images: receiptStorageOf(deps),
      audit,
    }),
    systemChecks: new SystemCheckService({
      pubsub,
      queue,
      clock,
      nodeId,
      repository: new SystemCheckRepository(database.db),
    }),
    audit,
    premium,
    referrals,
    payments: createPaymentService(deps, audit, accountAndAuth.emailVerification),
    storeReceipts: createStoreReceiptService(deps, audit, premium),
    flags: new FlagService({
      db: database.db,
      users: new UserRepository(database.db),
      audit,
      now: () => clock.now(),
    }),
    mailer: deps.mailer,
    ...accountAndAuth,
    admin: createAdminServices(deps, audit, accountAndAuth),
    ...budgetServices,
    notifications,
    emailPreferences: createEmailPreferences(deps, audit, notifications),
    households,
  };
}

/** Households: invitations are mailed through the queue like the other account mails. */
function createHouseholdService(deps: ServiceDeps): HouseholdService {
  return new HouseholdService({
    repository: new HouseholdRepository(deps.database.db),
    users: new UserRepository(deps.database.db),
    queue: deps.queue,
    clock: deps.clock,
    publicUrl: deps.config.PUBLIC_URL,
    newId: randomUUID,
  });
}

/** The e-mail preferences; notification e-mails stay switched in the notification settings. */
function createEmailPreferences(
  deps: ServiceDeps,
  audit: AuditService,
  notifications: NotificationServices,
): EmailPreferencesService {
  return new EmailPreferencesService({
    repository: new EmailRepository(deps.database.db),
    notificationEmails: {
      isOn: async (userId) => (await notifications.inbox.settings(userId)).row.emailEnabled,
      set: async (userId, on) => {
        await notifications.inbox.updateSettings(userId, { emailEnabled: on });
      },
    },
    mailer: deps.mailer,
    audit,
    clock: deps.clock,
    publicUrl: deps.config.PUBLIC_URL,
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
}

/** The admin console's use cases, on top of the account and session services. */
function createAdminServices(
  deps: ServiceDeps,
  audit: AuditService,
  auth: Pick<Services, 'sessions' | 'accountData'>,
): Services['admin'] {
  const now = () => deps.clock.now();
  return {
    users: new AdminUserService({
      users: new UserRepository(deps.database.db),
      sessions: auth.sessions,
      accountData: auth.accountData,
      audit,
      now,
    }),
    status: new AdminStatusService({
      queue: deps.queue,
      database: new AdminDatabaseRepository(deps.database.db),
      databaseKind: deps.database.kind,
      config: deps.config,
      audit,
      activeKeyId: deps.cipher.activeKeyId,
      ocrProvider: selectOcrProvider(deps.config),
      queueKeyRotation: (requestedBy, jobId) =>
        deps.queue.enqueue(rotateEncryptionKeysJob, { requestedBy }, { jobId }),
      probeTimeoutMs: 3_000,
      now,
    }),
  };
}

/** Budget, ledger and sync: the transactions feature feeds the budget's month computation. */
function createBudgetServices(
  deps: ServiceDeps,
  audit: AuditService,
  notifications: NotificationDeliveryService,
  webhooks: WebhookWiring,
  referrals?: ReferralService,
) {
  const { database, pubsub, clock } = deps;
  const db = database.db;
  const budgetRepository = new BudgetRepository(db);
  const ledger = new TransactionRepository(db, deps.cipher);
  const users = new UserRepository(db);
  const categoryRepository = new CategoryRepository(db);
  const alerts = new TransactionAlertService({
    repository: new AlertRepository(db),
    pubsub,
    onSent: alertsToNotifications(deps, notifications),
  });
  const adjustmentRepository = new AdjustmentRepository(db);
  const goalRepository = new GoalRepository(db);
  const contributions = (tx: Database['db'], userId: string) =>
    ledger.with(tx).sumGoalContributions(userId);
  // A row a scheduled job skips: a log line, a Prometheus counter and an audit event an admin can list.
  const reportSkip = async (job: string, userId: string, code: string, rowId: string | null) => {
    deps.logger?.warn({ job, userId, rowId, code }, 'scheduled job skipped a row');
    deps.metrics?.jobRowsSkipped.inc({ name: job, code });
    await audit.record({ event: 'job.row_skipped', userId, details: { job, rowId, code } });
  };
  const months = new BudgetMonthService({
    onPlanSkipped: ({ userId, code }) => reportSkip('budget.createMonthPlans', userId, code, null),
    planGoals: planGoalsReader({ repository: goalRepository, contributions }),
    goalSavings: goalSavingsReader({ repository: goalRepository, contributions }),
    closeMonth: goalSurplusRollover({
      repository: goalRepository,
      contributions,
      transactions: ledger,
    }),
    db,
    repository: budgetRepository,
    categories: categoryRepository,
    adjustments: adjustmentRepository,
    alerts,
    pubsub,
    clock,
    ledger: (tx, userId, month, options) =>
      ledger.with(tx).sumLedgerOfMonth(userId, month, options),
  });
  const plans = new PlanService({
    db,
    clock,
    repository: budgetRepository,
    categories: categoryRepository,
    months,
    profileTimeZone: async (userId) => (await users.findById(userId))?.timeZone ?? null,
    onboardingGoals: onboardingGoals({ repository: goalRepository, newId: randomUUID }),
    onOnboarded: async (userId) => {
      await referrals?.onOnboarded(userId);
    },
  });
  const goalService = new GoalService({
    repository: goalRepository,
    months,
    contributions,
    db,
    newId: randomUUID,
  });
  const habitService = new HabitService({
    repository: new HabitRepository(db, deps.cipher),
    // The person's day: the budget's time zone, or the profile's before onboarding.
    today: async (userId) => {
      const zone =
        (await budgetRepository.findSettings(userId))?.timeZone ??
        (await users.findById(userId))?.timeZone ??
        'UTC';
      return localDateOf(clock.now(), zone);
    },
    ledgerBetween: (userId, from, to) => ledger.sumExpensesBetween(userId, from, to),
    currencyOf: async (userId) =>
      (await budgetRepository.findSettings(userId))?.currency ??
      (await users.findById(userId))?.currency ??
      'EUR',
    newId: randomUUID,
    now: () => clock.now(),
  });
  const queries = new BudgetQueryService({ months });
  const moneyAccountRepository = new MoneyAccountRepository(db);
  const moneyAccounts = new MoneyAccountService({
    repository: moneyAccountRepository,
    months,
    budget: budgetRepository,
    movements: (userId) => ledger.listAccountMovements(userId),
    transactions: async (userId, ids) =>
      (await Promise.all(ids.map((id) => ledger.find(id)))).flatMap((row) =>
        row && row.userId === userId ? [row] : [],
      ),
    newId: randomUUID,
  });
  const rules = new RuleService({
    repository: new RuleRepository(db, deps.cipher),
    months,
    ledger,
    onWritten: (change) => webhooks.onTransactionWritten(change),
    budgetOf: async (userId) => {
      const settings = await plans.getSettings(userId);
      const own = await categoryRepository.list(userId);
      return {
        currency: settings.currency,
        today: months.todayOf(settings.timeZone),
        categoryIds: new Set(own.map((category) => category.id)),
      };
    },
    newId: randomUUID,
  });
  const exchangeRates = createExchangeRateService(deps, async (userId) => {
    const settings = await budgetRepository.findSettings(userId);
    return settings?.currency ?? null;
  });
  const transactionWrites = new TransactionService({
    repository: ledger,
    months,
    newId: randomUUID,
    convertPaid: (tx, request) => exchangeRates.convert(tx, request),
    onWritten: (change) => webhooks.onTransactionWritten(change),
    checkAccount: (userId, accountId) => moneyAccounts.checkAccount(userId, accountId),
    checkChange: checkSplitPartChange,
    categorise: async (tx, userId, subject) => (await rules.matcherFor(tx, userId))(subject),
  });
  return {
    exchangeRates,
    budget: {
      plans,
      months,
      queries,
      categories: new CategoryService({ repository: categoryRepository, months }),
      alerts,
      adjustments: new AdjustmentService({
        repository: adjustmentRepository,
        months,
        newId: randomUUID,
      }),
    },
    transactions: {
      writes: transactionWrites,
      reads: new TransactionListService({ repository: ledger, plans }),
      tags: new TransactionTagService({
        repository: new TransactionTagRepository(db, deps.cipher),
        months,
        onWritten: (change) => webhooks.onTransactionWritten(change),
      }),
    },
    imports: createImportServices(db, {
      months,
      plans,
      queue: deps.queue,
      clock: deps.clock,
      cipher: deps.cipher,
      rules,
      checkAccount: (userId, accountId) => moneyAccounts.checkAccount(userId, accountId),
    }),
    receipts: createReceiptServices(deps, {
      transactions: transactionWrites,
      // The parser's defaults: the profile's locale, the budget's currency (the profile's before onboarding).
      profile: async (userId) => {
        const user = await users.findById(userId);
        const currency =
          (await budgetRepository.findSettings(userId))?.currency ?? user?.currency ?? 'EUR';
        return { locale: user?.locale ?? 'en', currency };
      },
    }),
    recurring: new RecurringService({
      repository: new RecurringRepository(db),
      budget: budgetRepository,
      months,
      transactions: transactionWrites,
      accounts: moneyAccounts,
      categoryIdsOf: async (userId) =>
        new Set((await categoryRepository.list(userId)).map((c) => c.id)),
      onSkipped: (skip) =>
        reportSkip('recurring.postDue', skip.userId, skip.code, skip.recurringId),
      newId: randomUUID,
      now: () => clock.now(),
    }),
    goals: { goals: goalService, plans, writes: transactionWrites },
    rules: { rules, plans },
    moneyAccounts: {
      accounts: moneyAccounts,
      transfers: new TransferService({
        repository: moneyAccountRepository,
        months,
        accounts: moneyAccounts,
        newId: randomUUID,
      }),
    },
    splits: new SplitService({
      splits: new SplitRepository(db, deps.cipher),
      ledger,
      months,
      newId: randomUUID,
      onWritten: (change) => webhooks.onTransactionWritten(change),
    }),
    installments: new InstallmentService({
      plans,
      months,
      // Installment risk reads monthly and weekly debts; other schedules are not counted yet.
      recurring: async (userId) =>
        (await new RecurringRepository(db).listOfUser(userId)).flatMap((row) =>
          (row.frequency === 'monthly' || row.frequency === 'weekly') && row.interval === 1
            ? [{ ...row, frequency: row.frequency }]
            : [],
        ),
    }),
    habits: habitService,
    advice: new AdviceService({
      db,
      budget: queries,
      goals: goalService,
      habits: habitService,
      localeOf: async (userId) => (await users.findById(userId))?.locale ?? 'en',
      todayOf: (userId) => months.todayForUser(userId),
      advisor: deps.config.OPENAI_API_KEY
        ? openAiAdvisor({
            apiKey: deps.config.OPENAI_API_KEY,
            baseURL: deps.config.OPENAI_BASE_URL,
            model: deps.config.OPENAI_MODEL,
            timeoutMs: deps.config.OPENAI_TIMEOUT_MS,
          })
        : rulesAdvisor,
      now: () => clock.now(),
      onFallback: (error) =>
        deps.logger?.warn({ err: error }, 'AI advisor failed: rule-based advice served'),
    }),
    challenges: new ChallengeService({
      repository: new ChallengeRepository(db),
      // The person's day: the budget's time zone, or the profile's before onboarding.
      today: async (userId) => {
        const zone =
          (await budgetRepository.findSettings(userId))?.timeZone ??
          (await users.findById(userId))?.timeZone ??
          'UTC';
        return localDateOf(clock.now(), zone);
      },
      budget: async (userId, month) => {
        const settings = await budgetRepository.findSettings(userId);
        if (!settings) return null;
        const plan = (await budgetRepository.findPlan(userId, month))?.plan ?? null;
        return { currency: settings.currency, plan };
      },
      ledgerBetween: (userId, from, to) => ledger.sumExpensesBetween(userId, from, to),
      newId: randomUUID,
      now: () => clock.now(),
    }),
    analytics: new AnalyticsService({
      settings: (userId) => plans.getSettings(userId),
      todayIn: (timeZone) => months.todayOf(timeZone),
      readMonth: (userId, month) => months.readMonth(userId, month),
      categories: async (userId) =>
        new Map((await plans.listCategories(userId)).map((c) => [c.id, c])),
      expensesBetween: (userId, from, to) => ledger.sumExpensesBetween(userId, from, to),
      otherPlanSettings: (userId, currency) =>
        budgetRepository.listOtherPlanSettingsInCurrency(userId, currency),
      expensesOfUsersBetween: (userIds, from, to) =>
        ledger.sumExpensesOfUsersBetween(userIds, from, to),
    }),
    clusters: new SpendingClusterService({
      repository: new SpendingClusterRepository(db),
      queue: deps.queue,
      currencyOf: async (userId) => (await plans.getSettings(userId)).currency,
      ledgerRevision: (userId) => ledger.ledgerRevision(userId),
      latestExpenseOn: (userId) => ledger.latestExpenseOn(userId),
      expensesBetween: (userId, from, to) => ledger.listExpensesBetween(userId, from, to),
      categoryNames: async (userId) =>
        new Map((await plans.listCategories(userId)).map((c) => [c.id, c.name])),
      now: () => clock.now(),
    }),
    changes: new ChangesService({
      goals: goalRepository,
      goalViews: (userId, rows) => goalService.views(userId, rows),
      budget: budgetRepository,
      categories: categoryRepository,
      adjustments: adjustmentRepository,
      transactions: ledger,
      splits: new SplitRepository(db, deps.cipher),
      rules: new RuleRepository(db, deps.cipher),
      recurring: new RecurringRepository(db),
      csvMappings: new CsvMappingRepository(db),
      exchangeRates: {
        listChangedSince: (userId, since, limit) =>
          new ExchangeRateRepository(db).listEnteredChangedSince(userId, since, limit),
      },
      receipts: new ReceiptRepository(db),
      moneyAccounts,
      households: createHouseholdService(deps),
    }),
  };
}

/** Exchange rates: the ECB feed when FX_ECB_URL is set (the default), the stored and entered rates. */
function createExchangeRateService(
  deps: ServiceDeps,
  budgetCurrencyOf: (userId: string) => Promise<string | null>,
): ExchangeRateService {
  const url = deps.config.FX_ECB_URL;
  return new ExchangeRateService({
    repository: new ExchangeRateRepository(deps.database.db),
    feed: url ? new EcbRateFeed({ url, timeoutMs: 15_000 }) : null,
    budgetCurrencyOf,
    newId: randomUUID,
    now: () => deps.clock.now(),
    onFeedUnreachable: (error) =>
      deps.logger?.warn({ err: error }, 'ECB reference rates unreachable: kept the stored ones'),
    // An entered rate syncs (changes since): written under the person's lock like their other writes.
    inUserLock: (userId, work) =>
      deps.database.db.transaction(async (tx) => {
        await new BudgetRepository(tx).lockSettings(userId);
        return work(tx);
      }),
    // A shared budget converts with its owner's rates, then its members' (docs/households.md).
    rateKeepersOf: async (tx, budgetOwnerId) => {
      const households = new HouseholdRepository(tx ?? deps.database.db);
      const household = await households.findByOwner(budgetOwnerId);
      if (!household) return [budgetOwnerId];
      const writers = (await households.listMembers(household.id))
        .filter((member) => member.role !== 'viewer' && member.userId !== budgetOwnerId)
        .map((member) => member.userId);
      return [budgetOwnerId, ...writers];
    },
  });
}

/** Where receipt images are kept: `<PACE_DATA_DIR>/receipts`, or the database (RECEIPT_STORAGE). */
function receiptStorageOf(deps: Pick<ServiceDeps, 'config' | 'database' | 'clock' | 'cipher'>) {
  const store =
    deps.config.RECEIPT_STORAGE === 'database'
      ? new DatabaseReceiptStorage(deps.database.db, () => deps.clock.now())
      : new LocalReceiptStorage(path.join(deps.config.PACE_DATA_DIR, 'receipts'));
  return new EncryptedReceiptStorage(store, deps.cipher);
}

/** Receipt photos: stored under the data directory, read by the OCR job, confirmed as a transaction. */
function createReceiptServices(
  deps: ServiceDeps,
  services: {
    transactions: TransactionService;
    profile: (userId: string) => Promise<{ locale: string; currency: string }>;
  },
): ReceiptServices {
  const repository = new ReceiptRepository(deps.database.db);
  const storage = receiptStorageOf(deps);
  const now = () => deps.clock.now();
  return {
    receipts: new ReceiptService({
      repository,
      storage,
      queue: deps.queue,
      pubsub: deps.pubsub,
      transactions: services.transactions,
      newId: randomUUID,
      now,
    }),
    processing: new ReceiptProcessingService({
      repository,
      storage,
      queue: deps.queue,
      pubsub: deps.pubsub,
      createOcr: async () => createOcrProvider(deps.config),
      profile: services.profile,
      now,
    }),
  };
}

/** Bank file imports and the CSV export, on top of the ledger and the month computation. */
function createImportServices(
  db: Database['db'],
  deps: {
    months: BudgetMonthService;
    plans: PlanService;
    queue: JobQueue;
    clock: Clock;
    cipher: FieldCipher;
    rules?: RuleService;
    /** Throws unless the account is one of the person's (imports and saved mappings name one). */
    checkAccount?: (userId: string, accountId: string) => Promise<void>;
  },
): ImportServices {
  const { rules } = deps;
  return {
    imports: new ImportService({
      imports: new ImportRepository(db),
      ledger: new TransactionImportRepository(db, deps.cipher),
      categories: new CategoryRepository(db),
      months: deps.months,
      plans: deps.plans,
      newId: randomUUID,
      queue: deps.queue,
      clock: deps.clock,
      ...(rules ? { rules: (tx, userId) => rules.matcherFor(tx ?? db, userId) } : {}),
      ...(deps.checkAccount ? { checkAccount: deps.checkAccount } : {}),
    }),
    exports: new TransactionExportService({
      reads: new TransactionListService({
        repository: new TransactionRepository(db, deps.cipher),
        plans: deps.plans,
      }),
      months: deps.months,
    }),
    csvMappings: new CsvMappingService({
      repository: new CsvMappingRepository(db),
      newId: randomUUID,
      clock: deps.clock,
      ...(deps.checkAccount ? { checkAccount: deps.checkAccount } : {}),
      // A saved mapping syncs (changes since): written under the person's lock like their other writes.
      inUserLock: (userId, work) =>
        db.transaction(async (tx) => {
          await new BudgetRepository(tx).lockSettings(userId);
          return work(tx);
        }),
    }),
  };
}

function createAccountAndAuthServices(
  deps: ServiceDeps,
  audit: AuditService,
  referrals?: ReferralService,
) {
  const { database, queue, clock, config, revocations, rateLimiters } = deps;
  const users = new UserRepository(database.db);
  const hasher = new PasswordHasher({ memoryKib: config.PASSWORD_HASH_MEMORY_KIB });
  const accounts = new AccountService({ users, hasher, audit, clock, rateLimiters });
  const emailVerification = new EmailVerificationService({
    repository: new EmailRepository(database.db),
    users,
    audit,
    clock,
    queue,
    rateLimiters,
    publicUrl: config.PUBLIC_URL,
  });
  const passwords = new PasswordService({
    users,
    hasher,
    audit,
    clock,
    rateLimiters,
    queue,
    publicUrl: config.PUBLIC_URL,
  });
  const accountData = new AccountDataService({
    userData: new UserDataRepository(database.db),
    audit,
    clock,
    keptTables: [getTableName(auditEvents)],
    deleteFiles: (userId) => receiptStorageOf(deps).deleteAllOf(userId),
    requireVerifiedEmail: (userId) => emailVerification.requireVerified(userId),
    openRow: (table, row) => openExportedRow(deps.cipher, table, row),
  });
  const signingKeys = new SigningKeys({
    repository: new SigningKeyRepository(database.db, deps.cipher),
    clock,
    audit,
  });
  const accessTokens = new AccessTokens({
    keys: signingKeys,
    clock,
    ttlS: config.ACCESS_TOKEN_TTL_S,
  });
  const sessions = new SessionService({
    sessions: new SessionRepository(database.db),
    users,
    accessTokens,
    revocations,
    audit,
    clock,
    refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
  });
  const personalAccessTokens = new PersonalAccessTokenService({
    repository: new PersonalAccessTokenRepository(database.db),
    audit,
    clock,
  });
  const relyingParty = {
    name: config.WEBAUTHN_RP_NAME,
    id: config.WEBAUTHN_RP_ID,
    origins: config.WEBAUTHN_ORIGINS,
    allowRequestOrigin: config.NODE_ENV !== 'production',
  };
  const passkeys = new PasskeyService({
    repository: new PasskeyRepository(database.db),
    users,
    audit,
    clock,
    relyingParty,
  });
  const google = new GoogleIdentityVerifier({
    clientId: config.GOOGLE_CLIENT_ID,
    jwksUrl: config.GOOGLE_JWKS_URL,
    issuers: config.GOOGLE_ISSUERS,
    clock,
  });
  return {
    accounts,
    emailVerification,
    passwords,
    accountData,
    sessions,
    personalAccessTokens,
    passkeys,
    signingKeys,
    auth: new ViewerService({ accessTokens, revocations, personalAccessTokens, rateLimiters }),
    signIn: new SignInService({
      accounts,
      passwords,
      data: accountData,
      sessions,
      google,
      passkeys,
      audit,
      clock,
      rateLimiters,
      adminEmails: config.ADMIN_EMAILS,
      ...(referrals ? { referrals } : {}),
      emailVerification,
    }),
  };
}

/** Resolver classes in schema order; `resolverInstances` builds them from the services. */
export const RESOLVER_CLASSES = [
  SystemCheckResolver,
  AuditResolver,
  ErrorReasonResolver,
  AccountResolver,
  SessionResolver,
  CredentialResolver,
  BudgetResolver,
  CategoryResolver,
  TransactionResolver,
  DashboardTransactionsResolver,
  TransactionTagResolver,
  GoalResolver,
  HabitResolver,
  ChallengeResolver,
  AdviceResolver,
  PremiumResolver,
  ReferralResolver,
  PaymentResolver,
  StoreReceiptResolver,
  FlagResolver,
  AdminResolver,
  ChangesResolver,
  ImportResolver,
  CsvMappingResolver,
  ReceiptResolver,
  RecurringResolver,
  ExchangeRateResolver,
  TransactionPaidCurrencyResolver,
  RuleResolver,
  SplitResolver,
  MoneyAccountResolver,
  InstallmentResolver,
  AnalyticsResolver,
  SpendingClusterResolver,
  NotificationResolver,
  NodeResolver,
  WebhookResolver,
  EmailResolver,
  HouseholdResolver,
  TransactionMemberResolver,
] as const;

export function resolverInstances(services: Services): Map<unknown, unknown> {
  return new Map<unknown, unknown>([
    [SystemCheckResolver, new SystemCheckResolver(services.systemChecks)],
    [AuditResolver, new AuditResolver(services.audit)],
    [ErrorReasonResolver, new ErrorReasonResolver()],
    [
      AccountResolver,
      new AccountResolver(services.accounts, services.passwords, services.accountData),
    ],
    [
      SessionResolver,
      new SessionResolver(
        services.signIn,
        services.sessions,
        services.passkeys,
        services.signingKeys,
      ),
    ],
    [CredentialResolver, new CredentialResolver(services.personalAccessTokens, services.passkeys)],
    [BudgetResolver, new BudgetResolver(services.budget)],
    [CategoryResolver, new CategoryResolver(services.budget)],
    [TransactionResolver, new TransactionResolver(services.transactions)],
    [DashboardTransactionsResolver, new DashboardTransactionsResolver(services.transactions)],
    [TransactionTagResolver, new TransactionTagResolver(services.transactions)],
    [GoalResolver, new GoalResolver(services.goals)],
    [HabitResolver, new HabitResolver(services.habits)],
    [ChallengeResolver, new ChallengeResolver(services.challenges)],
    [AdviceResolver, new AdviceResolver(services.advice)],
    [PremiumResolver, new PremiumResolver(services.premium)],
    [ReferralResolver, new ReferralResolver(services.referrals)],
    [PaymentResolver, new PaymentResolver(services.payments)],
    [StoreReceiptResolver, new StoreReceiptResolver(services.storeReceipts)],
    [FlagResolver, new FlagResolver(services.flags)],
    [AdminResolver, new AdminResolver(services.admin.users, services.admin.status)],
    [ChangesResolver, new ChangesResolver(services.changes)],
    [ImportResolver, new ImportResolver(services.imports)],
    [CsvMappingResolver, new CsvMappingResolver(services.imports)],
    [ReceiptResolver, new ReceiptResolver(services.receipts.receipts)],
    [RecurringResolver, new RecurringResolver(services.recurring)],
    [ExchangeRateResolver, new ExchangeRateResolver(services.exchangeRates)],
    [TransactionPaidCurrencyResolver, new TransactionPaidCurrencyResolver()],
    [RuleResolver, new RuleResolver(services.rules)],
    [MoneyAccountResolver, new MoneyAccountResolver(services.moneyAccounts)],
    [SplitResolver, new SplitResolver(services.splits)],
    [InstallmentResolver, new InstallmentResolver(services.installments)],
    [AnalyticsResolver, new AnalyticsResolver(services.analytics)],
    [SpendingClusterResolver, new SpendingClusterResolver(services.clusters)],
    [NotificationResolver, new NotificationResolver(services.notifications.inbox)],
    [WebhookResolver, new WebhookResolver(services.webhooks)],
    [NodeResolver, new NodeResolver()],
    [EmailResolver, new EmailResolver(services.emailVerification, services.emailPreferences)],
    [HouseholdResolver, new HouseholdResolver(services.households)],
    [TransactionMemberResolver, new TransactionMemberResolver()],
  ]);
}

/**
 * Jobs run on a period: due recurring occurrences, and each user's new month plan soon after their
 * local month start (both find finished work and skip it, so a late or doubled run is harmless).
 */
export const SCHEDULED_JOBS: ReadonlyArray<{
  spec: JobSpec<{ slot?: string | undefined }>;
  everyMs: number;
  atStart?: boolean;
}> = [
  { spec: postRecurringJob, everyMs: 5 * 60_000 },
  // The ECB publishes once a working day (about 16:00 CET); a few tries a day catch it.
  // Also once at start, so a new server has rates within minutes instead of after 4 hours.
  { spec: fetchReferenceRatesJob, everyMs: 4 * 60 * 60_000, atStart: true },
  { spec: createMonthPlansJob, everyMs: 15 * 60_000 },
  { spec: dailyNotificationsJob, everyMs: 15 * 60_000 },
  { spec: queueDueWebhooksJob, everyMs: 60_000 },
  { spec: pruneWebhookDeliveriesJob, everyMs: 60 * 60_000 },
];

/** Every job this build can run, bound to its service. */
export function jobDefinitions(services: Services): AnyJobDefinition[] {
  return [
    bindJob(processSystemCheckJob, ({ checkId }) => services.systemChecks.process(checkId)),
    bindJob(sendEmailJob, async (message) => {
      await services.emailPreferences.deliver(message);
    }),
    bindJob(postRecurringJob, async () => {
      await services.recurring.postAllDue();
    }),
    bindJob(fetchReferenceRatesJob, async () => {
      await services.exchangeRates.refreshPublished();
    }),
    bindJob(createMonthPlansJob, async () => {
      await services.budget.months.ensureCurrentPlans();
    }),
    bindJob(deliverNotificationJob, (request) => services.notifications.delivery.deliver(request)),
    bindJob(dailyNotificationsJob, async () => {
      await services.notifications.schedule.runDue();
    }),
    bindJob(deliverWebhookJob, (request) => services.webhooks.attempt(request)),
    bindJob(queueDueWebhooksJob, async () => {
      await services.webhooks.queueDue();
    }),
    bindJob(pruneWebhookDeliveriesJob, async () => {
      await services.webhooks.pruneDeliveries();
    }),
    bindJob(rotateEncryptionKeysJob, async ({ requestedBy }) => {
      await services.encryption.rotateAll({ userId: requestedBy, via: 'job' });
    }),
    bindJob(computeSpendingClustersJob, ({ userId }) => services.clusters.computeAndStore(userId)),
    bindJob(processReceiptJob, ({ receiptId }, context) =>
      services.receipts.processing.process(receiptId, {
        number: context.attempt,
        of: processReceiptJob.attempts,
      }),
    ),
    bindJob(runImportJob, ({ importId }, context) =>
      services.imports.imports.runJob(importId, {
        number: context.attempt,
        of: runImportJob.attempts,
      }),
    ),
  ];
}

/** Stripe when its key, webhook secret and price are configured; otherwise payments are off. */
function createPaymentService(
  deps: ServiceDeps,
  audit: AuditService,
  emailVerification: EmailVerificationService,
): PaymentService {
  const { config, database, clock } = deps;
  const { STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: webhookSecret } = config;
  const priceId = config.STRIPE_PRICE_ID;
  const api = config.STRIPE_API_URL ? new URL(config.STRIPE_API_URL) : null;
  const isConfigured = Boolean(key && webhookSecret && priceId);
  return new PaymentService({
    repository: new PaymentRepository(database.db, (db) => new UserRepository(db)),
    users: new UserRepository(database.db),
    audit,
    now: () => clock.now(),
    stripe:
      isConfigured && key
        ? new Stripe(key, {
            maxNetworkRetries: 1,
            timeout: 10_000,
            ...(api
              ? {
                  host: api.hostname,
                  port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)),
                  protocol: api.protocol === 'https:' ? 'https' : 'http',
                }
              : {}),
          })
        : null,
    settings:
      isConfigured && webhookSecret && priceId
        ? { webhookSecret, priceId, publicUrl: config.PUBLIC_URL }
        : null,
    requireVerifiedEmail: (userId) => emailVerification.requireVerified(userId),
  });
}

/** Invite codes and rewards; payment methods are compared by the payments feature's customer ids. */
function createReferralService(
  deps: ServiceDeps,
  audit: AuditService,
  premium: PremiumService,
): ReferralService {
  const { database, clock, config } = deps;
  const payments = new PaymentRepository(database.db, (db) => new UserRepository(db));
  return new ReferralService({
    repository: new ReferralRepository(database.db, (db) => new UserRepository(db)),
    users: new UserRepository(database.db),
    premium,
    audit,
    now: () => clock.now(),
    publicUrl: config.PUBLIC_URL,
    paymentFingerprints: async (userIds) =>
      (await Promise.all(userIds.map((id) => payments.customerOf(id)))).flatMap((customer) =>
        customer ? [`${customer.provider}:${customer.customerId}`] : [],
      ),
  });
}
