import {
  SIMILAR_PAYEE,
  payeeTokens,
  tokenSimilarity,
  type NormalisedRow,
  type ParsedLine,
} from './import-row.rules';

/** A stored transaction as the duplicate check sees it. */
export interface ExistingRow {
  bookedOn: string;
  amountMinor: number;
  direction: string;
  payee: string;
  externalId: string | null;
}

export type LineVerdict =
  | { line: number; status: 'NEW'; row: NormalisedRow & { categoryId: string } }
  | { line: number; status: 'DUPLICATE'; row: NormalisedRow; reason: string }
  | { line: number; status: 'INVALID'; row?: NormalisedRow; reason: string };

/** A readable line whose bank id is new: NEW unless it pairs with a stored row. */
interface Candidate {
  line: number;
  row: NormalisedRow;
  categoryId: string;
}

/**
 * Payee comparisons one date, direction and amount may cost before pairing turns bounded: a bank
 * file has a handful of same-day same-amount lines, a hostile one thousands of look-alikes.
 */
export const PAIRING_BUDGET = 20_000;
/** In the bounded mode, the stored payee kinds one line kind is compared with at most. */
export const BOUNDED_LOOKS = 16;

export interface PairingOptions {
  /** Comparisons allowed per date, direction and amount before pairing turns bounded. */
  budget?: number;
  /** Counts the payee comparisons made (work proportional to the input, for tests). */
  work?: { comparisons: number };
}

/**
 * Decides each line of a file: NEW, DUPLICATE or INVALID. A line is a duplicate when its bank id
 * is in the ledger or on an earlier line, or when it pairs with a stored row of the same date,
 * direction and amount whose payee is at least 80 % alike. Pairs are one to one and as many as
 * possible: a stored row absorbs one line at most, so two identical purchases in a file stay two.
 *
 * Work is linear in the file and the ledger: within one date, direction and amount, when every
 * line kind compared with every stored kind would cost more than `PAIRING_BUDGET` comparisons,
 * a line pairs first with a stored row of the very same payee words, else with one of at most
 * `BOUNDED_LOOKS` stored kinds sharing a word with it, first come first paired (pairs stay one to
 * one and alike, but may be fewer than the most possible).
 */
export function classifyLines(
  lines: readonly ParsedLine[],
  existing: { rows: readonly ExistingRow[]; externalIds: ReadonlySet<string> },
  categoryOf: (given: string | undefined) => string | null,
  options: PairingOptions = {},
): LineVerdict[] {
  const fileIds = new Map<string, number>();
  const screened = lines.map((parsed): LineVerdict | Candidate => {
    const verdict = screenLine(parsed, categoryOf);
    if ('status' in verdict) return verdict;
    return bankIdDuplicate(verdict, existing.externalIds, fileIds) ?? verdict;
  });
  const candidates = screened.filter((v): v is Candidate => !('status' in v));
  const pairs = pairWithLedger(candidates, existing.rows, {
    budget: options.budget ?? PAIRING_BUDGET,
    work: options.work ?? { comparisons: 0 },
  });
  return screened.map((verdict): LineVerdict => {
    if ('status' in verdict) return verdict;
    const { line, row, categoryId } = verdict;
    const stored = pairs.get(verdict);
    if (stored) return { line, status: 'DUPLICATE', row, reason: ledgerReason(stored) };
    return { line, status: 'NEW', row: { ...row, categoryId } };
  });
}

/** INVALID when the line cannot be read or names no known category; skipped with a notice. */
function screenLine(
  parsed: ParsedLine,
  categoryOf: (given: string | undefined) => string | null,
): LineVerdict | Candidate {
  const { line, row } = parsed;
  if (!row) return { line, status: 'INVALID', reason: parsed.error ?? 'unreadable' };
  if (parsed.notice) return { line, status: 'DUPLICATE', row, reason: parsed.notice };
  const categoryId = categoryOf(row.categoryId);
  if (!categoryId)
    return { line, status: 'INVALID', row, reason: `unknown category "${row.categoryId ?? ''}"` };
  return { line, row, categoryId };
}

/** DUPLICATE when the bank id is in the ledger or on an earlier line; else notes the id. */
function bankIdDuplicate(
  { line, row }: Candidate,
  ledgerIds: ReadonlySet<string>,
  fileIds: Map<string, number>,
): LineVerdict | null {
  const id = row.externalId;
  if (id === undefined) return null;
  if (ledgerIds.has(id))
    return { line, status: 'DUPLICATE', row, reason: `bank id ${id} is already in the ledger` };
  const earlier = fileIds.get(id);
  if (earlier !== undefined)
    return { line, status: 'DUPLICATE', row, reason: `bank id ${id} repeats line ${earlier}` };
  fileIds.set(id, line);
  return null;
}

