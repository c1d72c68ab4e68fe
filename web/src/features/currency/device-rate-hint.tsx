'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useTranslations } from 'next-intl';
import { paceDatabase } from '@/lib/db';
import { formatLocalDate } from '@/lib/format/money';
import { deviceRateOf } from './offline-conversion';

/**
 * Says how an amount paid in another currency is converted: by the server at the booking day's
 * rate, and until then on this device at the synced rate it will use, or not at all when the
 * device knows none (docs/currencies.md §5).
 */
export function DeviceRateHint({
  id,
  className,
  paidCurrency,
  budgetCurrency,
  bookedOn,
}: {
  id: string;
  className?: string;
  paidCurrency: string;
  budgetCurrency: string;
  bookedOn: string;
}) {
  const t = useTranslations('currency');
  const locale = useLocale();
  // undefined while reading, null when the device knows no rate that early.
  const rate = useLiveQuery(
    () => deviceRateOf(paceDatabase(), { paidCurrency, budgetCurrency, bookedOn }),
    [paidCurrency, budgetCurrency, bookedOn],
  );
  if (rate === undefined) return null;
  return (
    <p id={id} className={className} data-testid="device-rate-hint">
      {t('convertedLater', { currency: budgetCurrency })}{' '}
      {rate
        ? t('deviceRate', {
            date: formatLocalDate(rate.rateOn, locale),
            paidCurrency,
            rate: rate.rate,
            currency: budgetCurrency,
          })
        : t('noDeviceRate', { paidCurrency, currency: budgetCurrency })}
    </p>
  );
}
