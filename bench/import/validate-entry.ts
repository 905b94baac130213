// What the validation benchmark's measured process needs, bundled into one file (bench/import/validate-100k.mjs
// builds it), so that process holds the validation, not the bundler.
export { validateImport } from '../../src-main/services/batch';
export { CatalogService, CatalogStore, DEMO_CACHE_KEY } from '../../src-main/services/catalog';
export { formatIpeiDecimal } from '../../src-main/shared/identifiers';
