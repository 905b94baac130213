import type { ApiList } from '../../services/rainbow/types';
import { listEnvelope } from './responses';
import type { Page } from './query';

export type SortKey = string | number | undefined;

/**
 * Sorts like the API's database does: missing values before present ones (ascending), numbers numerically,
 * strings by code point. Ties keep their input order, so paging through a list is stable.
 */
export function sortBy<T>(items: readonly T[], key: (item: T) => SortKey, order: 1 | -1): T[] {
  return items
    .map((item, index) => ({ item, index, key: key(item) }))
    .sort((a, b) => compareKeys(a.key, b.key) * order || a.index - b.index)
    .map(({ item }) => item);
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Cuts one page; an offset past the end gives an empty page with the real total, as the reference warns. */
export function pageOf<T>(items: readonly T[], page: Page): ApiList<T> {
  return listEnvelope(items.slice(page.offset, page.offset + page.limit), page, items.length);
}
