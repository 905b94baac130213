import { describe, expect, it } from 'vitest';
import { pageOf, sortBy } from '../../../src-main/simulator/http/listing';

describe('sortBy', () => {
  const items = [
    { id: 'a', mac: '487a55000002' },
    { id: 'b', mac: undefined },
    { id: 'c', mac: '00809f000001' },
    { id: 'd', mac: '487a55000002' },
  ];

  it('puts missing values first, keeps ties in input order, and reverses for -1', () => {
    expect(sortBy(items, (item) => item.mac, 1).map((item) => item.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(sortBy(items, (item) => item.mac, -1).map((item) => item.id)).toEqual(['a', 'd', 'c', 'b']);
  });

  it('compares numbers numerically', () => {
    expect(sortBy([{ n: 999999 }, { n: 23 }, { n: 100 }], (item) => item.n, 1).map((item) => item.n)).toEqual(
      [23, 100, 999999],
    );
  });
});

describe('pageOf', () => {
  it('cuts a page and reports the full total, even past the end', () => {
    expect(pageOf([1, 2, 3, 4, 5], { limit: 2, offset: 2 })).toEqual({
      data: [3, 4],
      limit: 2,
      offset: 2,
      total: 5,
    });
    expect(pageOf([1, 2], { limit: 10, offset: 5 })).toEqual({ data: [], limit: 10, offset: 5, total: 2 });
  });
});
