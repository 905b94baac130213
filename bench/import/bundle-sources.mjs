// Bundles what a benchmark's measured process runs into one self-contained file, so that process holds the code
// measured and not the bundler (apply-1000.mjs, validate-100k.mjs).
import { join } from 'node:path';

/** Bundles `entry` (a path in the repository at `root`) as `fileName` in `outDir`; answers the bundle's path. */
export async function bundleEntry(root, outDir, entry, fileName) {
  const { build } = await import('vite');
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    build: {
      ssr: join(root, entry),
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: fileName } },
    },
    ssr: { noExternal: true },
  });
  return join(outDir, fileName);
}
