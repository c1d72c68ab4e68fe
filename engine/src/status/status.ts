/**
 * The one day/category status (domain §5), used by the server, the PWA and notifications alike:
 * green when spent ≤ allocation; yellow when over by at most T = max(lo, min(hi, 5 % of the
 * allocation)); red beyond. `lo`/`hi` are per-currency constants; a currency without them uses
 * 5 % alone, at least one minor unit. Comparisons are exact integer arithmetic.
 */
import { minorPerMajor } from '../money/currencies';

/** Traffic-light status of spending against an allocation. */
export type Status = 'green' | 'yellow' | 'red';

/** Tolerance as a share of the allocation: 5 / 100. */
export const YELLOW_SHARE = { numerator: 5, denominator: 100 } as const;

/** Per-currency bounds of the yellow band, in major units. */
export const YELLOW_BOUNDS_MAJOR: Readonly<Record<string, { lo: number; hi: number }>> = {
  USD: { lo: 2, hi: 25 },
  EUR: { lo: 2, hi: 25 },
  GBP: { lo: 2, hi: 25 },
  CHF: { lo: 2, hi: 25 },
  CAD: { lo: 2, hi: 25 },
  AUD: { lo: 2, hi: 25 },
};

/** Inputs of the status: spending and the allocation it is measured against. */
export interface StatusInput {
  readonly spentMinor: number;
  readonly allocationMinor: number;
  readonly currency: string;
}

/** Green, yellow or red for spending against an allocation in a currency. */
export function computeStatus(input: StatusInput): Status {
  const { spentMinor, allocationMinor, currency } = input;
  const over = spentMinor - allocationMinor;
  if (over <= 0) return 'green';
  const allocation = Math.max(0, allocationMinor);
  // over ≤ share·allocation ⇔ over·denominator ≤ numerator·allocation (no rounding).
  const withinShare = over * YELLOW_SHARE.denominator <= YELLOW_SHARE.numerator * allocation;
  const bounds = YELLOW_BOUNDS_MAJOR[currency];
  if (bounds === undefined) return over <= 1 || withinShare ? 'yellow' : 'red';
  const unit = minorPerMajor(currency);
  const lo = bounds.lo * unit;
  const hi = bounds.hi * unit;
  // over ≤ max(lo, min(hi, share)) ⇔ over ≤ lo, or (over ≤ hi and over ≤ share).
  return over <= lo || (over <= hi && withinShare) ? 'yellow' : 'red';
}
