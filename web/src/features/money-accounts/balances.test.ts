import { describe, expect, it } from 'vitest';
import type { MoneyAccountRecord, TransferRecord } from '@/lib/db';
import { balanceOf, balancesOf, monthEnds, netWorthOf } from './balances';

const account = (over: Partial<MoneyAccountRecord>): MoneyAccountRecord => ({
  id: 'a',
  name: 'A',
  kind: 'checking',
  currency: 'USD',
  openingBalanceMinor: 0,
  openingOn: '2026-03-01',
  isDefault: false,
  isArchived: false,
  reconciledThrough: null,
  createdAt: '2026-03-01T00:00:00Z',
  version: 1,
  updatedAt: '2026-03-01T00:00:00Z',
  ...over,
});
const transfer = (over: Partial<TransferRecord>): TransferRecord => ({
  id: 't',
  bookedOn: '2026-03-10',
  fromAccountId: 'bank',
  toAccountId: 'cash',
  amountMinor: 20_000,
  currency: 'USD',
  note: '',
  createdAt: '2026-03-10T00:00:00Z',
  version: 1,
  updatedAt: '2026-03-10T00:00:00Z',
  ...over,
});

describe('balances on the device', () => {
  const bank = account({ id: 'bank', name: 'Bank', openingBalanceMinor: 100_000 });
  const cash = account({ id: 'cash', name: 'Cash', openingBalanceMinor: 5_000 });
  const main = account({ id: 'main', name: 'Main', isDefault: true, openingOn: null });

  it('a transfer moves money between the two accounts, exactly', () => {
    const rows = balancesOf([bank, cash], [], [transfer({})]);
    expect(rows.map((r) => [r.account.name, r.balanceMinor])).toEqual([
      ['Bank', 80_000],
      ['Cash', 25_000],
    ]);
  });

  it('incomes add, expenses take away, transactions without an account belong to the default one', () => {
    const movements = [
      {
        accountId: null,
        direction: 'expense' as const,
        amountMinor: 1_234,
        bookedOn: '2026-03-02',
      },
      {
        accountId: 'bank',
        direction: 'income' as const,
        amountMinor: 50_000,
        bookedOn: '2026-03-03',
      },
      {
        accountId: 'bank',
        direction: 'expense' as const,
        amountMinor: 999,
        bookedOn: '2026-02-03',
      },
      { accountId: 'bank', direction: 'transfer' as const, amountMinor: 7, bookedOn: '2026-03-03' },
    ];
    expect(balanceOf(main, movements, [])).toBe(-1_234);
    // Before the opening day an entry does not count; a transfer-direction entry never does.
    expect(balanceOf(bank, movements, [])).toBe(150_000);
  });

  it('a deleted transaction no longer counts; a transfer counts on its booking day', () => {
    const spent = {
      accountId: 'bank',
      direction: 'expense' as const,
      amountMinor: 2_500,
      bookedOn: '2026-03-05',
    };
    expect(balanceOf(bank, [spent], [])).toBe(97_500);
    expect(balanceOf(bank, [{ ...spent, deletedAt: '2026-03-06T00:00:00Z' }], [])).toBe(100_000);
    expect(balanceOf(bank, [], [transfer({})], '2026-03-09')).toBe(100_000);
    expect(balanceOf(bank, [], [transfer({})], '2026-03-10')).toBe(80_000);
  });

  it('net worth at month ends sums assets and liabilities', () => {
    const card = account({ id: 'card', openingBalanceMinor: -30_000, openingOn: '2026-02-01' });
    expect(monthEnds('2026-03-10', 3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-10']);
    expect(netWorthOf([bank, card], [], [], ['2026-01-31', '2026-02-28', '2026-03-10'])).toEqual([
      { on: '2026-01-31', assetsMinor: 0, liabilitiesMinor: 0 },
      { on: '2026-02-28', assetsMinor: 0, liabilitiesMinor: -30_000 },
      { on: '2026-03-10', assetsMinor: 100_000, liabilitiesMinor: -30_000 },
    ]);
  });
});
