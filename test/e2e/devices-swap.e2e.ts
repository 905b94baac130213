import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { choose, deviceBy, openDevice, openDeviceList } from './support/devices-app';

const LYON = DEMO_SYSTEM_IDS.lyon;
test.use({ simulatorOptions: { registrationDelayMs: 300 } });

/** Opens the swap wizard on the device, scans the new MAC and starts the swap once it is declared compatible. */
async function startSwap(page: Page, deviceId: string, search: string, newMac: string, timeout?: string) {
  const drawer = await openDevice(page, deviceId, search);
  await drawer.getByTestId('device-swap-open').click();
  const wizard = page.getByTestId('swap-dialog');
  await wizard.getByTestId('swap-next').click();
  if (timeout !== undefined) await choose(page, wizard.getByTestId('swap-timeout'), timeout);
  await wizard.getByTestId('swap-new-identifier').fill(newMac);
  await expect(wizard.getByTestId('swap-compatibility')).toHaveAttribute('data-ok', 'true');
  await wizard.getByTestId('swap-start').click();
  return wizard;
}

test('a broken phone is swapped: every step shows, and the CloudPBX holds the new MAC', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const broken = deviceBy(simulator, LYON, '3c28a6110204');
  // The keys the phone kept are read once the swap succeeds: held back here until the buttons have been
  // measured, so their arrival is seen moving nothing (a Close clicked just then once landed beside the button).
  let releaseKeys = (): void => undefined;
  const keysHeld = new Promise<void>((resolve) => (releaseKeys = resolve));
  await page.route('**/rpc/keys.list', async (route) => {
    await keysHeld;
    await route.continue();
  });
  const wizard = await startSwap(page, broken.id, 'desk 4', '3C:28:A6:11:0F:FF');

  await expect(wizard.getByTestId('swap-status')).toHaveAttribute('data-status', 'succeeded');
  const close = wizard.getByTestId('swap-close');
  const before = await close.boundingBox();
  releaseKeys();
  await expect(wizard.getByTestId('swap-keys-kept')).toBeVisible();
  expect(await close.boundingBox()).toEqual(before);
  for (const step of ['update', 'reboot', 'wait-registration']) {
    await expect(wizard.locator(`[data-testid="swap-step"][data-step="${step}"]`)).toHaveAttribute(
      'data-status',
      'done',
    );
  }
  const swapped = simulator.tenant.findDevice(LYON, broken.id);
  expect(swapped?.macAddress).toBe('3c28a6110fff');
  expect(swapped?.phoneNumberId).toBe(broken.phoneNumberId);
  expect(simulator.tenant.registration(LYON, broken.id)).toBeDefined();
  await wizard.getByTestId('swap-close').click();
  await expect(wizard).toBeHidden();
  await expect(
    page
      .locator(`[data-testid="device-drawer"][data-device-id="${broken.id}"]`)
      .getByTestId('device-identifier')
      .first(),
  ).toHaveText('3c:28:a6:11:0f:ff');
});

test('a new phone that never registers times out, and the swap is rolled back to the old MAC', async ({
  signedIn: page,
  simulator,
}) => {
  // The swap waits its own 30 s for the registration, then the rollback.
  test.setTimeout(300_000);
  await openDeviceList(page, simulator, LYON);
  const broken = deviceBy(simulator, LYON, '3c28a6110205');
  // The replacement stays offline: it will never register.
  simulator.tenant.setPhoneOnline('3c28a6110ffe', false);
  const wizard = await startSwap(page, broken.id, 'desk 5', '3c28a6110ffe', '30 s');

  await expect(wizard.getByTestId('swap-countdown')).toBeVisible();
  await expect.poll(() => simulator.tenant.findDevice(LYON, broken.id)?.macAddress).toBe('3c28a6110ffe');
  await expect(wizard.getByTestId('swap-status')).toHaveAttribute('data-status', 'timed-out', {
    timeout: 60_000,
  });

  await wizard.getByTestId('swap-rollback').click();
  await expect(wizard.getByTestId('swap-status')).toHaveAttribute('data-status', 'rolled-back');
  expect(simulator.tenant.findDevice(LYON, broken.id)?.macAddress).toBe('3c28a6110205');
});
