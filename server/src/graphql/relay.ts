import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { defineErrors } from './app-error';
import { decodeCursor, encodeCursor } from './cursor';

/**
 * Relay cursor connections (https://relay.dev/graphql/connections.htm), shared by every list that
 * can grow: one `PageInfo`, `first/after/last/before`, and opaque cursors that carry the row's sort
 * key (never an offset), so a page read after inserts neither skips nor repeats a row.
 */

export type ConnectionErrorCode = 'CONNECTION_ARGS_INVALID' | 'CONNECTION_CURSOR_INVALID';

export const ConnectionError = defineErrors<ConnectionErrorCode>('ConnectionError', {
  CONNECTION_ARGS_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A connection was asked for `first` and `last` together, or for a page size outside 1 to details.max.',
    action:
      'Page forward with `first` (+ `after`) or backward with `last` (+ `before`), at most details.max at a time.',
    message: (d) => String(d.message),
  },
  CONNECTION_CURSOR_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: '`after` or `before` is not a cursor this connection returned.',
    action:
      'Pass back a `cursor`, `startCursor` or `endCursor` exactly as received from the same field.',
    message: () => 'This cursor was not issued by this list.',
  },
});

@ObjectType('PageInfo', {
  description: 'Where a page of a connection sits in the whole list (Relay cursor connections).',
})
export class PageInfo {
  @Field(() => Boolean, {
    description:
      'Whether items follow the page’s last one (read them with `first` and `after: endCursor`).',
  })
  hasNextPage!: boolean;
  @Field(() => Boolean, {
    description:
      'Whether items precede the page’s first one (read them with `last` and `before: startCursor`).',
  })
  hasPreviousPage!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the page’s first item; null when the page is empty.',
  })
  startCursor!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the page’s last item; null when the page is empty.',
  })
  endCursor!: string | null;
}

/** The page size a connection uses when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest page a connection answers. */
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Forward paging: at most this many items from the start, or after \`after\` (1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given).`,
  })
  first?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'A cursor (an edge’s `cursor` or `pageInfo.endCursor`): the items after it.',
  })
  after?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: `Backward paging: at most this many items from the end, or before \`before\` (1 to ${MAX_PAGE_SIZE}); not with \`first\`.`,
  })
  last?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'A cursor (an edge’s `cursor` or `pageInfo.startCursor`): the items before it.',
  })
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
}

/**
 * The edge and connection classes of one node type, named `<name>Edge` / `<name>Connection`.
 * `what` names the items in descriptions ("goals").
 */
export function connectionTypes<T extends object>(
  nodeType: ClassType<T>,
  name: string,
  what: string,
): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One of the ${what} with its cursor.` })
  class EdgeType {
    @Field(() => String, {
      description: 'Opaque; pass it as `after` or `before` to page from here.',
    })
    cursor!: string;
    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${what} (Relay cursor connection).`,
  })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The page’s items with their cursors, in list order.' })
    edges!: Edge<T>[];
    @Field(() => [nodeType], { description: 'The page’s items, as `edges.node` without cursors.' })
    nodes!: T[];
    @Field(() => PageInfo, { description: 'Where the page sits in the whole list.' })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** A row's sort key in list order: strings compared part by part (ISO instants, dates, UUIDs). */
export type SortKey = readonly string[];

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The page size and direction the arguments ask for; refuses contradictory or out-of-range ones. */
export function pageRequest(args: ConnectionArgs): { size: number; backward: boolean } {
  if (args.first != null && args.last != null)
    throw new ConnectionError('CONNECTION_ARGS_INVALID', {
      message: 'Give `first` or `last`, not both.',
      max: MAX_PAGE_SIZE,
    });
  const size = args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    throw new ConnectionError('CONNECTION_ARGS_INVALID', {
      message: `A page holds 1 to ${MAX_PAGE_SIZE} items.`,
      max: MAX_PAGE_SIZE,
    });
  return { size, backward: args.last != null };
}

function keyOfCursor(cursor: string, length: number): SortKey {
  const parts = decodeCursor(cursor, length);
  if (!parts) throw new ConnectionError('CONNECTION_CURSOR_INVALID');
  return parts;
}

