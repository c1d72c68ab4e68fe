import { describeTagProblem, normaliseTags, type LocalDate } from '@pace/engine';
import {
  cursorInstant,
  decodeCursor,
  encodeCursor,
  isCursorDate,
  isCursorId,
} from '../../graphql/cursor';
import { parseAmount } from '../../graphql/money.type';
import {
  connectionFromKeyset,
  type Connection,
  type ConnectionArgs,
  type SortKey,
} from '../../graphql/relay';
import type { PlanService } from '../budget';
import { isUuid } from '../../graphql/ids';
import { TransactionError } from './transaction.errors';
import type {
  ListPosition,
  TransactionListFilter,
  TransactionRepository,
} from './transaction.repository';
import type { TransactionRow, TransactionSource } from './transaction.table';

export const MAX_PAGE = 200;

export interface ListFilterRequest {
  from?: LocalDate | null;
  to?: LocalDate | null;
  categoryIds?: string[] | null;
  text?: string | null;
  minAmount?: string | null;
  maxAmount?: string | null;
  sources?: TransactionSource[] | null;
  /** Only what this household member booked (the budget owner's id: the owner's own bookings). */
  memberId?: string | null;
  tags?: string[] | null;
  tagMatch?: 'any' | 'all' | null;
  payee?: string | null;
  note?: string | null;
}

export interface TransactionPage {
  rows: TransactionRow[];
  hasNextPage: boolean;
}

/** Opaque cursor of a row's position in the list order. */
export function cursorOf(row: Pick<TransactionRow, 'bookedOn' | 'occurredAt' | 'id'>): string {
  return encodeCursor([row.bookedOn, row.occurredAt.toISOString(), row.id]);
}

function positionOf(cursor: string): ListPosition {
  const position = positionOfKey(decodeCursor(cursor, 3) ?? []);
  if (!position) throw new TransactionError('CURSOR_INVALID');
  return position;
}

/** A cursor's parts as a list position, or null unless a stored row could have them. */
function positionOfKey(key: SortKey): ListPosition | null {
  const [bookedOn, occurredAt, id] = key;
  const instant = occurredAt === undefined ? null : cursorInstant(occurredAt);
  if (bookedOn === undefined || !isCursorDate(bookedOn) || !instant || !id || !isCursorId(id))
    return null;
  return { bookedOn, occurredAt: instant, id };
}

/** A tag filter in stored spelling; an empty or absent list filters nothing. */
function tagFilterOf(
  raw: readonly string[] | null | undefined,
  match: 'any' | 'all' | null | undefined,
): { tags?: string[]; tagMatch?: 'any' | 'all' } {
  if (!raw?.length) return {};
  const result = normaliseTags(raw);
  if (!result.ok)
    throw new TransactionError('TRANSACTION_INPUT_INVALID', {
      message: describeTagProblem(result.problem, 'filter.tags'),
    });
  return { tags: result.tags, tagMatch: match ?? 'any' };
}

/** Reads of the ledger: keyset pages, so concurrent inserts never shift or repeat a page. */
export class TransactionListService {
  constructor(private readonly deps: { repository: TransactionRepository; plans: PlanService }) {}

  async list(
    userId: string,
    options: { first: number; after?: string | null; filter?: ListFilterRequest | null },
  ): Promise<TransactionPage> {
    const first = Math.max(0, Math.min(options.first, MAX_PAGE));
    const after = options.after ? positionOf(options.after) : null;
    const filter = await this.filterOf(userId, options.filter ?? {});
    const rows = await this.deps.repository.list(userId, { limit: first + 1, after, filter });
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /** A Relay page of the ledger, newest first, forward or backward (same cursors as `list`). */
  async connection(
    userId: string,
    args: ConnectionArgs,
    filter?: ListFilterRequest | null,
  ): Promise<Connection<TransactionRow>> {
    const listFilter = await this.filterOf(userId, filter ?? {});
    return connectionFromKeyset(
      args,
      {
        key: (row) => [row.bookedOn, row.occurredAt.toISOString(), row.id],
        keyLength: 3,
        isKey: (key) => positionOfKey(key) !== null,
      },
      (window) =>
        this.deps.repository.list(userId, {
          limit: window.limit,
          after: window.after && positionOfKey(window.after),
          before: window.before && positionOfKey(window.before),
          backward: window.backward,
          filter: listFilter,
        }),
    );
  }

  async listRecent(userId: string, limit: number): Promise<TransactionRow[]> {
    return this.deps.repository.list(userId, { limit, after: null, filter: {} });
  }

  private async filterOf(
    userId: string,
    request: ListFilterRequest,
  ): Promise<TransactionListFilter> {
    const needsCurrency = request.minAmount != null || request.maxAmount != null;
    const currency = needsCurrency ? (await this.deps.plans.getSettings(userId)).currency : '';
    return {
      from: request.from,
      to: request.to,
      categoryIds: request.categoryIds,
      text: request.text?.trim() || null,
      payee: request.payee?.trim() || null,
      note: request.note?.trim() || null,
      ...tagFilterOf(request.tags, request.tagMatch),
      sources: request.sources,
      memberId: memberIdOf(request.memberId),
      minAmountMinor:
        request.minAmount != null
          ? parseAmount(request.minAmount, currency, { field: 'minAmount' })
          : null,
      maxAmountMinor:
        request.maxAmount != null
          ? parseAmount(request.maxAmount, currency, { field: 'maxAmount' })
          : null,
    };
  }
}

/** A member filter's id; a value no member could have is refused rather than sent to SQL. */
function memberIdOf(memberId: string | null | undefined): string | null {
  if (memberId == null) return null;
  if (!isUuid(memberId))
    throw new TransactionError('TRANSACTION_INPUT_INVALID', {
      message: 'memberId must be a UUID.',
    });
  return memberId;
}
