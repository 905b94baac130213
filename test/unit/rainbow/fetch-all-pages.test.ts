import { describe, expect, it } from 'vitest';
import {
  fetchAllPages,
  streamAllPages,
  type PageFetcher,
} from '../../../src-main/services/rainbow/pagination';

/** A server holding `items`, answering pages like the API; records each page asked and the peak of parallel asks. */
function server(
  items: number[],
  options: { total?: (real: number) => number | undefined; cap?: number } = {},
) {
  const asked: number[] = [];
  let inFlight = 0;
  let peak = 0;
  const fetchPage: PageFetcher<number> = async (offset, limit) => {
    asked.push(offset);
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await Promise.resolve();
    inFlight -= 1;
    const total = options.total ? options.total(items.length) : items.length;
    const served = Math.min(limit, options.cap ?? limit);
    return { data: items.slice(offset, offset + served), limit: served, offset, total: total as number };
  };
  return { fetchPage, asked, peak: () => peak };
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

describe('fetchAllPages', () => {
  it('gets every item, in order, with a few pages at a time', async () => {
    const { fetchPage, asked, peak } = server(range(1_050));
    expect(await fetchAllPages(fetchPage, 100, 4)).toEqual(range(1_050));
    expect(asked.sort((a, b) => a - b)).toEqual(range(11).map((page) => page * 100));
    expect(peak()).toBe(4);
  });

  it('asks once for a list that fits in one page', async () => {
    const { fetchPage, asked } = server(range(40));
    expect(await fetchAllPages(fetchPage, 100)).toEqual(range(40));
    expect(asked).toEqual([0]);
  });

  it('walks page by page when the server gives no total', async () => {
    const { fetchPage, asked } = server(range(250), { total: () => undefined });
    expect(await fetchAllPages(fetchPage, 100)).toEqual(range(250));
    expect(asked).toEqual([0, 100, 200]);
  });

  it('ends when a total overstates what the server has', async () => {
    const { fetchPage } = server(range(150), { total: (real) => real + 500 });
    expect(await fetchAllPages(fetchPage, 100)).toEqual(range(150));
  });

  it('follows a server whose page cap (37) is smaller than the limit asked (50)', async () => {
    const { fetchPage, asked } = server(range(200), { cap: 37 });
    expect(await fetchAllPages(fetchPage, 50, 4)).toEqual(range(200));
    expect(asked.sort((a, b) => a - b)).toEqual([0, 37, 74, 111, 148, 185]);
  });

  it('walks on from the first missing item when a page comes back shorter than the first', async () => {
    const items = range(120);
    const asked: number[] = [];
    const fetchPage: PageFetcher<number> = async (offset, limit) => {
      asked.push(offset);
      const served = offset === 40 ? 10 : Math.min(limit, 40);
      return { data: items.slice(offset, offset + served), limit: 40, offset, total: 120 };
    };
    expect(await fetchAllPages(fetchPage, 50, 1)).toEqual(items);
    expect(asked).toEqual([0, 40, 80, 50, 90]);
  });

  it('fails as a whole when one page fails', async () => {
    const fetchPage: PageFetcher<number> = async (offset, limit) => {
      if (offset === 200) throw new Error('page 3 refused');
      return { data: range(limit).map((i) => offset + i), limit, offset, total: 500 };
    };
    await expect(fetchAllPages(fetchPage, 100)).rejects.toThrow('page 3 refused');
  });
});

/** A server whose pages each wait until the test lets them through. */
function heldServer(items: number[]) {
  const held = new Map<number, () => void>();
  const fetchPage: PageFetcher<number> = async (offset, limit) => {
    await new Promise<void>((resolve) => held.set(offset, resolve));
    return { data: items.slice(offset, offset + limit), limit, offset, total: items.length };
  };
  const release = async (offset: number): Promise<void> => {
    const pass = held.get(offset);
    if (!pass) throw new Error(`page ${offset} was not asked`);
    held.delete(offset);
    pass();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { fetchPage, release, asked: () => [...held.keys()] };
}

describe('streamAllPages', () => {
  it('yields each page in list order as soon as it and the pages before it arrived', async () => {
    const { fetchPage, release, asked } = heldServer(range(400));
    const pages = streamAllPages(fetchPage, 100, 8);
    const first = pages.next();
    await release(0);
    expect((await first).value).toEqual(range(100));
    expect(asked().sort((a, b) => a - b)).toEqual([100, 200, 300]);
    const second = pages.next();
    let secondShown = false;
    void second.then(() => (secondShown = true));
    await release(300);
    await release(200);
    expect(secondShown).toBe(false);
    await release(100);
    expect((await second).value).toEqual(range(100).map((item) => item + 100));
    expect((await pages.next()).value?.[0]).toBe(200);
    expect((await pages.next()).value?.[0]).toBe(300);
    expect((await pages.next()).done).toBe(true);
  });

  it('asks for no further page once the reader stops', async () => {
    const { fetchPage, asked } = server(range(1_000));
    const pages = streamAllPages(fetchPage, 100, 2);
    await pages.next();
    await pages.return(undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked.length).toBeLessThan(10);
  });
});
