'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { LOCALES, autonymOf, isLocale, type Locale } from './locales';
import { chooseLocale, useLocalePreference } from './locale-preference';

/** A labelled list of the languages, each in its own name; the choice persists on the device. */
export function LanguageSwitch({
  className,
  selectClassName,
  onChange,
}: {
  className?: string;
  selectClassName?: string;
  onChange?: (locale: Locale) => void;
}) {
  const t = useTranslations('shell');
  const id = useId();
  const locale = useLocalePreference();
  return (
    <div className={className}>
      <label htmlFor={id}>{t('language')}</label>
      <select
        id={id}
        className={selectClassName}
        value={locale}
        onChange={(event) => {
          const chosen = event.target.value;
          if (!isLocale(chosen)) return;
          chooseLocale(chosen);
          onChange?.(chosen);
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