/**
 * A page of a whole list (the person's goals, habits …), ordered by `key` — ascending, or
 * descending for newest-first lists. Cursors carry the key, so `after`/`before` find their place
 * even when items were inserted or removed since: pages neither skip nor repeat an item.
 */
export function connectionFromList<T>(
  items: readonly T[],
  args: ConnectionArgs,
  order: { key: (item: T) => SortKey; keyLength: number; descending?: boolean },
): Connection<T> {
  const { size, backward } = pageRequest(args);
  const sign = order.descending ? -1 : 1;
  const keyed = items
    .map((item) => ({ item, key: order.key(item) }))
    .sort((a, b) => sign * compareKeys(a.key, b.key));
  const after = args.after == null ? null : keyOfCursor(args.after, order.keyLength);
  const before = args.before == null ? null : keyOfCursor(args.before, order.keyLength);
  // The window between the cursors, as indexes into the whole ordered list.
  let start = 0;
  let end = keyed.length;
  if (after) {
    const i = keyed.findIndex((k) => sign * compareKeys(k.key, after) > 0);
    start = i === -1 ? keyed.length : i;
  }
  if (before) {
    const i = keyed.findIndex((k) => sign * compareKeys(k.key, before) >= 0);
    end = Math.max(start, i === -1 ? keyed.length : i);
  }
  if (backward) start = Math.max(start, end - size);
  else end = Math.min(end, start + size);
  const page = keyed.slice(start, end);
  const edges = page.map((k) => ({ cursor: encodeCursor(k.key), node: k.item }));
  return {
    edges,
    nodes: page.map((k) => k.item),
    pageInfo: {
      hasNextPage: end < keyed.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A sort key part for an instant: ISO text sorts as the instants do (years 0001–9999). */
export function instantKey(value: Date): string {
  return value.toISOString();
}

/** What a keyset page asks its repository for: rows strictly between the cursors' keys. */
export interface KeysetWindow {
  after: SortKey | null;
  before: SortKey | null;
  /** How many rows: the first ones after `after`, or (backward) the last ones before `before`. */
  limit: number;
  /** Read the last `limit` rows of the window instead of the first (still return them in list order). */
  backward: boolean;
}

/**
 * A page of a list too long to read whole (the ledger, the audit log): `fetch` reads one keyset
 * window from the database, in list order. `isKey` checks a decoded cursor's parts against what a
 * row can hold, so a forged cursor is refused before any query runs. One row more than the page
 * tells whether more follow; the other direction's flag says whether the cursor had rows beyond it
 * (Relay allows that when it cannot be known cheaply).
 */
export async function connectionFromKeyset<T>(
  args: ConnectionArgs,
  order: { key: (item: T) => SortKey; keyLength: number; isKey: (key: SortKey) => boolean },
  fetch: (window: KeysetWindow) => Promise<T[]>,
): Promise<Connection<T>> {
  const { size, backward } = pageRequest(args);
  const parse = (cursor: string | null | undefined): SortKey | null => {
    if (cursor == null) return null;
    const key = keyOfCursor(cursor, order.keyLength);
    if (!order.isKey(key)) throw new ConnectionError('CONNECTION_CURSOR_INVALID');
    return key;
  };
  const after = parse(args.after);
  const before = parse(args.before);
  const rows = await fetch({ after, before, limit: size + 1, backward });
  const hasMore = rows.length > size;
  const page = backward ? rows.slice(Math.max(0, rows.length - size)) : rows.slice(0, size);
  const edges = page.map((item) => ({ cursor: encodeCursor(order.key(item)), node: item }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: backward ? before !== null : hasMore,
      hasPreviousPage: backward ? hasMore : after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** The same page with each item mapped (rows to GraphQL objects); cursors are kept. */
export function mapConnection<T, U>(page: Connection<T>, map: (item: T) => U): Connection<U> {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) }));
  return { edges, nodes: edges.map((edge) => edge.node), pageInfo: page.pageInfo };
}
