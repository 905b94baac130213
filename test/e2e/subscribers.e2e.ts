import { expect, test } from './support/fixtures';
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { assignInSubscriberDrawer, deviceBy, openDeviceList } from './support/devices-app';

const LYON = DEMO_SYSTEM_IDS.lyon;
test.use({ simulatorOptions: { registrationDelayMs: 300 } });

test('a subscriber shows its devices and their live registrations', async ({ signedIn: page, simulator }) => {
  await openDeviceList(page, simulator, LYON);
  const phone = deviceBy(simulator, LYON, '3c28a611020b');
  await page.getByTestId('nav-subscribers').click();
  await page.getByTestId('subscriber-search').fill('81011');
  await page.locator(`[data-testid="subscriber-row"][data-phone-number-id="${phone.phoneNumberId}"]`).click();
  const drawer = page.getByTestId('subscriber-drawer');
  await expect(
    drawer.locator(`[data-testid="subscriber-device"][data-device-id="${phone.id}"]`),
  ).toBeVisible();
  await expect(
    drawer.locator(`[data-testid="registration-item"][data-device-id="${phone.id}"]`),
  ).toBeVisible();
  simulator.tenant.setPhoneOnline('3c28a611020b', false);
  await expect(drawer.getByTestId('registrations-none')).toBeVisible();
});

test('a spare phone is given to a subscriber from the subscriber screen', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const unheld = simulator.tenant.listSubscribers(LYON).find((s) => s.shortNumber === '81091');
  const free = deviceBy(simulator, LYON, '487a550a1b0c');
  await page.getByTestId('nav-subscribers').click();
  await page.getByTestId('subscriber-search').fill('81091');
  await page.locator(`[data-testid="subscriber-row"][data-phone-number-id="${unheld?.id}"]`).click();
  await assignInSubscriberDrawer(page, 'Confluence', free.id);
  expect(simulator.tenant.findDevice(LYON, free.id)?.phoneNumberId).toBe(unheld?.id);
});
