import { randomUUID } from 'node:crypto';
import { bearer, postGraphQL } from '../kit';

const CREATE = `mutation($input: CreateTransactionInput!) {
  createTransaction(input: $input) { transaction { id amount { amount } } }
}`;
const PAGE = `query($after: String) {
  transactions(first: 200, after: $after) {
    edges { node { id amount { amount } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SPENT = '{ dashboard { totals { spent { amount } } } }';

export interface PlannedWrite {
  id: string;
  cents: number;
  categoryId: string;
}

/** `count` expenses with ids chosen by the client, as a device or integrator replaying would. */
export function planWrites(count: number): PlannedWrite[] {
  const categories = ['groceries', 'coffee'];
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    cents: 100 + ((i * 7919) % 1900),
    categoryId: categories[i % categories.length] as string,
  }));
}

const decimal = (cents: number) =>
  `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const cents = (amount: string) => {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error(`not an amount: ${amount}`);
  const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -value : value;
};

export type WriteOutcome = 'acknowledged' | 'failed';

/** Sends one write; acknowledged only when the server answered it with the stored transaction. */
export async function sendWrite(
  baseUrl: string,
  token: string,
  write: PlannedWrite,
): Promise<WriteOutcome> {
  try {
    const response = await postGraphQL<{
      createTransaction: { transaction: { id: string; amount: { amount: string } } };
    }>(
      baseUrl,
      CREATE,
      { input: { id: write.id, amount: decimal(write.cents), categoryId: write.categoryId } },
      bearer(token),
    );
    const stored = response.data?.createTransaction.transaction;
    if (stored?.id === write.id && cents(stored.amount.amount) === write.cents)
      return 'acknowledged';
    return 'failed';
  } catch {
    return 'failed';
  }
}

/**
 * Sends `writes` from `concurrency` writers to `target()` (asked per write, so a test can switch
 * nodes), calling `afterAcknowledged` with the running count; returns what was acknowledged.
 */
export async function runBurst(options: {
  writes: PlannedWrite[];
  concurrency: number;
  token: string;
  target: () => string;
  afterAcknowledged?: (acknowledged: number) => void;
}): Promise<{ acknowledged: Set<string>; failed: PlannedWrite[] }> {
  const acknowledged = new Set<string>();
  const failed: PlannedWrite[] = [];
  let next = 0;
  const writer = async () => {
    for (;;) {
      const write = options.writes[next++];
      if (!write) return;
      const outcome = await sendWrite(options.target(), options.token, write);
      if (outcome === 'acknowledged') {
        acknowledged.add(write.id);
        options.afterAcknowledged?.(acknowledged.size);
      } else {
        failed.push(write);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, writer));
  return { acknowledged, failed };
}

/** Every transaction the person has, as stored (id → cents), paging through `transactions`. */
export async function storedTransactions(
  baseUrl: string,
  token: string,
): Promise<Map<string, number>> {
  const stored = new Map<string, number>();
  let after: string | null = null;
  let rows = 0;
  for (;;) {
    const response: Awaited<ReturnType<typeof postGraphQL<PageResult>>> =
      await postGraphQL<PageResult>(baseUrl, PAGE, { after }, bearer(token));
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    const page = response.data?.transactions;
    if (!page) throw new Error('no transactions page');
    for (const { node } of page.edges) {
      rows++;
      stored.set(node.id, cents(node.amount.amount));
    }
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  if (rows !== stored.size)
    throw new Error(`a transaction was listed twice (${rows} rows, ${stored.size} ids)`);
  return stored;
}

interface PageResult {
  transactions: {
    edges: Array<{ node: { id: string; amount: { amount: string } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** The month's spending as the server's budget computes it, in cents. */
export async function spentThisMonth(baseUrl: string, token: string): Promise<number> {
  const response = await postGraphQL<{ dashboard: { totals: { spent: { amount: string } } } }>(
    baseUrl,
    SPENT,
    {},
    bearer(token),
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return cents(response.data?.dashboard.totals.spent.amount ?? 'NaN');
}
