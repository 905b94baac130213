import { describe, expect, it } from 'vitest';
import { ListingCache } from '../../../src-main/simulator/http/listing-cache';

/** A cache and a counter of the listings it had to build. */
function counted(): {
  built: () => number;
  get: (key: string, revision?: number) => readonly string[];
} {
  const cache = new ListingCache<string>();
  const owner = {};
  let builds = 0;
  return {
    built: () => builds,
    get: (key, revision = 1) =>
      cache.get(owner, key, revision, () => {
        builds += 1;
        return [`${key}@${revision}#${builds}`];
      }),
  };
}

describe('ListingCache', () => {
  it('builds each of two listings walked side by side once', () => {
    const { get, built } = counted();
    for (let page = 0; page < 10; page += 1) {
      get('handsets');
      get('others');
    }
    expect(built()).toBe(2);
  });

  it('builds a listing again once its records changed', () => {
    const { get, built } = counted();
    expect(get('others', 1)).toEqual(['others@1#1']);
    expect(get('others', 2)).toEqual(['others@2#2']);
    expect(get('others', 2)).toEqual(['others@2#2']);
    expect(built()).toBe(2);
  });

  it('keeps only the few latest listings', () => {
    const { get, built } = counted();
    for (const key of ['a', 'b', 'c', 'd', 'e']) get(key);
    get('e');
    get('b');
    expect(built()).toBe(5);
    get('a');
    expect(built()).toBe(6);
  });
});
