import { defineConfig } from '@playwright/test';

/** End-to-end tests drive the browser shell in Debian's Chromium (Playwright's own browsers cannot be downloaded). */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 2,
  // Hang guards, not speed budgets: with both cores busy, a test that takes 20 s alone takes over a minute.
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list'], ['json']],
  outputDir: process.env.FIELDKIT_OUT ? `${process.env.FIELDKIT_OUT}/test-results` : 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.FIELDKIT_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
