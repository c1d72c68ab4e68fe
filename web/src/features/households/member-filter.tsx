'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { paceDatabase, type HouseholdRecord } from '@/lib/db';
import styles from './household.module.css';

/** Who booked: a member's user id, and the budget owner's (whose own bookings carry no member). */
export interface BookedByFilter {
  userId: string;
  ownerId: string;
}

/** Whether a transaction was booked by the member the filter names (none: every transaction). */
export function matchesBookedBy(
  transaction: { memberId?: string | null },
  filter: BookedByFilter | null | undefined,
): boolean {
  if (!filter) return true;
  return (transaction.memberId ?? filter.ownerId) === filter.userId;
}

/** The household on this device (synced), or null outside one. */
export function useHousehold(): HouseholdRecord | null | undefined {
  return useLiveQuery(
    async () => (await paceDatabase().households.toCollection().first()) ?? null,
    [],
  );
}

/** The transactions screen's "booked by" filter; nothing outside a household. */
export function MemberFilter({
  value,
  onChange,
  className,
}: {
  value: BookedByFilter | null;
  onChange: (next: BookedByFilter | null) => void;
  className?: string;
}) {
  const t = useTranslations('household.ledger');
  const id = useId();
  const household = useHousehold();
  if (!household || household.members.length < 2) return null;
  return (
    <div className={className}>
      <label htmlFor={`${id}-member`}>{t('memberFilter')}</label>
      <select
        id={`${id}-member`}
        value={value?.userId ?? ''}
        data-testid="member-filter"
        onChange={(event) =>
          onChange(
            event.target.value ? { userId: event.target.value, ownerId: household.ownerId } : null,
          )
        }
      >
        <option value="">{t('everyone')}</option>
        {household.members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Booked by …" on a transaction of a shared budget; nothing outside a household. */
export function BookedBy({ memberId }: { memberId?: string | null }) {
  const t = useTranslations('household.ledger');
  const household = useHousehold();
  if (!household || household.members.length < 2) return null;
  const booker = household.members.find((m) => m.userId === (memberId ?? household.ownerId));
  if (!booker) return null;
  return (
    <span className={styles.bookedBy} data-testid="booked-by">
      {t('bookedBy', { name: booker.name })}
    </span>
  );
}
