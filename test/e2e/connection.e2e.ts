import { startSimulator } from '../../src-main/simulator';
import { expect, test } from './support/fixtures';

test('the connection indicator follows the service: online, offline, online again', async ({
  signedIn: page,
  simulator,
}) => {
  const status = page.getByTestId('connection-status');
  await expect(status).toHaveAttribute('data-status', 'online');

  await simulator.close();
  await page.getByTestId('refresh-systems').click();
  await expect(status).toHaveAttribute('data-status', 'offline');
  await expect(page.getByTestId('systems-error')).toBeVisible();

  const restarted = await startSimulator({ port: simulator.port });
  try {
    await page.getByTestId('refresh-systems').click();
    await expect(status).toHaveAttribute('data-status', 'online');
    await expect(page.getByTestId('system-row')).toHaveCount(2);
  } finally {
    await restarted.close();
  }
});
