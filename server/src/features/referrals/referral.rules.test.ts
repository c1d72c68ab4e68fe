import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  judgeReward,
  mailboxOf,
  newReferralCode,
  normaliseReferralCode,
  type RewardFacts,
} from './referral.rules';

const base: RewardFacts = {
  referrer: { id: 'a', email: 'ann@example.com' },
  invitee: { id: 'b', email: 'bob@example.com' },
  referrerDevices: ['d-ann'],
  inviteeDevices: ['d-bob'],
  rewardedDevices: ['d-carl'],
  referrerPayments: ['cus_ann'],
  inviteePayments: [],
  rewardedPayments: ['cus_carl'],
};

describe('judgeReward', () => {
  it.each([
    ['different people', {}, { outcome: 'granted' }],
    ['the same account', { invitee: { id: 'a', email: 'x@example.com' } }, 'self_referral'],
    [
      'the same mailbox, other case and +tag',
      { invitee: { id: 'b', email: 'Ann+2@Example.com' } },
      'self_referral',
    ],
    ['the referrer’s device', { inviteeDevices: ['d-ann'] }, 'same_device'],
    ['a rewarded invitee’s device', { inviteeDevices: ['d-carl'] }, 'same_device'],
    ['the referrer’s payment method', { inviteePayments: ['cus_ann'] }, 'same_payment_method'],
    [
      'a rewarded invitee’s payment method',
      { inviteePayments: ['cus_carl'] },
      'same_payment_method',
    ],
  ] as const)('%s', (_name, change, expected) => {
    const decision = judgeReward({ ...base, ...change });
    expect(decision).toEqual(
      typeof expected === 'string' ? { outcome: 'refused', reason: expected } : expected,
    );
  });
});

describe('codes', () => {
  it('are 8 symbols of the unambiguous alphabet and read back in any case', () => {
    let n = 0;
    const code = newReferralCode((size) => (n += 7) % size);
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
    expect(normaliseReferralCode(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `)).toBe(
      code,
    );
    expect(normaliseReferralCode('ABCD0OIL')).toBeNull();
    expect(normaliseReferralCode('ABC')).toBeNull();
  });

  it('mailboxes ignore case and +tags', () => {
    expect(mailboxOf(' Ann+Promo@Example.COM')).toBe('ann@example.com');
  });
});
