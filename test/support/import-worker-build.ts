import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');

/**
 * Builds the import worker (src-main/services/batch/worker/import-worker.ts) the way the app's build does, so
 * code run from the TypeScript sources (tests, benchmarks) starts the real worker; `FIELDKIT_IMPORT_WORKER`
 * tells the code where it is. A vitest global set-up: answers the clean-up.
 */
export default async function buildImportWorker(): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'fieldkit-import-worker-'));
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      ssr: resolve(root, 'src-main/services/batch/worker/import-worker.ts'),
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'import-worker.mjs' } },
    },
  });
  process.env.FIELDKIT_IMPORT_WORKER = join(outDir, 'import-worker.mjs');
  return () => rmSync(outDir, { recursive: true, force: true });
}