function ledgerReason(stored: ExistingRow): string {
  const payee = stored.payee ? ` "${stored.payee}"` : '';
  const bankId = stored.externalId === null ? '' : ` (bank id ${stored.externalId})`;
  return `same date, amount and payee as ledger transaction${payee}${bankId}`;
}

/** Lines, or stored rows, of one date, direction and amount that pair alike: same payee words. */
interface Kind<T> {
  tokens: ReadonlySet<string>;
  hasBankId: boolean;
  members: T[];
}
interface LineKind extends Kind<Candidate> {
  /** Lines not yet sent into a stored row, and lines already given their row. */
  unsent: number;
  paired: number;
  sinks: RowKind[];
}
interface RowKind extends Kind<ExistingRow> {
  room: number;
  /** How many lines of each line kind this kind absorbs. */
  inflow: Map<LineKind, number>;
}

/**
 * The stored row each candidate pairs with: per date, direction and amount, a maximum transport
 * from line kinds to stored-row kinds, so a file of many identical lines costs what one line costs.
 */
function pairWithLedger(
  candidates: readonly Candidate[],
  stored: readonly ExistingRow[],
  limits: { budget: number; work: { comparisons: number } },
): Map<Candidate, ExistingRow> {
  const groups = new Map<string, { lines: Candidate[]; rows: ExistingRow[] }>();
  for (const row of stored) {
    const key = keyOf(row.bookedOn, row.direction, row.amountMinor);
    const group = groups.get(key) ?? { lines: [], rows: [] };
    groups.set(key, group);
    group.rows.push(row);
  }
  for (const candidate of candidates) {
    const { occurredOn, direction, amountMinor } = candidate.row;
    groups.get(keyOf(occurredOn, direction, amountMinor))?.lines.push(candidate);
  }
  const pairs = new Map<Candidate, ExistingRow>();
  for (const { lines, rows } of groups.values()) {
    if (lines.length === 0) continue;
    const lineKinds = linkedKinds(lines, rows, limits);
    if (!lineKinds.bounded) transport(lineKinds.kinds);
    for (const [line, row] of pairsOf(lineKinds.kinds)) pairs.set(line, row);
  }
  return pairs;
}

/**
 * Line kinds of one key, each linked to the stored-row kinds it may pair with: every alike kind
 * when that costs at most `budget` comparisons, else the bounded choice `classifyLines` describes.
 */
function linkedKinds(
  lines: readonly Candidate[],
  rows: readonly ExistingRow[],
  limits: { budget: number; work: { comparisons: number } },
): { kinds: LineKind[]; bounded: boolean } {
  const rowKinds = kindsOf(rows, (r) => ({ payee: r.payee, hasBankId: r.externalId !== null })).map(
    (kind): RowKind => ({ ...kind, room: kind.members.length, inflow: new Map() }),
  );
  const lineKinds = kindsOf(lines, (c) => ({
    payee: c.row.payee,
    hasBankId: c.row.externalId !== undefined,
  }));
  // Two different bank ids are two bank transactions, however alike they look.
  const alike = (line: Kind<Candidate>, row: RowKind) => {
    if (line.hasBankId && row.hasBankId) return false;
    limits.work.comparisons += 1;
    return tokenSimilarity(line.tokens, row.tokens) >= SIMILAR_PAYEE;
  };
  const link = (kind: Kind<Candidate>, sinks: RowKind[]): LineKind => ({
    ...kind,
    unsent: kind.members.length,
    paired: 0,
    sinks,
  });
  if (lineKinds.length * rowKinds.length <= limits.budget) {
    return {
      kinds: lineKinds.map((kind) =>
        link(
          kind,
          rowKinds.filter((row) => alike(kind, row)),
        ),
      ),
      bounded: false,
    };
  }
  // Bounded: each line kind, in file order, fills stored kinds of its very words first, then up
  // to BOUNDED_LOOKS stored kinds with room that share a word with it. Per word, a cursor skips
  // the kinds already full (rooms only shrink), so the work stays linear.
  const byWords = new Map<string, RowKind[]>();
  const byWord = new Map<string, { kinds: RowKind[]; next: number }>();
  for (const row of rowKinds) {
    const words = wordsKey(row.tokens);
    byWords.set(words, [...(byWords.get(words) ?? []), row]);
    for (const token of row.tokens) {
      const entry = byWord.get(token) ?? { kinds: [], next: 0 };
      entry.kinds.push(row);
      byWord.set(token, entry);
    }
  }
  const kinds = lineKinds.map((kind) => {
    const linked = link(kind, []);
    const send = (sink: RowKind) => {
      const units = Math.min(linked.unsent, sink.room);
      if (units === 0) return;
      linked.unsent -= units;
      sink.room -= units;
      sink.inflow.set(linked, (sink.inflow.get(linked) ?? 0) + units);
      linked.sinks.push(sink);
    };
    for (const row of byWords.get(wordsKey(kind.tokens)) ?? [])
      if (!(kind.hasBankId && row.hasBankId)) send(row);
    let looks = 0;
    let scanned = 0;
    for (const token of kind.tokens) {
      const entry = byWord.get(token);
      if (!entry) continue;
      while (entry.kinds[entry.next]?.room === 0) entry.next += 1;
      for (let i = entry.next; i < entry.kinds.length; i += 1) {
        if (linked.unsent === 0 || looks >= BOUNDED_LOOKS || scanned >= 4 * BOUNDED_LOOKS) break;
        scanned += 1;
        const row = entry.kinds[i] as RowKind;
        if (row.room === 0 || linked.sinks.includes(row)) continue;
        looks += 1;
        if (alike(kind, row)) send(row);
      }
    }
    return linked;
  });
  return { kinds, bounded: true };
}

