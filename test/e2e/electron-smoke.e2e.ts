import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { installedElectronBinary } from './support/electron-binary';

const binary = installedElectronBinary();
const root = join(import.meta.dirname, '..', '..');

test.describe('Electron shell (smoke)', () => {
  test.skip(!binary, 'the Electron binary is not installed (it cannot be downloaded on this machine)');
  test.skip(process.platform === 'linux' && !process.env.DISPLAY, 'no X display (run under xvfb-run)');

  test('opens a locked-down window that reaches the core through the preload', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fieldkit-electron-'));
    const app = await electron.launch({
      executablePath: binary,
      args: [root, '--demo'],
      env: { ...process.env, FIELDKIT_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('connection-status')).toBeVisible();
      const pageGlobals = await page.evaluate(() => {
        const scope = globalThis as unknown as Record<string, unknown> & {
          fieldkit?: { systems?: { list?: unknown } };
          open(url: string): unknown;
        };
        return {
          require: typeof scope.require,
          process: typeof scope.process,
          bridge: typeof scope.fieldkit?.systems?.list,
          popup: scope.open('about:blank') === null ? 'denied' : 'opened',
        };
      });
      expect(pageGlobals).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridge: 'function',
        popup: 'denied',
      });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
