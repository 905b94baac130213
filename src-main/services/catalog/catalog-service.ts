import { FieldkitError } from '../errors';
import { ageSeconds, catalogStatus, describeAge } from './catalog';
import type { Catalog, CatalogStatus } from './types';
import { fetchCatalog, type CatalogSource } from './catalog-fetch';
import type { CatalogStore } from './catalog-store';

/** Which catalogue a validation runs against, and the one cached before it when it was fetched live. */
export interface CatalogChoice {
  catalog: Catalog;
  source: 'live' | 'cache';
  /** The catalogue cached before this live fetch, to show what changed since. */
  previous?: Catalog;
}

/** The catalogues of one profile (one account) on one machine. */
export class CatalogService {
  readonly #store: CatalogStore;
  readonly #profileKey: string;
  readonly #now: () => number;

  constructor(store: CatalogStore, profileKey: string, now: () => number = Date.now) {
    this.#store = store;
    this.#profileKey = profileKey;
    this.#now = now;
  }

  /** Fetches the catalogue afresh and caches it. */
  async pull(source: CatalogSource, systemId: string): Promise<CatalogChoice> {
    const previous = await this.#store.read(this.#profileKey, systemId);
    const catalog = await fetchCatalog(source, systemId, this.#now);
    await this.#store.write(this.#profileKey, catalog);
    return previous === undefined ? { catalog, source: 'live' } : { catalog, source: 'live', previous };
  }

  async status(systemId: string): Promise<CatalogStatus> {
    return catalogStatus(await this.#store.read(this.#profileKey, systemId), systemId, this.#now());
  }

  /** The cached catalogue, or a `not-found` error that says how to fetch one. */
  async cached(systemId: string): Promise<CatalogChoice> {
    const catalog = await this.#store.read(this.#profileKey, systemId);
    if (catalog === undefined) throw notCached(systemId);
    return { catalog, source: 'cache' };
  }

  /**
   * `cached`, as the JSON text of the choice, for the import worker to parse: the cached text itself when the
   * store vouches for it (CatalogStore), which this thread then never parses.
   */
  async cachedAsText(systemId: string): Promise<string> {
    const catalog = await this.#store.readText(this.#profileKey, systemId);
    if (catalog === undefined) throw notCached(systemId);
    return `{"source":"cache","catalog":${catalog}}`;
  }

  /** "fetched 3 h ago (2024-07-19T06:03:25.000Z)" */
  describe(catalog: Catalog): string {
    return `fetched ${describeAge(ageSeconds(catalog, this.#now()))} (${catalog.fetchedAt})`;
  }
}

function notCached(systemId: string): FieldkitError {
  return new FieldkitError({
    code: 'not-found',
    message: `No catalogue of CloudPBX ${systemId} is cached for this account, so it cannot be validated offline.`,
    hint:
      `While online, run \`fieldkit catalog pull --system ${systemId}\` (or press "Refresh catalogue" in the ` +
      'Import screen); then validate offline.',
  });
}
