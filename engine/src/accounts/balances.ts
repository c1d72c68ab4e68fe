/**
 * Money account balances (docs/accounts.md), shared by the server and the offline PWA: a balance
 * is computed from the ledger, never stored, in exact minor units:
 *
 *     balance = opening balance + incomes − expenses + transfers in − transfers out
 *
 * over the entries booked on or after the account's opening date. Transfer-direction transactions
 * (a surplus set aside for a goal) never move a balance. Callers pass live entries only.
 */
import { addMonths, compareLocalDates, dateInMonth, daysInMonth, monthOf } from '../time/calendar';
import type { LocalDate } from '../time/calendar';

/** What a balance starts from. */
export interface AccountOpening {
  id: string;
  isDefault: boolean;
  openingBalanceMinor: number;
  /** Null: every entry counts (the default account). */
  openingOn: LocalDate | null;
}

/** A ledger transaction as a balance sees it; no account means the default one. */
export interface AccountMovement {
  id: string;
  accountId?: string | null;
  direction: 'expense' | 'income' | 'transfer';
  amountMinor: number;
  bookedOn: LocalDate;
  occurredAt: Date;
}

/** A transfer between two accounts as a balance sees it. */
export interface TransferMovement {
  id: string;
  fromAccountId: string;
  toAccountId: string;
  amountMinor: number;
  transferredOn: LocalDate;
  createdAt: Date;
}

/** What a balance needs of a transaction (no order: a register needs the rest). */
export type BalanceMovement = Pick<
  AccountMovement,
  'accountId' | 'direction' | 'amountMinor' | 'bookedOn'
>;

/** What a balance needs of a transfer. */
export type BalanceTransfer = Pick<
  TransferMovement,
  'fromAccountId' | 'toAccountId' | 'amountMinor' | 'transferredOn'
>;

/** One line of an account's register, with the balance after it. */
export interface RegisterEntry {
  kind: 'transaction' | 'transfer';
  id: string;
  on: LocalDate;
  /** Orders entries of one day: the transaction's instant, or when the transfer was recorded. */
  at: Date;
  /** Positive: money in; negative: money out. */
  changeMinor: number;
  balanceAfterMinor: number;
}

/** Net worth at the end of one day. */
export interface NetWorthPoint {
  on: LocalDate;
  /** The balances that are zero or more. */
  assetsMinor: number;
  /** The negative balances (cards, loans): zero or negative. */
  liabilitiesMinor: number;
}

/** Whether a transaction is booked on `account` (no account: the default one). */
export function isOnAccount(
  movement: Pick<AccountMovement, 'accountId'>,
  account: AccountOpening,
): boolean {
  return movement.accountId === account.id || (account.isDefault && !movement.accountId);
}

/** Whether an entry of day `on` counts for the account (on or after its opening date). */
const counts = (account: AccountOpening, on: LocalDate) =>
  account.openingOn === null || compareLocalDates(on, account.openingOn) >= 0;

/** What a transaction did to the account: positive money in, null when it did nothing. */
function movementChange(account: AccountOpening, m: BalanceMovement): number | null {
  if (m.direction === 'transfer' || !isOnAccount(m, account) || !counts(account, m.bookedOn))
    return null;
  return m.direction === 'income' ? m.amountMinor : -m.amountMinor;
}

/** What a transfer did to the account: positive money in, null when it is not one of its two. */
function transferChange(account: AccountOpening, t: BalanceTransfer): number | null {
  if (t.toAccountId !== account.id && t.fromAccountId !== account.id) return null;
  if (!counts(account, t.transferredOn)) return null;
  return (
    (t.toAccountId === account.id ? t.amountMinor : 0) -
    (t.fromAccountId === account.id ? t.amountMinor : 0)
  );
}

/**
 * The account's register, oldest first (by day, then instant, then id), each entry with the
 * running balance. Entries booked before the opening date are left out (the opening balance
 * already holds them).
 */
