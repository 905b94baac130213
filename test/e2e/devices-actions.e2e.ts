import { DEMO_SYSTEM_IDS, type RunningSimulator } from '../../src-main/simulator';
import { choose, deviceBy, openDevice, openDeviceList } from './support/devices-app';
import { expect, test } from './support/fixtures';

const LYON = DEMO_SYSTEM_IDS.lyon;
/** How long a rebooted phone stays away in the first test: until the test moves the simulator's clock. */
const REBOOT_DELAY_MS = 10 * 60_000;

test.use({ simulatorOptions: { registrationDelayMs: 300 } });

const requested = (sim: RunningSimulator, method: string, suffix: string) =>
  sim
    .requests()
    .some((request) => request.method === method && request.path.endsWith(suffix) && request.status === 200);

test.describe('a rebooted phone', () => {
  test.use({ simulatorOptions: { registrationDelayMs: REBOOT_DELAY_MS } });

  test('a reboot shows its result, then the registration going away and coming back', async ({
    signedIn: page,
    simulator,
    simulatorTime,
  }) => {
    await openDeviceList(page, simulator, LYON);
    const phone = deviceBy(simulator, LYON, '487a550a1b02');
    const drawer = await openDevice(page, phone.id, 'Office 2.14');
    const panel = drawer.getByTestId('registrations-panel');
    await expect(panel.getByTestId('registration-item')).toBeVisible();

    await drawer.getByTestId('device-reboot').click();
    await expect(drawer.getByTestId('device-action-result')).toContainText('Reboot requested');
    expect(requested(simulator, 'POST', `/devices/${phone.id}/reboot`)).toBe(true);
    await expect(panel.getByTestId('registrations-none')).toBeVisible();
    expect(simulator.tenant.registration(LYON, phone.id)).toBeUndefined();
    simulatorTime.advance(REBOOT_DELAY_MS);
    await expect(panel.getByTestId('registration-item')).toBeVisible();
    expect(simulator.tenant.registration(LYON, phone.id)).toBeDefined();
  });
});

test('a factory reset needs the MAC typed, warns about provisioning, and the phone unregisters', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const phone = deviceBy(simulator, LYON, '487a550a1b03');
  const drawer = await openDevice(page, phone.id, 'Office 2.15');
  await drawer.getByTestId('device-reset-open').click();
  const dialog = page.getByTestId('reset-dialog');
  await expect(dialog.getByTestId('reset-warning')).toContainText('provisioned again');
  const submit = dialog.getByTestId('reset-submit');
  await expect(submit).toBeDisabled();
  await dialog.getByTestId('reset-confirmation').fill('48:7a:55:0a:1b:99');
  await expect(submit).toBeDisabled();
  await dialog.getByTestId('reset-confirmation').fill('48-7A-55-0A-1B-03');
  await submit.click();

  await expect(dialog).toBeHidden();
  await expect(drawer.getByTestId('device-action-result')).toContainText('Factory reset requested');
  expect(requested(simulator, 'POST', `/devices/${phone.id}/reset`)).toBe(true);
  await expect(drawer.getByTestId('registrations-none')).toBeVisible();
  expect(simulator.tenant.registration(LYON, phone.id)).toBeUndefined();
});

