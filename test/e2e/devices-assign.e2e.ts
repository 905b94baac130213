import { expect, test } from './support/fixtures';
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { choose, deviceBy, openDevice, openDeviceList } from './support/devices-app';

const LYON = DEMO_SYSTEM_IDS.lyon;
test.use({ simulatorOptions: { registrationDelayMs: 300 } });

test('a spare phone is assigned to a subscriber found by name, then unassigned after confirmation', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const spare = deviceBy(simulator, LYON, '487a550a1b0c');
  const drawer = await openDevice(page, spare.id, 'Confluence');
  await drawer.getByTestId('device-assign-open').click();

  const dialog = page.getByTestId('assign-dialog');
  await dialog.getByTestId('assign-search').fill('camille');
  const option = dialog.getByTestId('subscriber-option').filter({ hasText: 'Camille Martin' });
  // Each subscriber shows the devices it already has.
  await expect(option).toContainText('48:7a:55:0a:1b:01');
  await option.click();
  await dialog.getByTestId('assign-submit').click();
  await expect(dialog).toBeHidden();

  const camille = simulator.tenant.listSubscribers(LYON).find((s) => s.shortNumber === '81001');
  await expect.poll(() => simulator.tenant.findDevice(LYON, spare.id)?.phoneNumberId).toBe(camille?.id);
  await expect(drawer.getByTestId('device-action-result')).toContainText('81001');
  await expect(drawer.getByTestId('device-subscriber')).toHaveAttribute(
    'data-phone-number-id',
    camille?.id ?? '',
  );

  await drawer.getByTestId('device-unassign').click();
  await page.getByTestId('confirm-action-confirm').click();
  await expect(drawer.getByTestId('device-action-result')).toContainText('unassigned');
  expect(simulator.tenant.findDevice(LYON, spare.id)?.phoneNumberId).toBeUndefined();
  await expect(drawer.getByTestId('device-assign-open')).toBeVisible();
});

test('a new hire gets a subscriber on a free number, and the phone is assigned to it', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const spare = deviceBy(simulator, LYON, '487a550a1b0d');
  const drawer = await openDevice(page, spare.id, 'box 3');
  await drawer.getByTestId('device-assign-open').click();
  const dialog = page.getByTestId('assign-dialog');
  await dialog.getByTestId('create-subscriber-open').click();
  await dialog.getByTestId('user-search').fill('lemoine');
  await dialog.getByTestId('user-option').filter({ hasText: 'Nora Lemoine' }).click();
  const free = simulator.tenant.freeShortNumbers(LYON, { limit: 1 })[0];
  await choose(page, dialog.getByTestId('free-number'), String(free));
  await dialog.getByTestId('create-subscriber-submit').click();

  const created = dialog.locator(`[data-testid="subscriber-option"][data-short-number="${free}"]`);
  await expect(created).toHaveAttribute('aria-selected', 'true');
  const nora = simulator.tenant.findUserByLogin('nora.lemoine@demo.fieldkit.invalid');
  const subscriber = simulator.tenant.listSubscribers(LYON).find((s) => s.shortNumber === String(free));
  expect(subscriber?.userId).toBe(nora?.id);

  await dialog.getByTestId('assign-submit').click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => simulator.tenant.findDevice(LYON, spare.id)?.phoneNumberId).toBe(subscriber?.id);
});
