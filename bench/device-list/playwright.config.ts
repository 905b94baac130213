import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import baseConfig from '../../playwright.config';

/** The device-list benchmark: one long Playwright run, in the same Debian Chromium as the end-to-end tests. */
export default defineConfig({
  ...baseConfig,
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  retries: 0,
  timeout: 300_000,
  reporter: [['list']],
  outputDir: join(import.meta.dirname, '..', '..', process.env.FIELDKIT_OUT ?? 'out', 'bench-results'),
  use: { ...baseConfig.use, trace: 'off', screenshot: 'off', viewport: { width: 1400, height: 900 } },
});
