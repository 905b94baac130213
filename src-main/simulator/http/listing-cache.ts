interface Listing<T> {
  key: string;
  revision: number;
  items: readonly T[];
}

/**
 * Listings kept per owner. A client walks a few listings at once (Fieldkit asks the DECT handsets and the other
 * devices side by side, 8 pages of each in flight): keeping only the latest made every other page rebuild its
 * listing, which again made walking 10,000 devices quadratic.
 */
const KEPT_PER_OWNER = 4;

/**
 * The latest filtered, sorted listings of each owner (a tenant), reused for the next page while the records they
 * were built from keep their revision: walking 10,000 records page by page then sorts them once, not once per
 * page. Only for listings that read nothing but those records, or a change elsewhere would go unnoticed.
 */
export class ListingCache<T> {
  readonly #latest = new WeakMap<object, Listing<T>[]>();

  get(owner: object, key: string, revision: number, build: () => readonly T[]): readonly T[] {
    const kept = (this.#latest.get(owner) ?? []).filter((listing) => listing.revision === revision);
    const known = kept.find((listing) => listing.key === key);
    const listing = known ?? { key, revision, items: build() };
    const others = kept.filter((other) => other !== listing);
    this.#latest.set(owner, [listing, ...others].slice(0, KEPT_PER_OWNER));
    return listing.items;
  }
}

/** What makes two requests the same listing: everything in the query but the page asked for. */
export function listingKey(scope: string, query: URLSearchParams): string {
  const rest = new URLSearchParams(query);
  rest.delete('limit');
  rest.delete('offset');
  rest.sort();
  return `${scope}?${rest.toString()}`;
}

/** The wire view of each record, built on first use and kept for the rest of one request. */
export function lazyViews<R extends object, V>(build: (record: R) => V): (record: R) => V {
  const views = new Map<R, V>();
  return (record) => {
    if (views.has(record)) return views.get(record) as V;
    const view = build(record);
    views.set(record, view);
    return view;
  };
}
