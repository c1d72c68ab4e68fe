import { isCurrencyCode } from '@pace/engine';
import { formatRate, invertRate, paidMinorAt, parseRate } from '../currency';
import { RowError, parseSignedAmount, type PaidOnStatement } from './import-row.rules';

/**
 * What a statement line says was paid in another currency: the original amount (when printed),
 * its currency and the rate. `rateUnit` tells which currency the printed rate counts one unit of:
 * the paid one (budget units per paid unit, kept exactly as printed) or the budget's (inverted,
 * rounded like every derived rate). Without an original amount it is `booked / rate`, rounded once
 * half up to the paid currency's minor unit. Null when the line is in the budget currency.
 */
export function paidOnStatement(input: {
  bookedMinor: number;
  budgetCurrency: string;
  paidCurrency: string;
  /** Unsigned or signed text of the original amount; empty when the file does not print it. */
  paidAmountText: string;
  decimalSeparator: '.' | ',';
  rateText: string;
  rateUnit: 'paid' | 'budget';
}): PaidOnStatement | null {
  const paidCurrency = input.paidCurrency.trim().toUpperCase();
  if (!paidCurrency || paidCurrency === input.budgetCurrency) return null;
  if (!isCurrencyCode(paidCurrency))
    throw new RowError(`"${input.paidCurrency}" is not an ISO 4217 currency`);
  // A rate is written with a point or, in some files, a comma; read exactly either way.
  const printed = parseRate(input.rateText.trim().replace(',', '.'));
  if (!printed)
    throw new RowError(
      `the rate "${input.rateText}" is not a positive decimal (at most 12 decimals)`,
    );
  const rate = input.rateUnit === 'paid' ? printed : invertRate(printed);
  let amountMinor: number | null;
  if (input.paidAmountText.trim()) {
    amountMinor = Math.abs(
      parseSignedAmount(input.paidAmountText, paidCurrency, input.decimalSeparator),
    );
    if (amountMinor === 0) throw new RowError('the original amount is zero');
  } else {
    amountMinor = paidMinorAt({
      budgetMinor: input.bookedMinor,
      budgetCurrency: input.budgetCurrency,
      rate,
      paidCurrency,
    });
    if (amountMinor === null || amountMinor === 0)
      throw new RowError(`the original amount in ${paidCurrency} cannot be stored exactly`);
  }
  return { amountMinor, currency: paidCurrency, rate: formatRate(rate) };
}
