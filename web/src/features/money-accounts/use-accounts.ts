'use client';

import { localDateOf } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { paceDatabase } from '@/lib/db';
import { apiRequest } from '@/features/sync/sync-runtime';
import type { AccountsQuery } from '@/lib/graphql/generated';
import { balancesOf, monthEnds, netWorthOf } from './balances';
import { saveAccounts } from './money-account-sync';
import { ACCOUNTS } from './money-account.operations';

/** How many month ends the net worth table shows. */
const NET_WORTH_MONTHS = 6;

/**
 * The accounts with their balances, the transfers and the net worth, all from this device's
 * mirror (so the screen works offline). Online, the accounts are read once from the API too: the
 * server creates the default account on that first read.
 */
export function useAccounts() {
  const data = useLiveQuery(async () => {
    const db = paceDatabase();
    const [settings, accounts, transfers, transactions] = await Promise.all([
      db.settings.get('budget'),
      db.moneyAccounts.toArray(),
      db.transfers.toArray(),
      db.transactions.toArray(),
    ]);
    const today = settings ? localDateOf(new Date(), settings.timeZone) : null;
    return {
      settings,
      today,
      balances: balancesOf(accounts, transactions, transfers),
      transfers: [...transfers].sort(
        (a, b) => b.bookedOn.localeCompare(a.bookedOn) || b.createdAt.localeCompare(a.createdAt),
      ),
      netWorth: today
        ? netWorthOf(accounts, transactions, transfers, monthEnds(today, NET_WORTH_MONTHS))
        : [],
    };
  });
  const hasSettings = Boolean(data?.settings);
  useEffect(() => {
    if (!hasSettings) return;
    apiRequest<AccountsQuery>(ACCOUNTS)
      .then((answer) => saveAccounts(paceDatabase(), answer.accounts.nodes))
      .catch(() => undefined);
  }, [hasSettings]);
  return data;
}
