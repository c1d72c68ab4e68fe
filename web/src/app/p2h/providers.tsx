'use client';

import { NextIntlClientProvider } from 'next-intl';
import { useEffect, type ReactNode } from 'react';
import { provideAccessToken, SyncedScreen } from '@/features/sync';
import today from '../../../messages/en/today.json';
import month from '../../../messages/en/month.json';
import transactions from '../../../messages/en/transactions.json';
import goals from '../../../messages/en/goals.json';
import sync from '../../../messages/en/sync.json';

export function HarnessProviders({ children }: { children: ReactNode }) {
  useEffect(() => {
    const token = localStorage.getItem('p2h-token');
    if (token) provideAccessToken(async () => localStorage.getItem('p2h-token'));
  }, []);
  return (
    <NextIntlClientProvider
      locale="en"
      timeZone="UTC"
      messages={{ today, month, transactions, goals, sync }}
    >
      <SyncedScreen>{children}</SyncedScreen>
    </NextIntlClientProvider>
  );
}
