/** One page of a Relay connection as the PWA's list queries select it. */
export interface ConnectionPage<T> {
  edges: ReadonlyArray<{ node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Pages read at most for one list: 100 items each, far beyond what one person keeps. */
export const MAX_PAGES = 100;

/**
 * Every item of a connection, read forward page by page from the start (`after` null first, then
 * each page's `endCursor`). Stops when no page follows, or after `MAX_PAGES` pages, or when the
 * server answers a page with no cursor to go on from.
 */
export async function readAllPages<T>(
  readPage: (after: string | null) => Promise<ConnectionPage<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { edges, pageInfo } = await readPage(after);
    items.push(...edges.map((edge) => edge.node));
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) break;
    after = pageInfo.endCursor;
  }
  return items;
}
