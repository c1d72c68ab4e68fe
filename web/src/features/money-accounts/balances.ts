import {
  balanceOf as engineBalanceOf,
  netWorthOf as engineNetWorthOf,
  recentMonthEnds,
  type AccountOpening,
  type BalanceMovement,
  type BalanceTransfer,
  type NetWorthPoint,
} from '@pace/engine';
import type { MoneyAccountRecord, TransactionRecord, TransferRecord } from '@/lib/db';

export type { NetWorthPoint };

/** One account with its balance as this device's mirror makes it. */
export interface AccountBalance {
  account: MoneyAccountRecord;
  balanceMinor: number;
}

type Movement = Pick<TransactionRecord, 'accountId' | 'direction' | 'amountMinor' | 'bookedOn'> & {
  deletedAt?: string | null;
};

/** The mirror's live transactions, as the engine's balance rule reads them. */
const liveMovements = (movements: readonly Movement[]): BalanceMovement[] =>
  movements.filter((m) => !m.deletedAt);

/** The mirror's transfers, as the engine's balance rule reads them. */
const transferMovements = (transfers: readonly TransferRecord[]): BalanceTransfer[] =>
  transfers.map((t) => ({
    fromAccountId: t.fromAccountId,
    toAccountId: t.toAccountId,
    amountMinor: t.amountMinor,
    transferredOn: t.bookedOn,
  }));

/**
 * The balance at the end of local day `through` (or after every entry when absent), by the
 * engine's rule, the server's too (docs/accounts.md).
 */
export function balanceOf(
  account: AccountOpening,
  movements: readonly Movement[],
  transfers: readonly TransferRecord[],
  through?: string,
): number {
  return engineBalanceOf(account, liveMovements(movements), transferMovements(transfers), through);
}

/** Every account with its balance: the default one first, then oldest first. */
export function balancesOf(
  accounts: readonly MoneyAccountRecord[],
  movements: readonly Movement[],
  transfers: readonly TransferRecord[],
): AccountBalance[] {
  const live = liveMovements(movements);
  const moves = transferMovements(transfers);
  return [...accounts]
    .sort(
      (a, b) => Number(b.isDefault) - Number(a.isDefault) || a.createdAt.localeCompare(b.createdAt),
    )
    .map((account) => ({ account, balanceMinor: engineBalanceOf(account, live, moves) }));
}

/** The last day of each of the `months` months ending with `today`'s, the last being today. */
export function monthEnds(today: string, months: number): string[] {
  return recentMonthEnds(today, months);
}

/** Net worth at each day: assets are the positive balances, liabilities the negative ones. */
export function netWorthOf(
  accounts: readonly MoneyAccountRecord[],
  movements: readonly Movement[],
  transfers: readonly TransferRecord[],
  days: readonly string[],
): NetWorthPoint[] {
  return engineNetWorthOf(accounts, liveMovements(movements), transferMovements(transfers), days);
}
