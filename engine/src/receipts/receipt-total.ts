/**
 * The total: the amount of the line labelled total / amount due / balance due (never subtotal, tax,
 * cash tendered, change or rounding). Several labelled lines are common (`Total incl. GST 23.79`,
 * `Rounding 0.01`, `TOTAL 23.80`): the strongest label wins, then the last line, and agreement with
 * other evidence (cash − change, Σ items + tax, another total line) raises the confidence.
 */
import { findAmounts, lastPrice } from './receipt-amounts';
import { findDates } from './receipt-dates';
import { minorDigitsOf } from '../money/currencies';
import type { LineRole } from './receipt-labels';

/** A line as the total and tax finders see it. */
export interface ClassifiedLine {
  readonly text: string;
  readonly role: LineRole;
  /** The line sits after a tax/GST summary heading (its amounts are breakdowns, not totals). */
  readonly isInSummary: boolean;
}

/** The chosen total and its confidence. */
export interface TotalPick {
  readonly minor: number;
  readonly confidence: number;
  readonly lineIndex: number;
}

interface Money {
  readonly currency: string;
  readonly locale: string;
}

// Cash rounding steps are at most 5 minor units in the currencies that round (CHF, MYR, AUD …).
const ROUNDING_STEP_MINOR = 5;

interface Candidate {
  readonly minor: number;
  readonly lineIndex: number;
  readonly weight: number;
}

/** The rightmost amount of a line, skipping trailing zeros (`RM98.00 RM0.00`) and dated lines. */
function amountAt(lines: readonly ClassifiedLine[], index: number, money: Money): number | null {
  const line = lines[index];
  if (line === undefined || /\d:\d\d/.test(line.text)) return null;
  if (findDates(line.text, money.locale).length > 0) return null;
  const isWhole = minorDigitsOf(money.currency) === 0;
  const amounts = findAmounts(line.text, money.currency, money.locale).filter(
    (amount) => amount.hasDecimals || isWhole,
  );
  const positive = amounts.filter((amount) => amount.minor > 0);
  return (positive.at(-1) ?? amounts.at(-1))?.minor ?? null;
}

/** A rounding adjustment printed after the line, before any other labelled total. */
function roundingAfter(lines: readonly ClassifiedLine[], index: number, money: Money) {
  for (let next = index + 1; next < Math.min(lines.length, index + 4); next += 1) {
    const line = lines[next];
    if (line === undefined || line.role === 'total' || line.role === 'total-strong') return null;
    if (line.role !== 'rounding') continue;
    const amount = lastPrice(line.text, money.currency, money.locale);
    return amount === null || amount.minor === 0 ? null : amount.minor;
  }
  return null;
}

/** The amount of a labelled line, or of the next line when the label stands alone. */
function labelledAmount(lines: readonly ClassifiedLine[], index: number, money: Money) {
  const own = amountAt(lines, index, money);
  if (own !== null) return own;
  const next = lines[index + 1];
  if (next?.role === 'other') {
    const amount = amountAt(lines, index + 1, money);
    if (amount !== null) return amount;
  }
  // A bare amount printed just above its label (`78.50` / `NET TOTAL`).
  const previous = lines[index - 1];
  if (previous?.role === 'other' && !/\p{L}{2}/u.test(previous.text)) {
    const amount = amountAt(lines, index - 1, money);
    if (amount !== null) return amount;
  }
  return next?.role === 'tendered' ? amountAt(lines, index + 1, money) : null;
}

function firstAmountOfRole(lines: readonly ClassifiedLine[], role: LineRole, money: Money) {
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (line?.role !== role || line.isInSummary) continue;
    const amount = labelledAmount(lines, index, money);
    if (amount !== null) return amount;
  }
  return null;
}

/** What cash tendered minus change says the total was, when both are printed. */
export function totalFromPayment(lines: readonly ClassifiedLine[], money: Money): number | null {
  const tendered = firstAmountOfRole(lines, 'tendered', money);
  const change = firstAmountOfRole(lines, 'change', money);
  if (tendered === null || change === null || change > tendered) return null;
  return tendered - change;
}

function candidatesOf(lines: readonly ClassifiedLine[], money: Money): Candidate[] {
  const candidates: Candidate[] = [];
  lines.forEach((line, index) => {
    if (line.isInSummary || (line.role !== 'total' && line.role !== 'total-strong')) return;
    const minor = labelledAmount(lines, index, money);
    if (minor === null || minor <= 0) return;
    candidates.push({ minor, lineIndex: index, weight: line.role === 'total-strong' ? 3 : 2 });
  });
  return candidates;
}

/**
 * The guess when no line is labelled: Σ items (+ tax) when that sum is printed somewhere, else the
 * largest amount on a line that is not a summary line.
 */
