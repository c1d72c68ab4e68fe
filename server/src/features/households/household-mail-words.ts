/**
 * The words of the household invitation mail in the person's language: the `mail` section of the
 * PWA's `household` catalogues, so the ten languages are translated in one place.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import ar from '../../../../web/messages/ar/household.json';
import de from '../../../../web/messages/de/household.json';
import en from '../../../../web/messages/en/household.json';
import es from '../../../../web/messages/es/household.json';
import fr from '../../../../web/messages/fr/household.json';
import it from '../../../../web/messages/it/household.json';
import ja from '../../../../web/messages/ja/household.json';
import nl from '../../../../web/messages/nl/household.json';
import pt from '../../../../web/messages/pt/household.json';
import zh from '../../../../web/messages/zh/household.json';
import { mailLanguage } from '../accounts';

type HouseholdMailWords = typeof en.mail;
export type HouseholdMailWordKey = keyof HouseholdMailWords;

const CATALOGUES: Readonly<Record<string, Partial<HouseholdMailWords>>> = {
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

/** One text of the invitation mail in the language of `locale` (English where one is missing). */
export function householdMailWords(
  locale: string | null | undefined,
  key: HouseholdMailWordKey,
  values: Record<string, string | number> = {},
): string {
  const language = mailLanguage(locale);
  const text = CATALOGUES[language]?.[key] ?? en.mail[key];
  return String(new IntlMessageFormat(text, language).format(values));
}
