/**
 * The words of the account mails (address verification, password reset, slowed sign-in) and of the
 * unsubscribe page in the person's language. The texts are the `mail` section of the PWA's `email`
 * catalogues, so the ten languages are translated in one place.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import ar from '../../../../web/messages/ar/email.json';
import de from '../../../../web/messages/de/email.json';
import en from '../../../../web/messages/en/email.json';
import es from '../../../../web/messages/es/email.json';
import fr from '../../../../web/messages/fr/email.json';
import it from '../../../../web/messages/it/email.json';
import ja from '../../../../web/messages/ja/email.json';
import nl from '../../../../web/messages/nl/email.json';
import pt from '../../../../web/messages/pt/email.json';
import zh from '../../../../web/messages/zh/email.json';

type MailWords = typeof en.mail;
export type MailWordKey = keyof MailWords;

const CATALOGUES: Readonly<Record<string, Partial<MailWords>>> = {
  ar: ar.mail,
  de: de.mail,
  en: en.mail,
  es: es.mail,
  fr: fr.mail,
  it: it.mail,
  ja: ja.mail,
  nl: nl.mail,
  pt: pt.mail,
  zh: zh.mail,
};

/** The languages the mails are written in. */
export const MAIL_LANGUAGES = Object.keys(CATALOGUES);

/** The catalogue language for a stored locale ("de-CH" → de); English when there is none. */
export function mailLanguage(locale: string | null | undefined): string {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return base in CATALOGUES ? base : 'en';
}

const formats = new Map<string, IntlMessageFormat>();

/** One text of the mails in the language of `locale` (a key a translation lacks reads in English). */
export function mailWords(
  locale: string | null | undefined,
  key: MailWordKey,
  values: Record<string, string | number> = {},
): string {
  const language = mailLanguage(locale);
  const cacheKey = `${language}|${key}`;
  let format = formats.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUES[language]?.[key] ?? en.mail[key], language);
    formats.set(cacheKey, format);
  }
  return String(format.format(values));
}
