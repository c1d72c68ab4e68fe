'use client';

import { localDateOf, type Plan } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { paceDatabase, type SettingsRecord, type TransactionRecord } from '@/lib/db';
import { useCategoryLabel } from './category-label';
import { computeLocalMonth, type LocalMonth } from './local-month';

export type LocalMonthView =
  | { kind: 'loading' }
  /** Nothing synced yet (a new device, or before onboarding). */
  | { kind: 'empty' }
  | { kind: 'no-plan'; settings: SettingsRecord; today: string; month: string }
  | { kind: 'error'; message: string }
  | ({
      kind: 'ready';
      settings: SettingsRecord;
      today: string;
      month: string;
      transactions: TransactionRecord[];
      names: ReadonlyMap<string, string>;
    } & LocalMonth);

/** The latest transactions of the month read for Today. */
const RECENT = 20;

/** Display names of the plan's categories and the person's own. */
function namesOf(plan: Plan, own: readonly { id: string; name: string }[]) {
  const names = new Map<string, string>();
  for (const c of plan.categories) names.set(c.id, c.name);
  for (const c of own) names.set(c.id, c.name);
  return names;
}

/**
 * A month (default: the current one in the budget's time zone) computed on this device from the
 * IndexedDB mirror, recomputed whenever the mirror changes (a local write, a pull).
 */
export function useLocalMonth(month?: string): LocalMonthView {
  const label = useCategoryLabel();
  const view =
    useLiveQuery(async (): Promise<LocalMonthView> => {
      const db = paceDatabase();
      const settings = await db.settings.get('budget');
      if (!settings) return { kind: 'empty' };
      const today = localDateOf(new Date(), settings.timeZone);
      const target = month ?? today.slice(0, 7);
      const [plan, adjustments, ledger, recent, categories, goals] = await Promise.all([
        db.plan.get(target),
        db.adjustments.where('month').equals(target).toArray(),
        db.ledger.get(target),
        db.transactions
          .where('bookedOn')
          .between(`${target}-01`, `${target}-31`, true, true)
          .reverse()
          .filter((t) => !t.deletedAt)
          .limit(RECENT)
          .toArray(),
        db.categories.toArray(),
        db.goals.toArray(),
      ]);
      if (!plan) return { kind: 'no-plan', settings, today, month: target };
      try {
        const local = computeLocalMonth({
          planDocument: plan.plan,
          settings,
          adjustments,
          ledger,
          categories,
          today,
        });
        return {
          kind: 'ready',
          settings,
          today,
          month: target,
          transactions: recent,
          names: namesOf(local.plan, [
            ...categories,
            ...goals.map((g) => ({ id: g.categoryId, name: g.name })),
          ]),
          ...local,
        };
      } catch (error) {
        return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      }
    }, [month]) ?? ({ kind: 'loading' } as const);
  if (view.kind !== 'ready') return view;
  return { ...view, names: new Map([...view.names].map(([id, name]) => [id, label(id, name)])) };
}
