import { describe, expect, it } from 'vitest';
import {
  resendWaitMs,
  verificationTokenState,
  RESEND_WINDOW_MS,
  type VerificationTokenState,
} from './email-verification.rules';

const NOW = new Date('2025-03-10T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('resendWaitMs', () => {
  it.each([
    ['nothing sent yet', [], 0],
    ['the last mail 10 s ago', [ago(10_000)], 50_000],
    ['the last mail 60 s ago', [ago(60_000)], 0],
    ['four mails today, the last 2 min ago', [1, 2, 3, 4].map((h) => ago(h * 120_000)), 0],
    [
      'five mails in 24 h, the oldest 23 h ago',
      [ago(23 * 3600_000), ago(4 * 3600_000), ago(3 * 3600_000), ago(2 * 3600_000), ago(3600_000)],
      3600_000,
    ],
    [
      'five mails, the oldest just outside the window',
      [ago(RESEND_WINDOW_MS), ago(4e6), ago(3e6), ago(2e6), ago(1e6)],
      0,
    ],
  ])('%s', (_, sent, wait) => {
    expect(resendWaitMs(sent, NOW)).toBe(wait);
  });
});

describe('verificationTokenState', () => {
  const token = { usedAt: null, expiresAt: new Date(NOW.getTime() + 1), email: 'a@example.com' };
  it.each<
    [string, Parameters<typeof verificationTokenState>[0], string | null, VerificationTokenState]
  >([
    ['a fresh token for the current address', token, 'a@example.com', 'VALID'],
    ['no such token', null, 'a@example.com', 'UNKNOWN'],
    ['the account is gone', token, null, 'UNKNOWN'],
    ['a used token', { ...token, usedAt: ago(1) }, 'a@example.com', 'USED'],
    ['an expired token', { ...token, expiresAt: NOW }, 'a@example.com', 'EXPIRED'],
    ['the address changed since', token, 'b@example.com', 'ADDRESS_CHANGED'],
  ])('%s', (_, stored, email, state) => {
    expect(verificationTokenState(stored, email, NOW)).toBe(state);
  });
});
