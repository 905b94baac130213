import type { ApiList } from './types';

export const DEFAULT_PAGE_SIZE = 100;

export type PageFetcher<T> = (offset: number, limit: number) => Promise<ApiList<T>>;

function itemsOf<T>(page: ApiList<T>): T[] {
  return Array.isArray(page.data) ? page.data : [];
}

/**
 * How many items a full page holds on this server. A server may cap the `limit` asked for (rainbow-api-notes.md,
 * "Paging"); its envelope's `limit` says the size it used. Without a usable one, the size asked for.
 */
function servedPageSize(page: ApiList<unknown>, asked: number): number {
  const served = page.limit;
  return Number.isSafeInteger(served) && served > 0 && served < asked ? served : asked;
}

/**
 * Walks a `{ data, limit, offset, total }` list page by page until `total` items were seen, advancing by the
 * number of items received. Stops early on an empty page (a server whose `total` overstates what it returns
 * must not make this loop forever) and, when `total` is missing, on a page shorter than the envelope's `limit`.
 */
export async function* paginate<T>(
  fetchPage: PageFetcher<T>,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<T> {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`page size must be a positive integer`);
  yield* paginateFrom(fetchPage, 0, pageSize);
}

async function* paginateFrom<T>(
  fetchPage: PageFetcher<T>,
  start: number,
  pageSize: number,
): AsyncGenerator<T> {
  for await (const items of walkPages(fetchPage, start, pageSize)) yield* items;
}

/** `paginateFrom`, page by page; never yields an empty page. */
async function* walkPages<T>(
  fetchPage: PageFetcher<T>,
  start: number,
  pageSize: number,
): AsyncGenerator<T[]> {
  let offset = start;
  for (;;) {
    const page = await fetchPage(offset, pageSize);
    const items = itemsOf(page);
    if (items.length === 0) return;
    yield items;
    offset += items.length;
    if (typeof page.total === 'number' ? offset >= page.total : items.length < servedPageSize(page, pageSize))
      return;
  }
}

/**
 * Pages fetched at once when the first page says how many there are: 10,000 devices are 100 pages, 13 round
 * trips at 8 (25 at 4 took half a second at 20 ms of latency alone).
 */
export const PAGE_CONCURRENCY = 8;

/**
 * Every item of a list. The first page says the total and, by the items it held, the page size the server
 * serves (a capped server says the same in its envelope's `limit`); the other pages are then fetched a few at a
 * time and put back in order, so a 100-page list costs about a quarter of the round trips of walking it.
 */
export async function fetchAllPages<T>(
  fetchPage: PageFetcher<T>,
  pageSize = DEFAULT_PAGE_SIZE,
  concurrency = PAGE_CONCURRENCY,
): Promise<T[]> {
  const all: T[] = [];
  for await (const items of streamAllPages(fetchPage, pageSize, concurrency)) all.push(...items);
  return all;
}

/**
 * The pages of `fetchAllPages` in list order, each as soon as it and every page before it arrived, so a screen
 * can show the first page while the others are on their way. Should a page come back shorter than the server
 * said, the pages after it are dropped and the rest is walked from the first missing item, so nothing is
 * skipped. Without a total it walks page by page like `paginate`. Never yields an empty page; stopping early
 * (`return`, `break`) stops asking for the pages not yet asked.
 */
export async function* streamAllPages<T>(
  fetchPage: PageFetcher<T>,
  pageSize = DEFAULT_PAGE_SIZE,
  concurrency = PAGE_CONCURRENCY,
): AsyncGenerator<T[]> {
  const first = await fetchPage(0, pageSize);
  const received = itemsOf(first);
  const total = first.total;
  if (typeof total !== 'number' || received.length === 0 || received.length >= total) {
    if (received.length === 0) return;
    yield received;
    if (typeof total !== 'number' && received.length >= servedPageSize(first, pageSize))
      yield* walkPages(fetchPage, received.length, pageSize);
    return;
  }
  const step = received.length;
  const offsets: number[] = [];
  for (let offset = step; offset < total; offset += step) offsets.push(offset);
  const ahead = fetchAhead(offsets, (offset) => fetchPage(offset, pageSize), concurrency);
  try {
    yield received;
    let seen = received.length;
    for (const [index, pending] of ahead.pages.entries()) {
      const items = itemsOf(await pending);
      if (items.length === 0) return;
      yield items;
      seen += items.length;
      if (items.length < Math.min(step, total - (offsets[index] as number))) {
        ahead.stop();
        yield* walkPages(fetchPage, seen, pageSize);
        return;
      }
    }
  } finally {
    ahead.stop();
  }
}

/**
 * Starts fetching every offset, `concurrency` at a time, and answers one promise per offset in their order. A
 * page nobody waits for any more (stopped early, or after an earlier page failed) never makes an unhandled
 * rejection; after `stop` no new page is asked.
 */
function fetchAhead<P>(
  offsets: readonly number[],
  fetchOne: (offset: number) => Promise<P>,
  concurrency: number,
): { pages: Promise<P>[]; stop: () => void } {
  const settlers: { resolve: (page: P) => void; reject: (error: unknown) => void }[] = [];
  const pages = offsets.map(
    () =>
      new Promise<P>((resolve, reject) => {
        settlers.push({ resolve, reject });
      }),
  );
  for (const page of pages) page.catch(() => undefined);
  let next = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    while (!stopped && next < offsets.length) {
      const index = next++;
      const settler = settlers[index] as (typeof settlers)[number];
      await fetchOne(offsets[index] as number).then(settler.resolve, settler.reject);
    }
  };
  for (let started = 0; started < Math.min(concurrency, offsets.length); started += 1) void worker();
  return {
    pages,
    stop: () => {
      stopped = true;
    },
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
