import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

const root = import.meta.dirname;
/** `FIELDKIT_OUT` builds elsewhere than `out/`, so parallel work does not overwrite one build with another. */
const out = process.env.FIELDKIT_OUT ?? 'out';

export default defineConfig({
  main: {
    build: {
      outDir: `${out}/main`,
      // zod is bundled: loaded as a package it is a hundred ES modules to resolve and compile, a third of the
      // CLI's start-up before its first probe.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          electron: resolve(root, 'src-main/shell/electron/main.ts'),
          web: resolve(root, 'src-main/shell/web/main.ts'),
          cli: resolve(root, 'src-main/cli/main.ts'),
          // Started as a worker thread by services/batch/worker/run-import-worker.ts, found beside its chunk.
          'import-worker': resolve(root, 'src-main/services/batch/worker/import-worker.ts'),
        },
        // Every chunk next to the entries, so `new URL('./import-worker.js', import.meta.url)` finds the worker
        // from whichever chunk the code that starts it lands in.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: `${out}/preload`,
      // A sandboxed preload cannot require anything but `electron`: bundle the contract into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(root, 'src-main/shell/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    resolve: {
      alias: {
        '@renderer': resolve(root, 'src-renderer/src'),
        '@api': resolve(root, 'src-main/api'),
        '@shared': resolve(root, 'src-main/shared'),
      },
    },
    plugins: [vue()],
    build: {
      outDir: `${out}/renderer`,
      rollupOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
