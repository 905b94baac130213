import type { ApiList } from './types';

export const DEFAULT_PAGE_SIZE = 100;

export type PageFetcher<T> = (offset: number, limit: number) => Promise<ApiList<T>>;

/**
 * Walks a `{ data, limit, offset, total }` list page by page until `total` items were seen. Stops early on
 * an empty page (a server whose `total` overstates what it returns must not make this loop forever) and,
 * when `total` is missing, on a short page.
 */
export async function* paginate<T>(
  fetchPage: PageFetcher<T>,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<T> {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`page size must be a positive integer`);
  let offset = 0;
  for (;;) {
    const page = await fetchPage(offset, pageSize);
    const items = Array.isArray(page.data) ? page.data : [];
    yield* items;
    offset += items.length;
    if (items.length === 0) return;
    if (typeof page.total === 'number' ? offset >= page.total : items.length < pageSize) return;
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
