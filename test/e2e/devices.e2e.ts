import { expect, test } from './support/fixtures';
import { formatIpeiDecimal } from '../../src-main/shared/identifiers';
import { DEMO_SYSTEM_IDS, DEVICE_MODEL_IDS } from '../../src-main/simulator';
import { choose, deviceBy, openDeviceList, openRegisterDialog } from './support/devices-app';

const LYON = DEMO_SYSTEM_IDS.lyon;
test.use({ simulatorOptions: { registrationDelayMs: 300 } });

test('the device list shows every deskphone and handset, and searches and filters them', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const devices = simulator.tenant.listDevices(LYON);
  const count = page.getByTestId('device-count');
  await expect(count).toHaveAttribute('data-shown', String(devices.length));

  const handset = deviceBy(simulator, LYON, '03807e7898');
  const search = page.getByTestId('device-search');
  await search.fill('03807E7898');
  const row = page.locator(`[data-testid="device-row"][data-device-id="${handset.id}"]`);
  await expect(row).toContainText('DECT - Maintenance');
  await expect(row.locator('code')).toHaveAttribute(
    'title',
    new RegExp(formatIpeiDecimal('03807e7898').replace('*', '\\*')),
  );
  await expect(count).toHaveAttribute('data-shown', '1');

  await search.fill('48-7A-55-0A-1B-01');
  await expect(count).toHaveAttribute('data-shown', '1');
  await expect(page.getByTestId('device-row')).toContainText('48:7a:55:0a:1b:01');

  await search.fill('');
  await page.getByTestId('assigned-no').click();
  const unassigned = devices.filter((device) => device.phoneNumberId === undefined).length;
  await expect(count).toHaveAttribute('data-shown', String(unassigned));
  await choose(page, page.getByTestId('filter-category'), 'DECT handset');
  const spareHandsets = devices.filter(
    (device) => device.phoneNumberId === undefined && device.deviceTypeId === DEVICE_MODEL_IDS.dect8214,
  ).length;
  await expect(count).toHaveAttribute('data-shown', String(spareHandsets));
});

test('a MAC scanned in an odd notation is registered normalised, given to a subscriber, and registers', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const dialog = await openRegisterDialog(page);
  await choose(page, dialog.getByTestId('register-model'), /^M5 ·/);
  await choose(page, dialog.getByTestId('register-subscriber'), '81090', '81090');

  // A barcode scanner is a keyboard typing fast, then Enter.
  await dialog.getByTestId('register-identifier').focus();
  await page.keyboard.type('487A.55AB.CDEF', { delay: 5 });
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect
    .poll(() => simulator.tenant.findDeviceByIdentifier(LYON, '487a55abcdef')?.deviceTypeId)
    .toBe(DEVICE_MODEL_IDS.myriadM5);
  const created = deviceBy(simulator, LYON, '487a55abcdef');
  const subscriber = simulator.tenant.listSubscribers(LYON).find((s) => s.shortNumber === '81090');
  expect(created.phoneNumberId).toBe(subscriber?.id);
  expect(created.description).toBe('M5 81090');

  const drawer = page.locator(`[data-testid="device-drawer"][data-device-id="${created.id}"]`);
  await expect(drawer.getByTestId('device-identifier').first()).toHaveText('48:7a:55:ab:cd:ef');
  // The simulated phone registers shortly after it is provisioned; the live view picks it up.
  await expect(drawer.getByTestId('registration-item')).toBeVisible();
});

test('a MAC already on the CloudPBX is reported with a link to its device', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const existing = deviceBy(simulator, LYON, '487a550a1b01');
  const before = simulator.tenant.listDevices(LYON).length;
  const dialog = await openRegisterDialog(page);
  await dialog.getByTestId('register-identifier').fill('48:7A:55:0A:1B:01');
  const notice = dialog.getByTestId('identifier-existing');
  await expect(notice).toHaveAttribute('data-device-id', existing.id);
  await expect(notice).toContainText('Reception desk');

  await dialog.getByTestId('register-submit').click();
  await expect(dialog).toContainText('MAC address or IPEI: this identifier is already registered');
  expect(simulator.tenant.listDevices(LYON)).toHaveLength(before);

  await notice.getByTestId('identifier-existing-link').click();
  await expect(page.locator(`[data-testid="device-drawer"][data-device-id="${existing.id}"]`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/devices/${existing.id}$`));
});

test('a DECT handset is registered from the decimal IPEI on its label', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const ipei = '0380a12345';
  const decimal = formatIpeiDecimal(ipei);
  const dialog = await openRegisterDialog(page);
  const field = dialog.getByTestId('register-identifier');
  await field.fill(decimal);
  await expect(dialog.getByTestId('identifier-kind')).toHaveAttribute('data-kind', 'ipei');
  await expect(dialog.getByTestId('identifier-normalised')).toHaveText(ipei);
  await expect(dialog.getByTestId('identifier-decimal')).toHaveText(decimal);
  await field.press('Enter');

  await expect(dialog).toBeHidden();
  const created = deviceBy(simulator, LYON, ipei);
  expect(created.deviceTypeId).toBe(DEVICE_MODEL_IDS.dect8214);
  expect(created.macAddress).toBeUndefined();
  const drawer = page.locator(`[data-testid="device-drawer"][data-device-id="${created.id}"]`);
  await expect(drawer.getByTestId('device-ipei-decimal')).toHaveText(decimal);
});

test('every refused field says which field and why', async ({ signedIn: page, simulator }) => {
  await openDeviceList(page, simulator, LYON);
  const before = simulator.tenant.listDevices(LYON).length;
  const dialog = await openRegisterDialog(page);
  await dialog.getByTestId('register-submit').click();
  await expect(dialog).toContainText('MAC address or IPEI: enter the MAC address or the IPEI');
  await expect(dialog).toContainText('Model: choose the model of this phone.');

  await dialog.getByTestId('register-identifier').fill('48:7A:55:0G:00:01');
  await expect(dialog).toContainText(/MAC address or IPEI: The MAC address .* contains .*G/);
  expect(simulator.tenant.listDevices(LYON)).toHaveLength(before);
});

test('the registrations of a narrowed list are checked on demand, and filter the list', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const spare = deviceBy(simulator, LYON, '487a550a1b0c');
  const reception = deviceBy(simulator, LYON, '487a550a1b01');
  await page.getByTestId('device-search').fill('487a550a1b');
  await page.getByTestId('probe-registrations').click();
  const state = (id: string) =>
    page.locator(`[data-testid="device-row"][data-device-id="${id}"] [data-testid="registration-state"]`);
  await expect(state(reception.id)).toHaveAttribute('data-state', 'registered');
  // An unassigned phone has no line to register.
  await expect(state(spare.id)).toHaveAttribute('data-state', 'unregistered');
  expect(simulator.tenant.registration(LYON, spare.id)).toBeUndefined();
  await page.getByTestId('registered-no').click();
  await expect(page.getByTestId('device-row')).toHaveCount(
    simulator.tenant
      .listDevices(LYON)
      .filter((d) => d.macAddress?.startsWith('487a550a1b') && !simulator.tenant.registration(LYON, d.id))
      .length,
  );
});
