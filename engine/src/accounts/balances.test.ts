import { describe, expect, it } from 'vitest';
import {
  balanceOf,
  balanceOn,
  currentBalanceOf,
  netWorthDays,
  netWorthOf,
  recentMonthEnds,
  registerOf,
  type AccountMovement,
  type TransferMovement,
} from './balances';

const at = (iso: string) => new Date(iso);
const bank = {
  id: 'bank',
  isDefault: false,
  openingBalanceMinor: 100_000,
  openingOn: '2026-03-01',
};
const main = { id: 'main', isDefault: true, openingBalanceMinor: 0, openingOn: null };

const movements: AccountMovement[] = [
  {
    id: 'm1',
    accountId: null,
    direction: 'expense',
    amountMinor: 1_234,
    bookedOn: '2026-03-02',
    occurredAt: at('2026-03-02T10:00:00Z'),
  },
  {
    id: 'm2',
    accountId: 'bank',
    direction: 'income',
    amountMinor: 50_000,
    bookedOn: '2026-03-03',
    occurredAt: at('2026-03-03T10:00:00Z'),
  },
  {
    id: 'm3',
    accountId: 'bank',
    direction: 'expense',
    amountMinor: 999,
    bookedOn: '2026-02-27',
    occurredAt: at('2026-02-27T10:00:00Z'),
  },
  {
    id: 'm4',
    accountId: 'bank',
    direction: 'transfer',
    amountMinor: 7,
    bookedOn: '2026-03-03',
    occurredAt: at('2026-03-03T11:00:00Z'),
  },
];
const transfers: TransferMovement[] = [
  {
    id: 't1',
    fromAccountId: 'bank',
    toAccountId: 'main',
    amountMinor: 20_000,
    transferredOn: '2026-03-02',
    createdAt: at('2026-03-02T12:00:00Z'),
  },
];

describe('account balances', () => {
  it('the register runs opening + incomes − expenses ± transfers, in day order', () => {
    expect(
      registerOf(bank, movements, transfers).map((e) => [e.id, e.changeMinor, e.balanceAfterMinor]),
    ).toEqual([
      ['t1', -20_000, 80_000],
      ['m2', 50_000, 130_000],
    ]);
    expect(registerOf(main, movements, transfers).map((e) => [e.id, e.balanceAfterMinor])).toEqual([
      ['m1', -1_234],
      ['t1', 18_766],
    ]);
  });

  it.each([
    ['2026-02-28', 0],
    ['2026-03-01', 100_000],
    ['2026-03-02', 80_000],
    ['2026-03-31', 130_000],
  ])('bank at the end of %s holds %i, from the register or without one', (on, expected) => {
    expect(balanceOn(bank, registerOf(bank, movements, transfers), on)).toBe(expected);
    expect(balanceOf(bank, movements, transfers, on)).toBe(expected);
  });

  it('the current balance is after the last entry, or the opening balance', () => {
    expect(currentBalanceOf(bank, registerOf(bank, movements, transfers))).toBe(130_000);
    expect(currentBalanceOf(bank, [])).toBe(100_000);
    expect(balanceOf(bank, movements, transfers)).toBe(130_000);
    expect(balanceOf(bank, [], [])).toBe(100_000);
  });

  it('a transfer moves money between the two accounts, exactly', () => {
    const cash = {
      id: 'cash',
      isDefault: false,
      openingBalanceMinor: 5_000,
      openingOn: '2026-03-01',
    };
    const move = {
      ...transfers[0]!,
      fromAccountId: 'bank',
      toAccountId: 'cash',
      transferredOn: '2026-03-10',
    };
    expect(balanceOf(bank, [], [move])).toBe(80_000);
    expect(balanceOf(cash, [], [move])).toBe(25_000);
    expect(balanceOf(main, [], [move])).toBe(0);
  });

  it('incomes add, expenses take away, transactions without an account belong to the default one', () => {
    expect(balanceOf(main, movements, [])).toBe(-1_234);
    // An empty account id is no account too (a record mirrored before accounts existed).
    expect(balanceOf(main, [{ ...movements[0]!, accountId: '' }], [])).toBe(-1_234);
    expect(balanceOf(main, [{ ...movements[0]!, accountId: undefined }], [])).toBe(-1_234);
    // Before the opening day an entry does not count; a transfer-direction entry never does.
    expect(balanceOf(bank, movements, [])).toBe(150_000);
  });
});

describe('net worth', () => {
  it.each([
    ['2026-01-15', '2026-03-10', ['2026-01-31', '2026-02-28', '2026-03-10']],
    ['2026-02-01', '2026-02-28', ['2026-02-28']],
    ['2024-02-10', '2024-02-10', ['2024-02-10']],
    ['2026-03-10', '2026-03-01', null],
    ['2010-01-01', '2026-01-01', null],
  ])('the days from %s to %s', (from, to, expected) => {
    expect(netWorthDays(from, to)).toEqual(expected);
  });

  it('the last month ends up to today', () => {
    expect(recentMonthEnds('2026-03-10', 3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-10']);
    expect(recentMonthEnds('2026-01-31', 2)).toEqual(['2025-12-31', '2026-01-31']);
    expect(recentMonthEnds('2026-03-10', 0)).toEqual(['2026-03-10']);
  });

  it('sums assets and liabilities at each month end; before its opening an account holds nothing', () => {
    const card = {
      id: 'card',
      isDefault: false,
      openingBalanceMinor: -30_000,
      openingOn: '2026-02-01',
    };
    expect(netWorthOf([bank, card], [], [], ['2026-01-31', '2026-02-28', '2026-03-10'])).toEqual([
      { on: '2026-01-31', assetsMinor: 0, liabilitiesMinor: 0 },
      { on: '2026-02-28', assetsMinor: 0, liabilitiesMinor: -30_000 },
      { on: '2026-03-10', assetsMinor: 100_000, liabilitiesMinor: -30_000 },
    ]);
  });
});
