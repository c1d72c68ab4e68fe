import { parseDecimal } from '@pace/engine';
import type {
  AdjustmentRecord,
  CategoryBehaviour,
  CategoryPriority,
  CategoryRecord,
  GoalRecord,
  GoalStatus,
  PlanRecord,
  RolloverMode,
  SettingsRecord,
  TransactionDirection,
  TransactionRecord,
} from '@/lib/db';

/** Money as the API sends it. */
export interface WireMoney {
  amount: string;
  currency: string;
}

export const minorOf = (money: WireMoney): number => parseDecimal(money.amount, money.currency);

export interface WireTransaction {
  id: string;
  amount: WireMoney;
  bookedOn: string;
  categoryId: string;
  deletedAt?: string | null;
  description: string;
  direction: string;
  merchant?: string | null;
  occurredAt: string;
  source: string;
  /** Free tags, already normalised by the server. */
  tags?: readonly string[] | null;
  /** The split payment it is a part of. */
  splitId?: string | null;
  /** The money account it moved; null is the default account. */
  accountId?: string | null;
  /** In a household budget: the member who booked it; null is the budget's owner. */
  memberId?: string | null;
  /** Paid in another currency: the amount as paid, the rate, its day and source. */
  paidAmount?: WireMoney | null;
  rate?: string | null;
  rateOn?: string | null;
  rateSource?: string | null;
  rateEstimated?: boolean | null;
  updatedAt: string;
  version: number;
}

export function transactionRecordOf(t: WireTransaction): TransactionRecord {
  return {
    id: t.id,
    categoryId: t.categoryId,
    direction: t.direction.toLowerCase() as TransactionDirection,
    amountMinor: minorOf(t.amount),
    currency: t.amount.currency,
    bookedOn: t.bookedOn,
    occurredAt: t.occurredAt,
    merchant: t.merchant ?? null,
    note: t.description === '' ? null : t.description,
    source: t.source,
    tags: [...(t.tags ?? [])],
    splitId: t.splitId ?? null,
    accountId: t.accountId ?? null,
    memberId: t.memberId ?? null,
    originalAmountMinor: t.paidAmount ? minorOf(t.paidAmount) : null,
    originalCurrency: t.paidAmount?.currency ?? null,
    fxRate: t.rate ?? null,
    fxRateOn: t.rateOn ?? null,
    fxRateEstimated: t.rateEstimated ?? false,
    version: t.version,
    updatedAt: t.updatedAt,
    deletedAt: t.deletedAt ?? null,
    pending: 0,
  };
}

export interface WireGoal {
  id: string;
  name: string;
  categoryId: string;
  createdAt: string;
  deletedAt?: string | null;
  priority: number;
  saved: WireMoney;
  target: WireMoney;
  status: string;
  targetOn?: string | null;
  updatedAt: string;
  version: number;
}

export function goalRecordOf(g: WireGoal): GoalRecord {
  return {
    id: g.id,
    name: g.name,
    categoryId: g.categoryId,
    createdAt: g.createdAt,
    priority: g.priority,
    savedMinor: minorOf(g.saved),
    targetMinor: minorOf(g.target),
    currency: g.target.currency,
    status: g.status.toLowerCase() as GoalStatus,
    targetOn: g.targetOn ?? null,
    updatedAt: g.updatedAt,
    version: g.version,
    pending: 0,
  };
}

export interface WireAdjustment {
  id: string;
  month: string;
  fromCategoryId: string;
  fromOn: string;
  toCategoryId: string;
  toOn: string;
  deletedAt?: string | null;
  amount: WireMoney;
}

export function adjustmentRecordOf(a: WireAdjustment, order: number): AdjustmentRecord {
  return {
    id: a.id,
    month: a.month,
    fromCategoryId: a.fromCategoryId,
    fromOn: a.fromOn,
    toCategoryId: a.toCategoryId,
    toOn: a.toOn,
    amountMinor: minorOf(a.amount),
    order,
    pending: 0,
  };
}

/** The number behind a `changes` cursor (`seq:<n>`, base64url), for ordering manual moves. */
export function cursorSeqOf(cursor: string): number {
  try {
    const text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    return Number(/^seq:(\d+)$/.exec(text)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Order of a manual move made on this device: after every one the server numbered. */
export const localOrder = (): number => 1e15 + Date.now();

export function settingsRecordOf(s: {
  currency: string;
  timeZone: string;
  rollover: string;
  income: WireMoney;
  version: number;
  updatedAt: string;
}): SettingsRecord {
  return {
    key: 'budget',
    currency: s.currency,
    timeZone: s.timeZone,
    rollover: s.rollover.toLowerCase() as RolloverMode,
    incomeMinor: minorOf(s.income),
    version: s.version,
    updatedAt: s.updatedAt,
  };
}

export function planRecordOf(p: {
  month: string;
  currency: string;
  document: unknown;
  version: number;
  updatedAt: string;
}): PlanRecord {
  return {
    month: p.month,
    currency: p.currency,
    plan: p.document,
    version: p.version,
    updatedAt: p.updatedAt,
  };
}

export function categoryRecordOf(c: {
  id: string;
  name: string;
  behaviour: string;
  priority: string;
  version: number;
  updatedAt: string;
}): CategoryRecord {
  return {
    id: c.id,
    name: c.name,
    behaviour: c.behaviour.toLowerCase() as CategoryBehaviour,
    priority: c.priority.toLowerCase() as CategoryPriority,
    version: c.version,
    updatedAt: c.updatedAt,
  };
}
