import { resolve } from 'node:path';
import { build } from 'vite';

/**
 * Builds the import worker (src-main/services/batch/worker/import-worker.ts) as one self-contained file,
 * `fileName` in `outDir` (`root` is the repository's): the app's build puts it beside the main process's chunks, where run-import-worker.ts
 * looks for it, and the tests and benchmarks build the same file elsewhere (test/support/import-worker-build.ts).
 * One file rather than an entry sharing the main process's chunks: a worker loading its 13 chunks took 43-50 ms
 * to its first message, one file 28-39 ms (an empty worker, 23-27 ms). A CommonJS file, not an ES module: a
 * worker thread starts one about 4 ms sooner (an empty one, 23 ms against 27), and every validation starts one;
 * the worker read its file 6 ms sooner in the 100,000-line benchmark.
 */
export async function buildImportWorker(root: string, outDir: string, fileName: string): Promise<void> {
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
      rollupOptions: { output: { format: 'cjs', entryFileNames: fileName } },
    },
  });
}