export function registerOf(
  account: AccountOpening,
  movements: readonly AccountMovement[],
  transfers: readonly TransferMovement[],
): RegisterEntry[] {
  const entries: Omit<RegisterEntry, 'balanceAfterMinor'>[] = [];
  for (const m of movements) {
    const change = movementChange(account, m);
    if (change === null) continue;
    entries.push({
      kind: 'transaction',
      id: m.id,
      on: m.bookedOn,
      at: m.occurredAt,
      changeMinor: change,
    });
  }
  for (const t of transfers) {
    const change = transferChange(account, t);
    if (change === null) continue;
    entries.push({
      kind: 'transfer',
      id: t.id,
      on: t.transferredOn,
      at: t.createdAt,
      changeMinor: change,
    });
  }
  entries.sort(
    (a, b) =>
      compareLocalDates(a.on, b.on) ||
      a.at.getTime() - b.at.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let balance = account.openingBalanceMinor;
  return entries.map((entry) => {
    balance += entry.changeMinor;
    return { ...entry, balanceAfterMinor: balance };
  });
}

/**
 * The balance at the end of local day `on`, read from the account's register (the opening
 * balance on and after the opening date, nothing before it: the account did not hold money yet).
 */
export function balanceOn(
  account: AccountOpening,
  register: readonly RegisterEntry[],
  on: LocalDate,
): number {
  if (account.openingOn !== null && compareLocalDates(on, account.openingOn) < 0) return 0;
  let balance = account.openingBalanceMinor;
  for (const entry of register) {
    if (compareLocalDates(entry.on, on) > 0) break;
    balance = entry.balanceAfterMinor;
  }
  return balance;
}

/** The current balance: after the register's last entry, whatever its date. */
export function currentBalanceOf(
  account: AccountOpening,
  register: readonly RegisterEntry[],
): number {
  return register.at(-1)?.balanceAfterMinor ?? account.openingBalanceMinor;
}

/**
 * The balance at the end of local day `through` (after every entry, future ones included, when
 * absent), without building a register: the same figure as `balanceOn` / `currentBalanceOf`.
 */
export function balanceOf(
  account: AccountOpening,
  movements: readonly BalanceMovement[],
  transfers: readonly BalanceTransfer[],
  through?: LocalDate,
): number {
  if (
    through !== undefined &&
    account.openingOn !== null &&
    compareLocalDates(through, account.openingOn) < 0
  )
    return 0;
  const upTo = (on: LocalDate) => through === undefined || compareLocalDates(on, through) <= 0;
  let balance = account.openingBalanceMinor;
  for (const m of movements) {
    const change = upTo(m.bookedOn) ? movementChange(account, m) : null;
    if (change !== null) balance += change;
  }
  for (const t of transfers) {
    const change = upTo(t.transferredOn) ? transferChange(account, t) : null;
    if (change !== null) balance += change;
  }
  return balance;
}

/** The most month-end points a net worth series may hold. */
export const MAX_NET_WORTH_POINTS = 120;

/**
 * The days a net worth series reports: each month's last day from `from`'s month through `to`'s,
 * the last point being `to` itself (a month not finished yet reads as of `to`). Null when `to` is
 * before `from` or the series would hold more than MAX_NET_WORTH_POINTS.
 */
export function netWorthDays(from: LocalDate, to: LocalDate): LocalDate[] | null {
  if (compareLocalDates(to, from) < 0) return null;
  const days: LocalDate[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = addMonths(month, 1)) {
    if (days.length === MAX_NET_WORTH_POINTS) return null;
    const end = dateInMonth(month, daysInMonth(month));
    days.push(compareLocalDates(end, to) > 0 ? to : end);
  }
  return days;
}

/**
 * The last `months` month ends up to `today` (its own month reads as of `today`), oldest first;
 * `months` is clamped to 1…MAX_NET_WORTH_POINTS.
 */
export function recentMonthEnds(today: LocalDate, months: number): LocalDate[] {
  const count = Math.min(Math.max(Math.trunc(months), 1), MAX_NET_WORTH_POINTS);
  const first = dateInMonth(addMonths(monthOf(today), 1 - count), 1);
  return netWorthDays(first, today) ?? [];
}

/**
 * Net worth at the end of each day: assets are the balances that are zero or more, liabilities
 * the negative ones. Every account counts, archived ones included; before its opening date an
 * account holds nothing.
 */
export function netWorthOf(
  accounts: readonly AccountOpening[],
  movements: readonly BalanceMovement[],
  transfers: readonly BalanceTransfer[],
  days: readonly LocalDate[],
): NetWorthPoint[] {
  return days.map((on) => {
    let assetsMinor = 0;
    let liabilitiesMinor = 0;
    for (const account of accounts) {
      const balance = balanceOf(account, movements, transfers, on);
      if (balance >= 0) assetsMinor += balance;
      else liabilitiesMinor += balance;
    }
    return { on, assetsMinor, liabilitiesMinor };
  });
}
