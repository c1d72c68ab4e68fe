'use client';

import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import goals from '../../../messages/en/goals.json';
import month from '../../../messages/en/month.json';
import sync from '../../../messages/en/sync.json';
import today from '../../../messages/en/today.json';
import transactions from '../../../messages/en/transactions.json';
import { SyncedScreen } from './synced-screen';

const MESSAGES = { today, month, transactions, goals, sync };

/**
 * Interim frame of the local-first screens until the locale routing frame hosts them: English
 * messages of their namespaces, and the tab's sync. The locale frame replaces it with its own
 * provider (every locale's files are in `messages/<locale>/`).
 */
export function LocalFirstFrame({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale="en" timeZone="UTC" messages={MESSAGES}>
      <SyncedScreen>{children}</SyncedScreen>
    </NextIntlClientProvider>
  );
}
