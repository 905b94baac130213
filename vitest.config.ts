import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

const root = import.meta.dirname;
const alias = {
  '@api': resolve(root, 'src-main/api'),
  '@shared': resolve(root, 'src-main/shared'),
  '@renderer': resolve(root, 'src-renderer/src'),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        plugins: [vue()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Loaded by Node directly, Element Plus gets async-validator as `{ default }` and form validation
          // never settles; inlining it goes through Vite's interop as the built app does.
          server: { deps: { inline: ['element-plus'] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Integration suites share the machine's keychain and network namespaces: one file at a time.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Hostile inputs (issue 8): each with its exit code and message, nothing changed outside a temp folder.
          name: 'hostile',
          include: ['test/hostile/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
