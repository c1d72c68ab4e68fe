import { z } from 'zod';
import { isCurrencyCode } from '@pace/engine';

/** A profile change as an API input carries it: an absent or null field stays as it is. */
export interface ProfileFields {
  name?: string | null;
  currency?: string | null;
  country?: string | null;
  timeZone?: string | null;
  locale?: string | null;
}

/** The fields of a profile change, checked and normalised. */
export type NormalisedProfile = { [K in keyof ProfileFields]?: string };

export type ProfileProblem = { field: keyof ProfileFields | 'email'; expected: string };

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

function canonicalLocale(value: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

/** Normalises the fields given (null is as absent) and lists what is wrong with them. */
export function normaliseProfile(fields: ProfileFields): {
  value: NormalisedProfile;
  problems: ProfileProblem[];
} {
  const value: NormalisedProfile = {};
  const problems: ProfileProblem[] = [];
  if (fields.name != null) {
    value.name = fields.name.trim();
    if (value.name.length < 1 || value.name.length > 100)
      problems.push({ field: 'name', expected: '1 to 100 characters' });
  }
  if (fields.currency != null) {
    value.currency = fields.currency.trim().toUpperCase();
    // The engine's list: a budget accepts exactly these (metals and test codes have no minor unit).
    if (!isCurrencyCode(value.currency))
      problems.push({ field: 'currency', expected: 'an ISO 4217 code such as EUR' });
  }
  if (fields.country != null) {
    value.country = fields.country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(value.country))
      problems.push({ field: 'country', expected: 'an ISO 3166-1 code such as DE' });
  }
  if (fields.timeZone != null) {
    value.timeZone = fields.timeZone.trim();
    if (!isTimeZone(value.timeZone))
      problems.push({ field: 'timeZone', expected: 'an IANA time zone such as Europe/Berlin' });
  }
  if (fields.locale != null) {
    const locale = canonicalLocale(fields.locale.trim());
    if (locale) value.locale = locale;
    else problems.push({ field: 'locale', expected: 'a BCP 47 locale such as en-GB' });
  }
  return { value, problems };
}

/** The address lower-cased, when it is one the mailer can send to (the e-mail job's own check). */
export function normaliseEmail(email: string): string | undefined {
  const value = email.trim().toLowerCase();
  return value.length <= 254 && z.email().safeParse(value).success ? value : undefined;
}
