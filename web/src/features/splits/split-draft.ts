import type { SplitPartDraft } from './split-outbox';

/** The server's limits on a split's parts (SPLIT_INPUT_INVALID beyond them). */
export const MIN_PARTS = 2;
export const MAX_PARTS = 20;

/** One row of the split editor as typed. */
export interface DraftRow {
  key: number;
  /** The part's transaction id when it exists already. */
  id?: string;
  categoryId: string;
  amount: string;
}

export type DraftProblem = 'total' | 'tooFew' | 'category' | 'amount' | 'unbalanced';

/**
 * The editor's rows as a split the server will take, or the first problem in them: the same rules
 * the server checks (a total, 2–20 parts, each with a category and an amount above zero, adding
 * up to the total exactly), so a refusal is shown before anything is queued.
 */
export function checkDraft(
  totalMinor: number | null,
  rows: readonly DraftRow[],
  parse: (text: string) => number | null,
):
  | { ok: true; value: { totalMinor: number; parts: SplitPartDraft[] } }
  | { ok: false; problem: DraftProblem } {
  if (totalMinor === null || totalMinor <= 0) return { ok: false, problem: 'total' };
  if (rows.length < MIN_PARTS || rows.length > MAX_PARTS) return { ok: false, problem: 'tooFew' };
  const parts: SplitPartDraft[] = [];
  for (const row of rows) {
    if (!row.categoryId) return { ok: false, problem: 'category' };
    const amountMinor = parse(row.amount);
    if (amountMinor === null || amountMinor <= 0) return { ok: false, problem: 'amount' };
    parts.push({ ...(row.id ? { id: row.id } : {}), categoryId: row.categoryId, amountMinor });
  }
  const sum = parts.reduce((total, part) => total + part.amountMinor, 0);
  if (sum !== totalMinor) return { ok: false, problem: 'unbalanced' };
  return { ok: true, value: { totalMinor, parts } };
}
