import { describe, expect, it } from 'vitest';
import { ruleRecordOf, type WireRule } from './rule-sync';

const wire: WireRule = {
  id: '7d1c3c39-4a8f-4a3e-9d55-0b6c1c3a8e11',
  position: 2,
  textPattern: 'pizza place',
  textMatch: 'GLOB',
  minAmount: { amount: '10.00', currency: 'USD' },
  maxAmount: { amount: '25.50' },
  accountId: null,
  setCategoryId: 'delivery',
  renameMerchant: null,
  addTags: ['food'],
  version: 3,
  updatedAt: '2026-03-01T10:00:00.000Z',
  deletedAt: null,
};

describe('the device copy of a rule', () => {
  it('keeps amounts as exact minor units and the match in lower case', () => {
    expect(ruleRecordOf(wire, 'USD')).toEqual({
      id: wire.id,
      position: 2,
      textPattern: 'pizza place',
      textMatch: 'glob',
      minAmountMinor: 1000,
      maxAmountMinor: 2550,
      currency: 'USD',
      accountId: null,
      setCategoryId: 'delivery',
      renameMerchant: null,
      addTags: ['food'],
      version: 3,
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('reads a rule without amounts in a zero-decimal currency', () => {
    const record = ruleRecordOf(
      { ...wire, textMatch: 'CONTAINS', minAmount: null, maxAmount: { amount: '1500' } },
      'JPY',
    );
    expect(record).toMatchObject({
      textMatch: 'contains',
      minAmountMinor: null,
      maxAmountMinor: 1500,
    });
  });
});