test('a debug session is granted, its password revealed on request, and gone from the page once revoked', async ({
  signedIn: page,
  simulator,
  shell,
}) => {
  await openDeviceList(page, simulator, LYON);
  const phone = deviceBy(simulator, LYON, '3c28a6110209');
  const drawer = await openDevice(page, phone.id, 'Director');
  const card = drawer.getByTestId('debug-card');
  await expect(card.getByTestId('debug-duration')).toContainText('The CloudPBX’s default, until revoked');
  await card.getByTestId('debug-grant').click();
  await expect(card.getByTestId('debug-default-length')).toContainText('the CloudPBX’s default length');
  const session = simulator.tenant.debugSession(LYON, phone.id);
  expect(session).toBeDefined();
  await expect(card.getByTestId('debug-password-hidden')).toBeVisible();
  expect(await page.content()).not.toContain(session?.adminPassword);

  await card.getByTestId('debug-reveal').click();
  await expect(card.getByTestId('debug-password')).toHaveText(session?.adminPassword ?? '');
  await expect(card.getByTestId('debug-admin-url')).toHaveText(session?.adminUrl ?? '');

  await card.getByTestId('debug-revoke').click();
  await expect(card.getByTestId('debug-notice')).toContainText('Debug session ended');
  expect(simulator.tenant.debugSession(LYON, phone.id)).toBeUndefined();
  await expect(card.getByTestId('debug-password')).toHaveCount(0);
  expect(await page.content()).not.toContain(session?.adminPassword);
  expect(page.url()).not.toContain(session?.adminPassword);
  const stored = String(await page.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage })'));
  expect(stored).not.toContain(session?.adminPassword);
  expect(shell.output.join('\n')).not.toContain(session?.adminPassword);
});

test('an expansion module is added to a Myriad phone and removed again', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const phone = deviceBy(simulator, LYON, '3c28a6110208');
  const drawer = await openDevice(page, phone.id, 'Sales desk');
  const card = drawer.getByTestId('modules-card');
  await expect(card.locator('[data-testid="module-item"][data-position="1"]')).toHaveAttribute(
    'data-type',
    'EM_20',
  );

  await choose(page, card.getByTestId('module-type'), 'EM_200');
  await card.getByTestId('module-name').fill('Reception keys');
  await card.getByTestId('module-add').click();
  await expect(card.locator('[data-testid="module-item"][data-position="2"]')).toHaveAttribute(
    'data-type',
    'EM_200',
  );
  expect(simulator.tenant.findDevice(LYON, phone.id)?.modules).toContainEqual(
    expect.objectContaining({ moduleId: 2, type: 'EM_200', name: 'Reception keys' }),
  );

  await card.getByTestId('module-remove-2').click();
  await page.getByTestId('confirm-module-remove-confirm').click();
  await expect(card.locator('[data-testid="module-item"][data-position="2"]')).toHaveCount(0);
  expect(simulator.tenant.findDevice(LYON, phone.id)?.modules.map((module) => module.moduleId)).toEqual([1]);
});

test('a DECT handset model takes no module, and says so', async ({ signedIn: page, simulator }) => {
  await openDeviceList(page, simulator, LYON);
  const handset = deviceBy(simulator, LYON, '03807e7899');
  const drawer = await openDevice(page, handset.id, 'Warehouse lead');
  await expect(drawer.getByTestId('modules-unsupported')).toBeVisible();
});

test('the registrations view follows the phone live: unplugged, then plugged back in', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const phone = deviceBy(simulator, LYON, '3c28a611020a');
  const drawer = await openDevice(page, phone.id, 'helpdesk');
  const panel = drawer.getByTestId('registrations-panel');
  const item = panel.getByTestId('registration-item');
  await expect(item).toBeVisible();
  await expect(item.getByTestId('registration-private')).toHaveText(/^\d+\.\d+\.\d+\.\d+:\d+$/);
  await expect(item.getByTestId('registration-expiry')).toContainText(/in \d+:\d\d/);

  simulator.tenant.setPhoneOnline('3c28a611020a', false);
  await expect(panel.getByTestId('registrations-none')).toContainText('Not registered since');
  simulator.tenant.setPhoneOnline('3c28a611020a', true);
  await expect(item).toBeVisible();
  // The list learns the state from the watch.
  await page.keyboard.press('Escape');
  await expect(
    page.locator(
      `[data-testid="device-row"][data-device-id="${phone.id}"] [data-testid="registration-state"]`,
    ),
  ).toHaveAttribute('data-state', 'registered');
});
