'use client';

import { useLocale } from 'next-intl';
import { useMemo } from 'react';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Dates, sizes and counts in the person's language. */
export function useAdminFormat() {
  const locale = useLocale();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const count = new Intl.NumberFormat(locale);
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      date: (iso: string) => dateTime.format(new Date(iso)),
      count: (value: number) => count.format(value),
      decimal: (value: number) => decimal.format(value),
      bytes: (value: number) => {
        let unit = 0;
        let scaled = value;
        while (scaled >= 1024 && unit < UNITS.length - 1) {
          scaled /= 1024;
          unit += 1;
        }
        return new Intl.NumberFormat(locale, {
          style: 'unit',
          unit: UNITS[unit],
          unitDisplay: 'short',
          maximumFractionDigits: unit === 0 ? 0 : 1,
        }).format(scaled);
      },
    };
  }, [locale]);
}
