/**
 * The page side of B8b: runs in Chromium. Imports 10,000 transactions into the PWA's Dexie
 * database, then reads the month back from IndexedDB and computes Today and the month with the
 * engine, as the Today screen does.
 */
import { formatDecimal, generatePlan } from '@pace/engine';
import { computeLocalMonth } from '../src/lib/budget/local-month';
import { ledgerOf, PaceDatabase, type TransactionRecord } from '../src/lib/db';
import { pullChanges } from '../src/lib/sync/pull';
import type { GraphqlTransport } from '../src/lib/sync/transport';

const MONTH = '2026-03';
const TODAY = '2026-03-28';
const COUNT = 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function run() {
  const plan = generatePlan({
    userId: 'bench',
    month: MONTH,
    currency: 'USD',
    region: 'US',
    timeZone: 'America/New_York',
    incomeMinor: 520000,
    bills: [{ name: 'Rent', amountMinor: 180000 }],
    savingsTargetMinor: 40000,
  });
  const spendable = plan.categories.filter((c) => c.behaviour !== 'fixed').map((c) => c.id);
  // 10,000 transactions over 12 months, a third in the plan's month.
  const rows: TransactionRecord[] = Array.from({ length: COUNT }, (_, i) => {
    const inMonth = i % 3 === 0;
    const month = inMonth ? MONTH : `2025-${String((i % 12) + 1).padStart(2, '0')}`;
    const day = inMonth ? (i % 28) + 1 : (i % 28) + 1;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      categoryId: spendable[i % spendable.length] ?? 'flex',
      direction: 'expense',
      amountMinor: 100 + (i % 900),
      currency: 'USD',
      bookedOn: `${month}-${String(day).padStart(2, '0')}`,
      occurredAt: '2026-03-01T12:00:00Z',
      merchant: null,
      note: `tx ${i}`,
      source: 'IMPORT',
      version: 1,
      updatedAt: '2026-03-01T12:00:00Z',
      pending: 0,
    };
  });

  const wire = rows.map((t, index) => ({
    id: t.id,
    kind: 'TRANSACTION',
    deleted: false,
    cursor: String(index + 1),
    settings: null,
    plan: null,
    category: null,
    adjustment: null,
    goal: null,
    transaction: {
      id: t.id,
      amount: { amount: formatDecimal(t.amountMinor, 'USD'), currency: 'USD' },
      bookedOn: t.bookedOn,
      categoryId: t.categoryId,
      deletedAt: null,
      description: t.note ?? '',
      direction: 'EXPENSE',
      merchant: null,
      occurredAt: t.occurredAt,
      source: 'IMPORT',
      updatedAt: t.updatedAt,
      version: 1,
    },
  }));
  const imports: number[] = [];
  const bulkImports: number[] = [];
  const reads: number[] = [];
  const computes: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const db = new PaceDatabase(`bench-${round}-${Date.now()}`);
    await db.open();
    await db.settings.put({
      key: 'budget',
      currency: 'USD',
      timeZone: 'America/New_York',
      rollover: 'spread',
      incomeMinor: 520000,
      version: 1,
      updatedAt: '2026-03-01T00:00:00Z',
    });
    await db.plan.put({
      month: MONTH,
      currency: 'USD',
      plan: JSON.parse(JSON.stringify(plan)) as unknown,
      version: 1,
      updatedAt: '2026-03-01T00:00:00Z',
    });
    // The device receives an import as the server sends it: changes(since), 500 a page.
    const transport: GraphqlTransport = <T>(
      _query: string,
      variables?: Record<string, unknown>,
    ) => {
      const since = Number(variables?.since ?? 0);
      const page = wire.slice(since, since + 500);
      return Promise.resolve({
        changes: {
          cursor: String(since + page.length),
          hasMore: since + page.length < wire.length,
          changes: page,
        },
      } as T);
    };
    const started = performance.now();
    await pullChanges(db, transport);
    imports.push(performance.now() - started);
    if ((await db.transactions.count()) !== COUNT) throw new Error('import incomplete');

    for (let read = 0; read < 7; read += 1) {
      const begin = performance.now();
      const settings = await db.settings.get('budget');
      const [stored, adjustments, ledger, recent, categories] = await Promise.all([
        db.plan.get(MONTH),
        db.adjustments.where('month').equals(MONTH).toArray(),
        db.ledger.get(MONTH),
        db.transactions
          .where('bookedOn')
          .between(`${MONTH}-01`, `${MONTH}-31`, true, true)
          .reverse()
          .limit(20)
          .toArray(),
        db.categories.toArray(),
      ]);
      if (recent.length === 0) throw new Error('no recent transactions');
      if (!settings || !stored) throw new Error('bench data missing');
      const mid = performance.now();
      const local = computeLocalMonth({
        planDocument: stored.plan,
        settings,
        adjustments,
        ledger,
        categories,
        today: TODAY,
      });
      const today = local.state.todayView();
      if (!today || local.state.totals.spentMinor <= 0) throw new Error('month not computed');
      // Round 0's first read includes the plan check (preparePlan); later ones reuse it only
      // when the stored object is the same, which a fresh read never is.
      reads.push(performance.now() - begin);
      computes.push(performance.now() - mid);
    }
    db.close();
    await db.delete();

    // The same rows written in one bulk transaction (the floor of any import path).
    const bulk = new PaceDatabase(`bench-bulk-${round}-${Date.now()}`);
    await bulk.open();
    const bulkStarted = performance.now();
    await bulk.transaction('rw', bulk.transactions, bulk.ledger, async () => {
      await bulk.transactions.bulkPut(rows);
      await bulk.ledger.bulkPut(ledgerOf(rows));
    });
    bulkImports.push(performance.now() - bulkStarted);
    bulk.close();
    await bulk.delete();
  }
  return {
    transactions: COUNT,
    monthTransactions: Math.ceil(COUNT / 3),
    importMs: median(imports),
    importRoundsMs: imports,
    bulkImportMs: median(bulkImports),
    monthReadMs: median(reads),
    computeMs: median(computes),
    monthReadP90Ms: [...reads].sort((a, b) => a - b)[Math.floor(reads.length * 0.9)] ?? 0,
  };
}

(window as unknown as { runBench: typeof run }).runBench = run;
