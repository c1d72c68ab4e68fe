import { describe, expect, it } from 'vitest';
import { MAX_PAGES, readAllPages, type ConnectionPage } from './all-pages';

/** A connection over `items`, `size` per page, whose cursor is the index of the page's last item. */
function pagesOf(items: number[], size: number) {
  const asked: Array<string | null> = [];
  const read = (after: string | null): Promise<ConnectionPage<number>> => {
    asked.push(after);
    const start = after === null ? 0 : Number(after) + 1;
    const slice = items.slice(start, start + size);
    return Promise.resolve({
      edges: slice.map((node) => ({ node })),
      pageInfo: {
        hasNextPage: start + size < items.length,
        endCursor: slice.length ? String(start + slice.length - 1) : null,
      },
    });
  };
  return { read, asked };
}

describe('readAllPages', () => {
  it('reads every page in order, each after the previous one’s end cursor', async () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    const { read, asked } = pagesOf(items, 100);
    await expect(readAllPages(read)).resolves.toEqual(items);
    expect(asked).toEqual([null, '99', '199']);
  });

  it('reads one empty page for an empty list', async () => {
    const { read, asked } = pagesOf([], 100);
    await expect(readAllPages(read)).resolves.toEqual([]);
    expect(asked).toEqual([null]);
  });

  it('stops when a page says more follow but gives no cursor, and after MAX_PAGES pages', async () => {
    const noCursor = () =>
      Promise.resolve({ edges: [{ node: 1 }], pageInfo: { hasNextPage: true, endCursor: null } });
    await expect(readAllPages(noCursor)).resolves.toEqual([1]);
    let calls = 0;
    const endless = () => {
      calls++;
      return Promise.resolve({
        edges: [{ node: calls }],
        pageInfo: { hasNextPage: true, endCursor: 'x' },
      });
    };
    await expect(readAllPages(endless)).resolves.toHaveLength(MAX_PAGES);
    expect(calls).toBe(MAX_PAGES);
  });
});
