// What the apply benchmark's measured process needs, bundled into one file (bench/import/apply-1000.mjs builds
// it), so that process holds the import and the simulator, not the bundler.
export { startSimulator, DEMO_SYSTEM_IDS } from '../../src-main/simulator';
export { signIn } from '../../src-main/services/rainbow';
export { CatalogService, CatalogStore } from '../../src-main/services/catalog';
export { ApplyRuns } from '../../src-main/services/batch/apply/apply-runs';
export { differences, generateImport } from '../../test/integration/batch/import-fixture';
