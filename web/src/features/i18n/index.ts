export { LocaleProvider } from './locale-provider';
export { LocaleHeadScript } from './locale-head-script';
export { LanguageSwitch } from './language-switch';
export { chooseLocale, useLocalePreference } from './locale-preference';
export { LOCALES, directionOf, isLocale, matchLocale, type Locale } from './locales';
