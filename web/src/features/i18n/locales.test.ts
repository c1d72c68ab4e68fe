import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, autonymOf, directionOf, matchLocale } from './locales';
import { NAMESPACES } from './messages';

const root = path.resolve(import.meta.dirname, '../../../messages');

describe('the languages', () => {
  it('are exactly the message folders, at least ten, one of them right-to-left', () => {
    const folders = readdirSync(root).filter((name) => !name.includes('.'));
    expect([...LOCALES].sort()).toEqual(folders.sort());
    expect(LOCALES.length).toBeGreaterThanOrEqual(10);
    expect(LOCALES.filter((locale) => directionOf(locale) === 'rtl')).toEqual(['ar']);
  });

  it('load every namespace English has', () => {
    const english = readdirSync(path.join(root, 'en')).map((name) => name.replace(/\.json$/, ''));
    expect([...NAMESPACES].sort()).toEqual(english.sort());
  });

  it.each([
    [['pt-BR', 'en'], 'pt'],
    [['zh-Hant-TW'], 'zh'],
    [['sv-SE', 'de-AT'], 'de'],
    [['sv'], 'en'],
    [[], 'en'],
  ])('match the browser languages %j to %s', (preferred, expected) => {
    expect(matchLocale(preferred)).toBe(expected);
  });

  it('are named in their own language', () => {
    expect(autonymOf('de')).toBe('Deutsch');
    expect(autonymOf('fr')).toBe('Français');
  });
});
