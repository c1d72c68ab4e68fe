/**
 * What a write does with an amount paid in another currency (docs/currencies.md): keep the stored
 * conversion, book a plain budget-currency amount, or convert a paid amount at a date's rate.
 * Pure: the rate itself is looked up by the currency feature.
 */
import type { LocalDate } from '@pace/engine';
import { parseAmount } from '../../graphql/money.type';
import { TransactionError } from './transaction.errors';
import type { TransactionRow } from './transaction.table';

/** The wire fields of a paid amount (create and update alike). */
export interface PaidFields {
  amount?: string | null;
  /** The amount as paid, in `paidCurrency`. */
  paidAmount?: string | null;
  paidCurrency?: string | null;
  /** A rate printed on a card statement: budget-currency units per one unit paid. */
  paidRate?: string | null;
}

export type PaidPlan =
  /** Leave the paid amount and rate as stored (none on a plain transaction). */
  | { kind: 'keep' }
  /** A budget-currency transaction: the paid amount and rate are cleared. */
  | { kind: 'plain'; amountMinor: number | null }
  /** Convert `paidMinor` of `paidCurrency` at the rate of `on` (or the statement's rate). */
  | {
      kind: 'convert';
      paidMinor: number;
      paidCurrency: string;
      on: LocalDate;
      statementRate: string | null;
    };

type StoredPaid = Pick<
  TransactionRow,
  | 'amountMinor'
  | 'bookedOn'
  | 'originalAmountMinor'
  | 'originalCurrency'
  | 'fxRate'
  | 'fxRateSource'
>;

function invalid(message: string): never {
  throw new TransactionError('TRANSACTION_INPUT_INVALID', { message });
}

/**
 * Decides the conversion of a create (`current` null) or an update. An edit of the date, the paid
 * amount or the paid currency converts again at the new date's rate; any other edit keeps the rate.
 * `amount` alone on a converted transaction, when it differs from the stored one, makes it a plain
 * budget-currency transaction (old clients send the amount they were shown, unchanged).
 */
export function planPaidAmount(
  input: PaidFields,
  current: StoredPaid | null,
  budgetCurrency: string,
  bookedOn: LocalDate,
): PaidPlan {
  if (input.paidAmount == null && input.paidCurrency == null && input.paidRate == null) {
    if (current?.originalCurrency == null || current.originalAmountMinor == null)
      return { kind: 'keep' };
    if (
      input.amount != null &&
      parseAmount(input.amount, budgetCurrency, { field: 'amount' }) !== current.amountMinor
    )
      return { kind: 'plain', amountMinor: null };
    if (bookedOn === current.bookedOn) return { kind: 'keep' };
    return {
      kind: 'convert',
      paidMinor: current.originalAmountMinor,
      paidCurrency: current.originalCurrency,
      on: bookedOn,
      statementRate: null,
    };
  }
  const paidCurrency = input.paidCurrency ?? current?.originalCurrency ?? null;
  if (paidCurrency === null) invalid('paidCurrency is needed with paidAmount or paidRate.');
  if (input.amount != null && input.paidAmount != null)
    invalid('Give amount or paidAmount, not both: amount is converted from paidAmount.');
  const isSameCurrency = paidCurrency === current?.originalCurrency;
  let paidMinor: number | null = null;
  if (input.paidAmount != null)
    paidMinor = parseAmount(input.paidAmount, paidCurrency, { field: 'paidAmount' });
  else if (isSameCurrency) paidMinor = current?.originalAmountMinor ?? null;
  if (paidCurrency === budgetCurrency) {
    if (input.paidRate != null) invalid('paidRate is only for a currency other than the budget’s.');
    if (paidMinor === null && input.amount == null && current?.originalCurrency != null)
      invalid('paidAmount (or amount) is needed when the paid currency changes.');
    if (paidMinor !== null && paidMinor <= 0) invalid('paidAmount must be more than zero.');
    return { kind: 'plain', amountMinor: paidMinor };
  }
  if (input.amount != null)
    invalid('amount is converted from paidAmount: leave it out when paidCurrency is given.');
  if (paidMinor === null) invalid('paidAmount is needed when the paid currency changes.');
  if (paidMinor <= 0) invalid('paidAmount must be more than zero.');
  // A statement's rate belongs to its line: it stays while the currency and the date do.
  const keepsStatementRate =
    isSameCurrency && current?.fxRateSource === 'statement' && current.bookedOn === bookedOn;
  return {
    kind: 'convert',
    paidMinor,
    paidCurrency,
    on: bookedOn,
    statementRate: input.paidRate ?? (keepsStatementRate ? current.fxRate : null),
  };
}
