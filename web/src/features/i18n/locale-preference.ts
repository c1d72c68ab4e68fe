'use client';

import { useSyncExternalStore } from 'react';
import { LOCALE_STORAGE_KEY } from './constants';
import { DEFAULT_LOCALE, isLocale, matchLocale, type Locale } from './locales';

export { LOCALE_STORAGE_KEY } from './constants';

const listeners = new Set<() => void>();

function readStored(): Locale | null {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage disabled: the browser's languages decide
  }
}

/** The person's language: the stored choice, else the browser's, else English. */
export function currentLocale(): Locale {
  return readStored() ?? matchLocale(navigator.languages ?? [navigator.language]);
}

/** Stores the choice and tells every screen of this tab (other tabs hear the storage event). */
export function chooseLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // storage disabled: the choice lasts for this tab only
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === LOCALE_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The person's language; English while the static page hydrates. */
export function useLocalePreference(): Locale {
  return useSyncExternalStore(subscribe, currentLocale, () => DEFAULT_LOCALE);
}
