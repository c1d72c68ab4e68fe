'use client';

import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { useEffect, useState, type ReactNode } from 'react';
import { PENDING_ATTRIBUTE } from './constants';
import { DEFAULT_LOCALE, directionOf, type Locale } from './locales';
import { ENGLISH_MESSAGES, loadMessages } from './messages';
import { useLocalePreference } from './locale-preference';

interface Loaded {
  locale: Locale;
  messages: AbstractIntlMessages;
}

/**
 * Every screen's strings in the person's language: the static pages are English, and the stored
 * or browser language replaces it as soon as its messages load. Keeps <html lang dir> in step.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const wanted = useLocalePreference();
  const [active, setActive] = useState<Loaded>({
    locale: DEFAULT_LOCALE,
    messages: ENGLISH_MESSAGES,
  });

  useEffect(() => {
    let isCurrent = true;
    loadMessages(wanted).then(
      (messages) => {
        if (isCurrent) setActive({ locale: wanted, messages });
      },
      () => {
        // The language's files could not load (offline before they were cached): stay readable.
        if (isCurrent) setActive({ locale: DEFAULT_LOCALE, messages: ENGLISH_MESSAGES });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [wanted]);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = active.locale;
    root.dir = directionOf(active.locale);
    if (active.locale === wanted) root.removeAttribute(PENDING_ATTRIBUTE);
  }, [active.locale, wanted]);

  return (
    <NextIntlClientProvider
      locale={active.locale}
      messages={active.messages}
      timeZone={browserTimeZone()}
    >
      {children}
    </NextIntlClientProvider>
  );
}

function browserTimeZone(): string {
  return typeof Intl === 'object' ? Intl.DateTimeFormat().resolvedOptions().timeZone : 'UTC';
}
