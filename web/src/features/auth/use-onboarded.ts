'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { paceDatabase } from '@/lib/db';
import { HAS_PLAN } from './auth.operations';
import { sessionTransport } from './session-runtime';

const ONBOARDED_KEY = 'pace.onboarded';

/** Onboarding finished: remembered so an offline start never sends the person back to it. */
export function markOnboarded(userId: string): void {
  window.localStorage.setItem(ONBOARDED_KEY, userId);
}

/**
 * Whether the signed-in account has a plan: known on this device (a synced plan, or onboarding
 * finished here), else asked of the API; `unknown` while asking or offline.
 */
export function useOnboarded(userId: string | null): boolean | 'unknown' {
  const hasLocalPlan = useLiveQuery(async () => (await paceDatabase().plan.count()) > 0, []);
  const [asked, setAsked] = useState<{ userId: string; hasPlan: boolean } | null>(null);
  const remembered =
    userId !== null &&
    typeof window !== 'undefined' &&
    window.localStorage.getItem(ONBOARDED_KEY) === userId;

  useEffect(() => {
    if (!userId || remembered || hasLocalPlan !== false) return;
    let isCurrent = true;
    sessionTransport()<{ plan: { month: string } | null }>(HAS_PLAN).then(
      (data) => {
        if (!isCurrent) return;
        if (data.plan) markOnboarded(userId);
        setAsked({ userId, hasPlan: data.plan !== null });
      },
      () => undefined, // offline or refused: the session handling decides, the screens stay
    );
    return () => {
      isCurrent = false;
    };
  }, [userId, remembered, hasLocalPlan]);

  if (!userId) return 'unknown';
  if (remembered || hasLocalPlan) return true;
  if (asked?.userId === userId) return asked.hasPlan;
  return 'unknown';
}
