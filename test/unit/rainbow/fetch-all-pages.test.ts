import { describe, expect, it } from 'vitest';
import { fetchAllPages, type PageFetcher } from '../../../src-main/services/rainbow/pagination';

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