function fallbackTotal(
  lines: readonly ClassifiedLine[],
  money: Money,
  sums: readonly number[],
): Candidate | null {
  let best: Candidate | null = null;
  const printed = lines.findIndex((line) =>
    findAmounts(line.text, money.currency, money.locale).some((amount) =>
      sums.includes(amount.minor),
    ),
  );
  if (printed !== -1) {
    const amounts = findAmounts(lines[printed]?.text ?? '', money.currency, money.locale);
    const minor = amounts.find((amount) => sums.includes(amount.minor))?.minor;
    if (minor !== undefined && minor > 0) return { minor, lineIndex: printed, weight: 1 };
  }
  lines.forEach((line, index) => {
    if (line.role !== 'other' || line.isInSummary) return;
    const amount = lastPrice(line.text, money.currency, money.locale);
    if (amount !== null && amount.minor > 0 && (best === null || amount.minor > best.minor))
      best = { minor: amount.minor, lineIndex: index, weight: 0 };
  });
  return best;
}

/** Σ items and Σ items + tax, when items were found: the cross-check of domain §7. */
export interface ItemSums {
  readonly items: number;
  readonly itemsPlusTax: number;
}

interface Scored extends Candidate {
  readonly support: number;
  readonly score: number;
}

/** Scores candidates: label strength, plus agreement, minus being the figure before rounding. */
function scoreCandidates(
  lines: readonly ClassifiedLine[],
  candidates: readonly Candidate[],
  agrees: (minor: number) => number,
): Scored[] {
  return candidates.map((candidate) => {
    const repeats = candidates.some(
      (other) => other !== candidate && other.minor === candidate.minor,
    );
    const support = agrees(candidate.minor) + (repeats ? 1 : 0);
    // A total followed by a rounding line and then another total is the unrounded figure.
    const isUnrounded = candidates.some(
      (later) =>
        later.lineIndex > candidate.lineIndex &&
        lines
          .slice(candidate.lineIndex + 1, later.lineIndex)
          .some((line) => line.role === 'rounding'),
    );
    return { ...candidate, support, score: candidate.weight + support - (isUnrounded ? 1.5 : 0) };
  });
}

/** The best candidate's amount, corrected by a rounding line or by cash − change. */
function settle(
  lines: readonly ClassifiedLine[],
  money: Money,
  best: Scored,
  context: { readonly isLast: boolean; readonly paid: number | null },
): TotalPick {
  const { paid } = context;
  const rounding = context.isLast ? roundingAfter(lines, best.lineIndex, money) : null;
  if (rounding !== null && best.support === 0) {
    // `Total 26.98` then `Rounding 0.02` and no rounded total printed: the payable is 27.00.
    const options = [best.minor + rounding, best.minor - rounding];
    const minor = options.find((option) => option === paid) ?? best.minor + rounding;
    return { minor, lineIndex: best.lineIndex, confidence: 0.65 };
  }
  if (paid !== null && best.support === 0 && Math.abs(paid - best.minor) <= ROUNDING_STEP_MINOR) {
    // Cash − change settles a total that differs only by cash rounding (46.89 paid as 46.90).
    return { minor: paid, lineIndex: best.lineIndex, confidence: 0.65 };
  }
  const base = best.weight === 3 ? 0.85 : 0.75;
  return {
    minor: best.minor,
    lineIndex: best.lineIndex,
    confidence: Math.min(0.98, base + 0.07 * best.support),
  };
}

/** Picks the total from labelled lines, checked against payment and the item sums. */
export function pickTotal(
  lines: readonly ClassifiedLine[],
  money: Money,
  sums: ItemSums | null,
): TotalPick | null {
  const candidates = candidatesOf(lines, money);
  const paid = totalFromPayment(lines, money);
  const agrees = (minor: number) =>
    (paid === minor ? 1 : 0) + (sums?.itemsPlusTax === minor ? 1 : 0);
  // Highest score; on a tie the later line (a rounded total follows the unrounded one).
  const best = scoreCandidates(lines, candidates, agrees).reduce<Scored | null>(
    (winner, candidate) =>
      winner === null || candidate.score >= winner.score ? candidate : winner,
    null,
  );
  if (best !== null) {
    const isLast = candidates.every((candidate) => candidate.lineIndex <= best.lineIndex);
    return settle(lines, money, best, { isLast, paid });
  }
  if (paid !== null && paid > 0) return { minor: paid, lineIndex: -1, confidence: 0.55 };
  const printedSums = sums === null ? [] : [sums.itemsPlusTax, sums.items].filter((sum) => sum > 0);
  const fallback = fallbackTotal(lines, money, printedSums);
  if (fallback === null) return null;
  const isSupported = fallback.weight > 0 || agrees(fallback.minor) > 0;
  return {
    minor: fallback.minor,
    lineIndex: fallback.lineIndex,
    confidence: isSupported ? 0.6 : 0.35,
  };
}
