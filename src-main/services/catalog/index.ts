export { ageSeconds, catalogStatus, describeAge, hasKeyChecks } from './catalog';
export type { Catalog, CatalogDevice, CatalogModel, CatalogStatus, CatalogSubscriber } from './types';
export { fetchCatalog, type CatalogSource } from './catalog-fetch';
export { CatalogService, type CatalogChoice } from './catalog-service';
export { CatalogStore } from './catalog-store';
export { accountCacheKey, DEMO_CACHE_KEY, profileCacheKey } from './profile-key';