function wordsKey(tokens: ReadonlySet<string>): string {
  return [...tokens].sort().join(' ');
}

function kindsOf<T>(
  items: readonly T[],
  describe: (item: T) => { payee: string; hasBankId: boolean },
): Array<Kind<T>> {
  const kinds = new Map<string, Kind<T>>();
  for (const item of items) {
    const { payee, hasBankId } = describe(item);
    const tokens = payeeTokens(payee);
    const key = `${hasBankId}|${wordsKey(tokens)}`;
    const kind = kinds.get(key) ?? { tokens, hasBankId, members: [] };
    kinds.set(key, kind);
    kind.members.push(item);
  }
  return [...kinds.values()];
}

/** Sends as many lines as possible into stored rows (Edmonds–Karp: shortest paths first). */
function transport(sources: readonly LineKind[]): void {
  for (let path = augmentingPath(sources); path; path = augmentingPath(sources)) {
    const { start, end, forward, backward } = path;
    const units = backward.reduce(
      (least, { from, to }) => Math.min(least, to.inflow.get(from) ?? 0),
      Math.min(start.unsent, end.room),
    );
    start.unsent -= units;
    end.room -= units;
    for (const { from, to } of forward) to.inflow.set(from, (to.inflow.get(from) ?? 0) + units);
    for (const { from, to } of backward) to.inflow.set(from, (to.inflow.get(from) ?? 0) - units);
  }
}

interface Hop {
  from: LineKind;
  to: RowKind;
}
/** Lines move forward along `forward` hops; `backward` hops give up lines they already took. */
interface AugmentingPath {
  start: LineKind;
  end: RowKind;
  forward: Hop[];
  backward: Hop[];
}

/** A path from a line kind with lines left to a row kind with room, breadth first; or null. */
function augmentingPath(sources: readonly LineKind[]): AugmentingPath | null {
  const reachedFrom = new Map<RowKind, LineKind>();
  const enteredVia = new Map<LineKind, RowKind | null>();
  const queue = sources.filter((source) => source.unsent > 0);
  for (const source of queue) enteredVia.set(source, null);
  // The queue grows while it is read: for-of over an array sees the items pushed meanwhile.
  for (const source of queue) {
    for (const sink of source.sinks) {
      if (reachedFrom.has(sink)) continue;
      reachedFrom.set(sink, source);
      if (sink.room > 0) return pathTo(sink, reachedFrom, enteredVia);
      for (const [other, units] of sink.inflow) {
        if (units === 0 || enteredVia.has(other)) continue;
        enteredVia.set(other, sink);
        queue.push(other);
      }
    }
  }
  return null;
}

function pathTo(
  end: RowKind,
  reachedFrom: ReadonlyMap<RowKind, LineKind>,
  enteredVia: ReadonlyMap<LineKind, RowKind | null>,
): AugmentingPath | null {
  const forward: Hop[] = [];
  const backward: Hop[] = [];
  for (let to = end; ;) {
    const from = reachedFrom.get(to);
    if (!from) return null; // unreachable: every reached row kind records where it came from
    forward.push({ from, to });
    const via = enteredVia.get(from);
    if (!via) return { start: from, end, forward, backward };
    backward.push({ from, to: via });
    to = via;
  }
}

/** Within a kind, the earliest lines are the paired ones and take the earliest stored rows. */
function pairsOf(lineKinds: readonly LineKind[]): Array<[Candidate, ExistingRow]> {
  const pairs: Array<[Candidate, ExistingRow]> = [];
  for (const rowKind of new Set(lineKinds.flatMap((kind) => kind.sinks))) {
    let taken = 0;
    for (const [lineKind, units] of rowKind.inflow) {
      for (let n = 0; n < units; n += 1) {
        const line = lineKind.members[lineKind.paired];
        const row = rowKind.members[taken];
        if (line && row) pairs.push([line, row]);
        lineKind.paired += 1;
        taken += 1;
      }
    }
  }
  return pairs;
}

function keyOf(bookedOn: string, direction: string, amountMinor: number): string {
  return `${bookedOn}|${direction}|${amountMinor}`;
}
