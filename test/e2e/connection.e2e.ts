import { expect, test } from '@playwright/test';
import { startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { startBrowserShell, type BrowserShell } from './support/browser-shell';
import { addProfile, profileRow } from './support/profile-form';

let simulator: RunningSimulator;
let shell: BrowserShell;

test.afterEach(async () => {
  await shell.stop();
  await simulator.close();
});

test('the connection indicator follows the service: online, offline, online again', async ({ page }) => {
  simulator = await startSimulator({ port: 0 });
  const { port } = simulator;
  shell = await startBrowserShell();
  await page.goto(shell.launchUrl);
  await addProfile(page, { name: 'Site', host: simulator.url, ...simulator.credentials });
  await profileRow(page, 'Site').getByTestId('sign-in-button').click();
  const status = page.getByTestId('connection-status');
  await expect(status).toHaveAttribute('data-status', 'online');

  await simulator.close();
  await page.getByTestId('refresh-systems').click();
  await expect(status).toHaveAttribute('data-status', 'offline');
  await expect(page.getByTestId('systems-error')).toBeVisible();

  simulator = await startSimulator({ port });
  await page.getByTestId('refresh-systems').click();
  await expect(status).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('system-row')).toHaveCount(2);
});
