import { SplitError } from './split.errors';

/** A split has at least this many parts (one part is a plain transaction). */
export const MIN_SPLIT_PARTS = 2;
/** A split has at most this many parts. */
export const MAX_SPLIT_PARTS = 20;

/**
 * Refuses parts that cannot make up the total: too few or too many, one not above zero, or a sum
 * that differs from the total by any amount (exact minor units, nothing is rounded or spread).
 */
export function checkSplitParts(totalMinor: number, partsMinor: readonly number[]): void {
  if (partsMinor.length < MIN_SPLIT_PARTS || partsMinor.length > MAX_SPLIT_PARTS)
    throw new SplitError('SPLIT_INPUT_INVALID', {
      message: `A split has ${MIN_SPLIT_PARTS} to ${MAX_SPLIT_PARTS} parts; ${partsMinor.length} were given.`,
    });
  if (totalMinor <= 0)
    throw new SplitError('SPLIT_INPUT_INVALID', { message: 'total must be more than zero.' });
  partsMinor.forEach((amountMinor, index) => {
    if (amountMinor <= 0)
      throw new SplitError('SPLIT_INPUT_INVALID', {
        message: `parts[${index}].amount must be more than zero.`,
      });
  });
  const sumMinor = partsMinor.reduce((sum, amountMinor) => sum + amountMinor, 0);
  if (sumMinor !== totalMinor)
    throw new SplitError('SPLIT_TOTAL_MISMATCH', { totalMinor, partsMinor: sumMinor });
}

/** The ledger fields a part of a split shares with the split: a part may not change them alone. */
export interface SharedPartFields {
  amountMinor: number;
  direction: string;
  bookedOn: string;
  merchant: string | null;
  currency: string;
}

/**
 * What an edit of one part on its own may do: change its category or note. A new amount would
 * break the split's total; a new day, direction, payee or currency would pull it out of the payment.
 */
export function checkPartEdit(current: SharedPartFields, next: Partial<SharedPartFields>): void {
  if (next.amountMinor !== undefined && next.amountMinor !== current.amountMinor)
    throw new SplitError('SPLIT_TOTAL_MISMATCH', {});
  for (const field of ['direction', 'bookedOn', 'merchant', 'currency'] as const) {
    if (next[field] !== undefined && next[field] !== current[field])
      throw new SplitError('SPLIT_PART_LOCKED');
  }
}

/**
 * Checks a write of one ledger row on its own (the transactions feature asks before it writes):
 * a part of a split may change its category or note; its amount, day, direction and payee belong
 * to the split, and it is deleted or restored only with the split.
 */
export function checkSplitPartChange(
  current: SharedPartFields & { splitId: string | null },
  change: { kind: 'created' | 'updated' | 'deleted' | 'restored'; next: Partial<SharedPartFields> },
): void {
  if (!current.splitId) return;
  if (change.kind !== 'updated') throw new SplitError('SPLIT_PART_LOCKED');
  checkPartEdit(current, change.next);
}
