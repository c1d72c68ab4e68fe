import { AccountError } from '../features/accounts';
import { AdminError } from '../features/admin';
import { AnalyticsError } from '../features/analytics';
import { AuditError } from '../features/audit';
import { AuthError } from '../features/auth';
import { BudgetError } from '../features/budget';
import { ChallengeError } from '../features/challenges';
import { CurrencyError } from '../features/currency';
import { EmailError } from '../features/email';
import { FlagError } from '../features/flags';
import { GoalError } from '../features/goals';
import { HabitError } from '../features/habits';
import { ImportError } from '../features/imports';
import { InstallmentError } from '../features/installments';
import { NodeError } from '../features/nodes';
import { NotificationError } from '../features/notifications';
import { PremiumError } from '../features/premium';
import { ReceiptError } from '../features/receipts';
import { PaymentError, StoreReceiptError } from '../features/payments';
import { HouseholdError } from '../features/households';
import { RecurringError } from '../features/recurring';
import { MoneyAccountError } from '../features/money-accounts';
import { ReferralError } from '../features/referrals';
import { RuleError } from '../features/rules';
import { SplitError } from '../features/splits';
import { SyncError } from '../features/sync';
import { SystemCheckError } from '../features/system';
import { TransactionError } from '../features/transactions';
import { WebhookError } from '../features/webhooks';
import type { ErrorDefinition, PublicErrorCode } from './app-error';
import { MoneyError } from './money.type';
import { ConnectionError } from './relay';
import { AccessError } from './scopes';

/** An error class made by `defineErrors`, as the catalogue reads it. */
export interface ErrorClass {
  readonly errorName: string;
  readonly definitions: Readonly<Record<string, ErrorDefinition>>;
}

/** One error reason as integrators see it (`errorReasons`, the `ErrorReason` enum, docs/errors.md). */
export interface ErrorReasonEntry {
  /** `extensions.reason` on the wire. */
  reason: string;
  /** `extensions.code` on the wire. */
  code: PublicErrorCode;
  when: string;
  action: string;
  /** The class declaring it (AccessError, GoalError …). */
  errorClass: string;
}

/**
 * Every error class whose codes reach the wire as `extensions.reason`. A test fails when a
 * `defineErrors` table anywhere in the server is missing here.
 */
export const ERROR_CLASSES: readonly ErrorClass[] = [
  AccessError,
  ConnectionError,
  MoneyError,
  AccountError,
  AdminError,
  AnalyticsError,
  AuditError,
  AuthError,
  BudgetError,
  ChallengeError,
  CurrencyError,
  EmailError,
  FlagError,
  GoalError,
  HabitError,
  ImportError,
  InstallmentError,
  NodeError,
  NotificationError,
  PremiumError,
  PaymentError,
  StoreReceiptError,
  ReceiptError,
  HouseholdError,
  RecurringError,
  MoneyAccountError,
  ReferralError,
  RuleError,
  SplitError,
  SyncError,
  SystemCheckError,
  TransactionError,
  WebhookError,
];

/** The reasons of the given classes, sorted; two classes may not declare the same reason. */
export function catalogueOf(classes: readonly ErrorClass[]): ErrorReasonEntry[] {
  const entries = new Map<string, ErrorReasonEntry>();
  for (const errorClass of classes) {
    for (const [reason, definition] of Object.entries(errorClass.definitions)) {
      const earlier = entries.get(reason);
      if (earlier)
        throw new Error(
          `Error reason ${reason} is declared by both ${earlier.errorClass} and ${errorClass.errorName}.`,
        );
      entries.set(reason, {
        reason,
        code: definition.publicCode,
        when: definition.when,
        action: definition.action,
        errorClass: errorClass.errorName,
      });
    }
  }
  return [...entries.values()].sort((a, b) => (a.reason < b.reason ? -1 : 1));
}

/** Every error reason the server can answer with, sorted by reason. */
export const ERROR_CATALOGUE: readonly ErrorReasonEntry[] = catalogueOf(ERROR_CLASSES);

const CATALOGUED_REASONS: ReadonlySet<string> = new Set(ERROR_CATALOGUE.map((e) => e.reason));

export function isCataloguedReason(reason: string): boolean {
  return CATALOGUED_REASONS.has(reason);
}

/** What each public code (`extensions.code` of an error with a reason) means for a client. */
export const PUBLIC_CODE_DESCRIPTIONS: Readonly<Record<PublicErrorCode, string>> = {
  BAD_USER_INPUT:
    'The request itself is wrong: correct the input (the reason and message say what) before sending it again.',
  UNAUTHENTICATED:
    'No valid token or credentials: sign in, refresh the token or correct the credentials.',
  FORBIDDEN: 'The token is valid but may not do this: use a token with the needed scopes.',
  NOT_FOUND:
    'The record does not exist for you (it never did, was deleted, or belongs to someone else).',
  CONFLICT:
    'The request clashes with the current state (an id already used, onboarding not done): resolve it, then retry.',
  RATE_LIMITED:
    'Too many requests: wait `retryAfter` seconds (also the Retry-After header), then retry.',
  UNAVAILABLE: 'The feature is not set up on this server: offer another way.',
};

/** An error the server answers with that carries `extensions.code` but no reason. */
export interface ErrorWithoutReason {
  code: string;
  when: string;
  action: string;
}

/** Errors raised by GraphQL itself, the request limits and the server's fault handling. */
export const ERRORS_WITHOUT_REASON: readonly ErrorWithoutReason[] = [
  {
    code: 'BAD_USER_INPUT',
    when: 'A value breaks the type or bounds of its argument before any resolver runs: a wrong scalar (a date outside 1970–2100, an unknown currency code), a text or id that is too long or holds NUL characters, a list with too many items, a page size out of range. `extensions.field` and `extensions.argument` name it when known.',
    action: 'Correct the named argument; the message says what it must be.',
  },
  {
    code: 'GRAPHQL_PARSE_FAILED',
    when: 'The document is not valid GraphQL, or has more tokens than the server parses.',
    action: 'Fix the query text; send smaller documents.',
  },
  {
    code: 'GRAPHQL_VALIDATION_FAILED',
    when: 'The document does not match the schema, or exceeds a query limit (`extensions.limit`: depth, aliases, complexity or bytes).',
    action: 'Fix the query against the schema, or split it into smaller queries.',
  },
  {
    code: 'RATE_LIMITED',
    when: 'A websocket connection already holds the most subscriptions it may (`extensions.limit` is `subscriptions`).',
    action: 'Stop a subscription you no longer need, or open another connection.',
  },
  {
    code: 'BAD_REQUEST',
    when: 'The HTTP request body is not valid JSON (HTTP 400).',
    action: 'Send a JSON body with `query` and, if any, `variables` and `operationName`.',
  },
  {
    code: 'PAYLOAD_TOO_LARGE',
    when: 'The HTTP request body is larger than the server accepts (HTTP 413; the limit is smaller without a token).',
    action: 'Send a smaller request, for example a bank file split into parts.',
  },
  {
    code: 'SERVICE_UNAVAILABLE',
    when: 'The database was briefly unreachable; nothing was half-written (`extensions.retryable` is true).',
    action: 'Send the same request again, with the same ids, after a short wait.',
  },
  {
    code: 'INTERNAL_SERVER_ERROR',
    when: 'An unexpected fault on the server; `extensions.requestId` is the reference in its logs.',
    action: 'Retry later; if it persists, report the requestId.',
  },
];
