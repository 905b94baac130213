import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { choose, deviceBy, openDevice, openDeviceList } from './support/devices-app';

const LYON = DEMO_SYSTEM_IDS.lyon;
test.use({ simulatorOptions: { registrationDelayMs: 300 } });

test('the activity lists the changes made, filters them, and exports them as CSV', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const phone = deviceBy(simulator, LYON, '487a550a1b0d');
  const drawer = await openDevice(page, phone.id, 'box 3');
  await drawer.getByTestId('device-reboot').click();
  await expect(drawer.getByTestId('device-action-result')).toBeVisible();
  await drawer.getByTestId('device-delete').click();
  await page.getByTestId('confirm-action-confirm').click();
  await expect(drawer).toBeHidden();
  // Both changes reached the CloudPBX.
  expect(simulator.tenant.findDevice(LYON, phone.id)).toBeUndefined();
  expect(
    simulator.requests().some((r) => r.method === 'POST' && r.path.endsWith(`/devices/${phone.id}/reboot`)),
  ).toBe(true);

  await page.getByTestId('nav-activity').click();
  const table = page.getByTestId('activity-table');
  await expect(
    table.locator('[data-testid="activity-action-cell"][data-action="device.reboot"]'),
  ).toHaveCount(1);
  await expect(
    table.locator('[data-testid="activity-action-cell"][data-action="device.delete"]'),
  ).toHaveCount(1);
  await expect(table).toContainText('48:7A:55:0A:1B:0D');

  await choose(page, page.getByTestId('activity-action'), 'Device deleted');
  await expect(table.locator('[data-testid="activity-action-cell"]')).toHaveCount(1);
  await expect(page.getByTestId('activity-count')).toHaveAttribute('data-count', '1');

  const download = page.waitForEvent('download');
  await page.getByTestId('activity-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await file.path(), 'utf8');
  expect(csv).toContain('device.delete');
  expect(csv).not.toContain('device.reboot');
  await expect(page.getByText(/1 entries saved to|entries saved to/)).toBeVisible();
});
