import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { signingKeyContext, signingKeys } from '../auth';
import { moodEntries, moodTextContext } from '../habits';
import {
  pushDeviceContext,
  pushDevices,
  pushKeyContext,
  pushSubscriptions,
} from '../notifications';
import { categoryRules, ruleTextContext } from '../rules';
import { splits, splitTextContext } from '../splits';
import { transactions, transactionTextContext } from '../transactions';
import {
  webhookAttempts,
  webhookDeliveries,
  webhookDeliveryBodyContext,
  webhookEndpoints,
  webhookResponseSnippetContext,
  webhookSecretContext,
} from '../webhooks';

/** One column encrypted at rest, as the rotation walks it. */
export interface EncryptedColumn {
  /** `table.column`, as reports and logs name it. */
  name: string;
  table: PgTable;
  /** The primary key: the walk's keyset order; a composite key lists its columns in key order. */
  id: AnyPgColumn | readonly AnyPgColumn[];
  column: AnyPgColumn;
  /** The TypeScript property of `column` in the table (what an update sets). */
  property: string;
  /**
   * The column(s) whose values the associated data binds to (the key unless said otherwise),
   * passed to `context` as text in this order.
   */
  bindsTo?: AnyPgColumn | readonly AnyPgColumn[];
  context(...bound: string[]): string;
  /** jsonb holding the ciphertext as a JSON string (legacy rows hold a JSON object). */
  isJson?: boolean;
}

/**
 * Every encrypted column. Receipt images are files or bytea rows walked through their storage.
 * Mood labels and notes are keyed by (user_id, on) and bound to both. FCM device tokens are
 * found by their hash (`push_devices.token_hash`) and bound to it.
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  {
    name: 'transactions.description',
    table: transactions,
    id: transactions.id,
    column: transactions.description,
    property: 'description',
    context: (id) => transactionTextContext('description', id),
  },
  {
    name: 'transactions.merchant',
    table: transactions,
    id: transactions.id,
    column: transactions.merchant,
    property: 'merchant',
    context: (id) => transactionTextContext('merchant', id),
  },
  {
    name: 'splits.payee',
    table: splits,
    id: splits.id,
    column: splits.payee,
    property: 'payee',
    context: (id) => splitTextContext('payee', id),
  },
  {
    name: 'splits.description',
    table: splits,
    id: splits.id,
    column: splits.description,
    property: 'description',
    context: (id) => splitTextContext('description', id),
  },
  {
    name: 'push_subscriptions.p256dh',
    table: pushSubscriptions,
    id: pushSubscriptions.id,
    column: pushSubscriptions.p256dh,
    property: 'p256dh',
    bindsTo: pushSubscriptions.endpoint,
    context: (endpoint) => pushKeyContext('p256dh', endpoint),
  },
  {
    name: 'push_subscriptions.auth',
    table: pushSubscriptions,
    id: pushSubscriptions.id,
    column: pushSubscriptions.auth,
    property: 'auth',
    bindsTo: pushSubscriptions.endpoint,
    context: (endpoint) => pushKeyContext('auth', endpoint),
  },
  {
    name: 'push_devices.token',
    table: pushDevices,
    id: pushDevices.id,
    column: pushDevices.token,
    property: 'token',
    bindsTo: pushDevices.tokenHash,
    context: pushDeviceContext,
  },
  {
    name: 'webhook_endpoints.secret',
    table: webhookEndpoints,
    id: webhookEndpoints.id,
    column: webhookEndpoints.secret,
    property: 'secret',
    context: webhookSecretContext,
  },
  {
    name: 'webhook_deliveries.body',
    table: webhookDeliveries,
    id: webhookDeliveries.id,
    column: webhookDeliveries.body,
    property: 'body',
    context: webhookDeliveryBodyContext,
  },
  {
    name: 'webhook_attempts.response_snippet',
    table: webhookAttempts,
    id: webhookAttempts.id,
    column: webhookAttempts.responseSnippet,
    property: 'responseSnippet',
    context: webhookResponseSnippetContext,
  },
  {
    name: 'category_rules.text_pattern',
    table: categoryRules,
    id: categoryRules.id,
    column: categoryRules.textPattern,
    property: 'textPattern',
    context: (id) => ruleTextContext('text_pattern', id),
  },
  {
    name: 'category_rules.rename_merchant',
    table: categoryRules,
    id: categoryRules.id,
    column: categoryRules.renameMerchant,
    property: 'renameMerchant',
    context: (id) => ruleTextContext('rename_merchant', id),
  },
  {
    name: 'signing_keys.private_jwk',
    table: signingKeys,
    id: signingKeys.kid,
    column: signingKeys.privateJwk,
    property: 'privateJwk',
    context: signingKeyContext,
    isJson: true,
  },
  {
    name: 'mood_entries.label',
    table: moodEntries,
    id: [moodEntries.userId, moodEntries.on],
    column: moodEntries.label,
    property: 'label',
    context: (userId, on) => moodTextContext('label', userId, on),
  },
  {
    name: 'mood_entries.note',
    table: moodEntries,
    id: [moodEntries.userId, moodEntries.on],
    column: moodEntries.note,
    property: 'note',
    context: (userId, on) => moodTextContext('note', userId, on),
  },
];

/** The columns of a key or binding, one or several. */
export function columnsOf(columns: AnyPgColumn | readonly AnyPgColumn[]): readonly AnyPgColumn[] {
  return isColumnList(columns) ? columns : [columns];
}

function isColumnList(
  columns: AnyPgColumn | readonly AnyPgColumn[],
): columns is readonly AnyPgColumn[] {
  return Array.isArray(columns);
}
