import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildImportWorker } from '../../scripts/import-worker-build';

/**
 * Builds the import worker as the app's build does, so code run from the TypeScript sources (tests, benchmarks)
 * starts the real worker; `FIELDKIT_IMPORT_WORKER` tells the code where it is. A vitest global set-up: answers
 * the clean-up.
 */
export default async function buildTestImportWorker(): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'fieldkit-import-worker-'));
  // `.mjs`: the temporary folder has no package.json saying its JavaScript is ES modules.
  await buildImportWorker(resolve(import.meta.dirname, '../..'), outDir, 'import-worker.cjs');
  process.env.FIELDKIT_IMPORT_WORKER = join(outDir, 'import-worker.cjs');
  return () => rmSync(outDir, { recursive: true, force: true });
}
