import { describe, expect, it } from 'vitest';
import { inviteState, normalizeEmail, roleAllows } from './household.rules';

const NOW = new Date('2026-03-10T12:00:00Z');
const LATER = new Date('2026-03-17T12:00:00Z');

describe('inviteState', () => {
  it.each([
    ['no invitation', null, 'UNKNOWN'],
    ['revoked', { acceptedAt: null, revokedAt: NOW, expiresAt: LATER }, 'UNKNOWN'],
    ['accepted', { acceptedAt: NOW, revokedAt: null, expiresAt: LATER }, 'USED'],
    ['expired at this instant', { acceptedAt: null, revokedAt: null, expiresAt: NOW }, 'EXPIRED'],
    ['pending', { acceptedAt: null, revokedAt: null, expiresAt: LATER }, 'VALID'],
  ] as const)('%s → %s', (_name, invite, state) => {
    expect(inviteState(invite, NOW)).toBe(state);
  });
});

describe('roleAllows', () => {
  it.each([
    ['owner', 'read', true],
    ['owner', 'write', true],
    ['member', 'write', true],
    ['viewer', 'read', true],
    ['viewer', 'write', false],
  ] as const)('%s may %s: %s', (role, access, allowed) => {
    expect(roleAllows(role, access)).toBe(allowed);
  });
});

describe('normalizeEmail', () => {
  it.each([
    [' Sam@Example.COM ', 'sam@example.com'],
    ['no-at-sign', null],
    ['two@@example.com', null],
    ['spaces in@example.com', null],
  ] as const)('%s → %s', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});
