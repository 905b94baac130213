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

/**
 * Pages fetched at once when the first page says how many there are: 10,000 devices are 100 pages, 13 round
 * trips at 8 (25 at 4 took half a second at 20 ms of latency alone).
 */
export const PAGE_CONCURRENCY = 8;

/**
 * Every item of a list. The first page says the total; the other pages are then fetched a few at a time and put
 * back in order, so a 100-page list costs about a quarter of the round trips of walking it. Without a total it
 * walks page by page like `paginate`.
 */
export async function fetchAllPages<T>(
  fetchPage: PageFetcher<T>,
  pageSize = DEFAULT_PAGE_SIZE,
  concurrency = PAGE_CONCURRENCY,
): Promise<T[]> {
  const first = await fetchPage(0, pageSize);
  const firstItems = Array.isArray(first.data) ? first.data : [];
  if (typeof first.total !== 'number' || firstItems.length === 0 || firstItems.length >= first.total) {
    const rest =
      firstItems.length < pageSize ? [] : await collect(paginateFrom(fetchPage, firstItems.length, pageSize));
    return [...firstItems, ...rest];
  }
  const offsets: number[] = [];
  for (let offset = firstItems.length; offset < first.total; offset += pageSize) offsets.push(offset);
  const pages: T[][] = new Array<T[]>(offsets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < offsets.length) {
      const index = next++;
      const page = await fetchPage(offsets[index] as number, pageSize);
      pages[index] = Array.isArray(page.data) ? page.data : [];
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, offsets.length) }, worker));
  return [...firstItems, ...pages.flat()];
}

async function* paginateFrom<T>(
  fetchPage: PageFetcher<T>,
  start: number,
  pageSize: number,
): AsyncGenerator<T> {
  yield* paginate((offset, limit) => fetchPage(start + offset, limit), pageSize);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
