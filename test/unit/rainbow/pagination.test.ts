import { describe, expect, it } from 'vitest';
import { collect, paginate } from '../../../src-main/services/rainbow/pagination';
import type { ApiList } from '../../../src-main/services/rainbow/types';

const range = (count: number): number[] => Array.from({ length: count }, (_, index) => index);

/** A list endpoint over `items`, recording the offsets asked for. */
function listOf(items: number[], options: { total?: number; maxLimit?: number } = {}) {
  const asked: { offset: number; limit: number }[] = [];
  const fetchPage = async (offset: number, limit: number): Promise<ApiList<number>> => {
    asked.push({ offset, limit });
    const served = Math.min(limit, options.maxLimit ?? limit);
    const data = items.slice(offset, offset + served);
    return { data, limit: served, offset, total: options.total ?? items.length };
  };
  return { asked, fetchPage };
}

describe('paginate', () => {
  it('fetches every page until total', async () => {
    const list = listOf(range(250));
    expect(await collect(paginate(list.fetchPage, 100))).toEqual(range(250));
    expect(list.asked).toEqual([
      { offset: 0, limit: 100 },
      { offset: 100, limit: 100 },
      { offset: 200, limit: 100 },
    ]);
  });

  it('stops after an exact last page without asking for an empty one', async () => {
    const list = listOf(range(20));
    expect(await collect(paginate(list.fetchPage, 10))).toHaveLength(20);
    expect(list.asked).toHaveLength(2);
  });

  it('asks once for an empty list', async () => {
    const list = listOf([]);
    expect(await collect(paginate(list.fetchPage, 10))).toEqual([]);
    expect(list.asked).toHaveLength(1);
  });

  it('advances by what the server returned when it caps the page size', async () => {
    const list = listOf(range(45), { maxLimit: 20 });
    expect(await collect(paginate(list.fetchPage, 100))).toEqual(range(45));
    expect(list.asked.map((page) => page.offset)).toEqual([0, 20, 40]);
  });

  it('follows the envelope limit when a capped server (37 for 50 asked) gives no total', async () => {
    const asked: number[] = [];
    const fetchPage = async (offset: number, limit: number) => {
      asked.push(offset);
      const served = Math.min(limit, 37);
      const data = range(100).slice(offset, offset + served);
      return { data, limit: served, offset } as unknown as ApiList<number>;
    };
    expect(await collect(paginate(fetchPage, 50))).toEqual(range(100));
    expect(asked).toEqual([0, 37, 74]);
  });

  it('stops on an empty page when total overstates the list', async () => {
    const list = listOf(range(15), { total: 1_000_000 });
    expect(await collect(paginate(list.fetchPage, 10))).toEqual(range(15));
    expect(list.asked.map((page) => page.offset)).toEqual([0, 10, 15]);
  });

  it('stops on a short page when total is missing', async () => {
    const asked: number[] = [];
    const fetchPage = async (offset: number, limit: number) => {
      asked.push(offset);
      return { data: range(25).slice(offset, offset + limit), limit, offset } as unknown as ApiList<number>;
    };
    expect(await collect(paginate(fetchPage, 10))).toEqual(range(25));
    expect(asked).toEqual([0, 10, 20]);
  });

  it('fetches lazily: a consumer that stops early costs no more pages', async () => {
    const list = listOf(range(300));
    for await (const item of paginate(list.fetchPage, 100)) if (item === 5) break;
    expect(list.asked).toHaveLength(1);
  });

  it('refuses a page size that would never advance', async () => {
    await expect(collect(paginate(listOf(range(3)).fetchPage, 0))).rejects.toThrow(RangeError);
  });
});
