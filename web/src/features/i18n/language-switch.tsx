'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { LOCALES, autonymOf, isLocale } from './locales';
import { chooseLocale, useLocalePreference } from './locale-preference';

/** A labelled list of the languages, each in its own name; the choice persists on the device. */
export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations('shell');
  const id = useId();
  const locale = useLocalePreference();
  return (
    <div className={className}>
      <label htmlFor={id}>{t('language')}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) chooseLocale(event.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {autonymOf(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
