import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { buildImportWorker } from './scripts/import-worker-build';

const root = import.meta.dirname;
/** `FIELDKIT_OUT` builds elsewhere than `out/`, so parallel work does not overwrite one build with another. */
const out = process.env.FIELDKIT_OUT ?? 'out';

/**
 * Element Plus on demand: beside each `import { ElButton, vLoading } from 'element-plus'` of the renderer goes that
 * component's own stylesheet (`element-plus/es/components/button/style/css`), so a lazy screen brings the CSS of
 * the components it uses and the first screen loads only its own. Names without a stylesheet of their own
 * (ElAutoResizer, styled by table-v2) add nothing.
 */
function elementPlusStyles(): Plugin {
  const components = resolve(
    dirname(createRequire(import.meta.url).resolve('element-plus/package.json')),
    'es/components',
  );
  const styleOf = (name: string): string | undefined => {
    const component = name
      .replace(/^(El|v)(?=[A-Z])/, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase();
    return existsSync(resolve(components, component, 'style/css.mjs'))
      ? `import 'element-plus/es/components/${component}/style/css';`
      : undefined;
  };
  const importsOfElementPlus = /import\s*\{([^}]*)\}\s*from\s*['"]element-plus['"]/g;
  return {
    name: 'fieldkit:element-plus-styles',
    enforce: 'post',
    transform(code, id) {
      if (id.includes('/node_modules/') || !code.includes('element-plus')) return undefined;
      const styles = new Set<string>();
      for (const [, names = ''] of code.matchAll(importsOfElementPlus)) {
        for (const name of names.split(',').map((part) => part.trim().split(/\s+as\s+/)[0] ?? '')) {
          const style = /^(El|v)[A-Z]/.test(name) ? styleOf(name) : undefined;
          if (style) styles.add(style);
        }
      }
      return styles.size === 0 ? undefined : { code: `${[...styles].join('\n')}\n${code}`, map: null };
    },
  };
}

/** The import worker, started as a worker thread by run-import-worker.ts, built beside the main process's chunks. */
function importWorker(): Plugin {
  return {
    name: 'fieldkit:import-worker',
    apply: 'build',
    async closeBundle() {
      await buildImportWorker(root, resolve(root, out, 'main'), 'import-worker.cjs');
    },
  };
}

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
        },
        // Every chunk next to the entries, so `new URL('./import-worker.cjs', import.meta.url)` finds the worker
        // from whichever chunk the code that starts it lands in.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
    plugins: [importWorker()],
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
    plugins: [vue(), elementPlusStyles()],
    build: {
      outDir: `${out}/renderer`,
      // electron-vite leaves the renderer unminified; the first screen's script is parsed on every start.
      minify: true,
      // Read by bench/bundle to add up what the first screen loads.
      manifest: true,
      rollupOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
