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
      rollupOptions: {
        input: {
          electron: resolve(root, 'src-main/shell/electron/main.ts'),
          web: resolve(root, 'src-main/shell/web/main.ts'),
          cli: resolve(root, 'src-main/cli/main.ts'),
        },
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
