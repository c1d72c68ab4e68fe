import { describe, expect, it } from 'vitest';
import { notificationLanguage, notificationText } from './notification-words';
import type { NotificationType } from './notification.table';

const PARAMS = {
  categoryName: 'Food',
  level: 90,
  amount: '1234.50',
  allocation: '1500.00',
  currency: 'EUR',
  runOutOn: '2026-12-24',
  milestone: 7,
  streakDays: 7,
};
const TYPES: NotificationType[] = [
  'budget_level',
  'pace',
  'large_transaction',
  'deficit',
  'goal_milestone',
  'win',
  'morning',
  'webhook_disabled',
  'bill_due',
];
const LANGUAGES = ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pt', 'zh'];

describe('notification words for push and e-mail', () => {
  it('speaks the person’s language, with money and dates in its format', () => {
    const german = notificationText('budget_level', PARAMS, 'de-CH');
    expect(german.title).toBe('Food: 90 % des heutigen Budgets');
    expect(german.body.replace(/\s/g, ' ')).toBe('Heute 1.234,50 € von 1.500,00 € ausgegeben.');
    expect(notificationText('large_transaction', PARAMS, 'en-GB').body).toBe('€1,234.50 in Food.');
    expect(notificationText('pace', PARAMS, 'fr').body).toContain('24 décembre 2026');
    expect(notificationText('large_transaction', PARAMS, 'ja').title).not.toBe('Large expense');
  });

  it('words every type in every language, with no placeholder left', () => {
    for (const language of LANGUAGES) {
      for (const type of TYPES) {
        const { title, body } = notificationText(type, PARAMS, language);
        expect(title.length, `${language} ${type}`).toBeGreaterThan(0);
        expect(body.length, `${language} ${type}`).toBeGreaterThan(0);
        expect(`${title} ${body}`, `${language} ${type}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('keeps the exact amount of a currency without minor units', () => {
    const body = notificationText('deficit', { amount: '15000', currency: 'JPY' }, 'en').body;
    expect(body).toContain('¥15,000');
  });

  it('falls back to English for a locale it has no words for', () => {
    expect(notificationLanguage('sv-SE')).toBe('en');
    expect(notificationLanguage(null)).toBe('en');
    expect(notificationLanguage('pt_BR')).toBe('pt');
    expect(notificationText('deficit', PARAMS, 'sv').title).toBe('Your month is over budget');
  });

  it('uses the morning advice as the body when there is some', () => {
    expect(notificationText('morning', { ...PARAMS, advice: 'Cook tonight.' }, 'it').body).toBe(
      'Cook tonight.',
    );
  });
});
