interface Listing<T> {
  key: string;
  revision: number;
  items: readonly T[];
}

/**
 * The latest filtered, sorted listing of each owner (a tenant), reused for the next page while the records it was
 * built from keep their revision: walking 10,000 records page by page then sorts them once, not once per page.
 * Only for listings that read nothing but those records, or a change elsewhere would go unnoticed.
 */
export class ListingCache<T> {
  readonly #latest = new WeakMap<object, Listing<T>>();

  get(owner: object, key: string, revision: number, build: () => readonly T[]): readonly T[] {
    const known = this.#latest.get(owner);
    if (known?.key === key && known.revision === revision) return known.items;
    const items = build();
    this.#latest.set(owner, { key, revision, items });
    return items;
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
