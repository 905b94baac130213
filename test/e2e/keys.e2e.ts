import { DEMO_SYSTEM_IDS, type RunningSimulator } from '../../src-main/simulator';
import { choose, deviceBy, openDevice, openDeviceList } from './support/devices-app';
import { expect, test } from './support/fixtures';

const LYON = DEMO_SYSTEM_IDS.lyon;
const DIRECTOR_MAC = '3c28a6110209';
const RECEPTION_MAC = '3c28a611020c';

const keysOn = (simulator: RunningSimulator, mac: string) =>
  simulator.tenant.listKeys(LYON, deviceBy(simulator, LYON, mac).id);

test('a phone’s keys as it shows them: the service key locked with why, a new key checked then saved', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const director = deviceBy(simulator, LYON, DIRECTOR_MAC);
  const drawer = await openDevice(page, director.id, 'Director');
  const phone = drawer.locator('[data-testid="key-module"][data-module="0"]');
  await expect(phone.getByTestId('key-page')).toHaveCount(5);
  const serviceKey = phone.locator('[data-testid="key-cell"][data-key="10"]');
  await expect(serviceKey).toHaveAttribute('data-owner', 'service');
  await expect(serviceKey.getByTestId('key-locked-reason')).toContainText('manager-assistant');

  await phone.locator('[data-testid="key-cell"][data-key="2"]').click();
  const editor = page.getByTestId('key-editor');
  await editor.getByTestId('key-destination-kind').getByText('External number').click();
  await editor.getByTestId('key-number').fill('+33478000000');
  await editor.getByTestId('key-save').click();
  await expect(editor.getByTestId('key-problems')).toContainText('An external speed dial needs a label.');
  expect(keysOn(simulator, DIRECTOR_MAC).map((key) => key.keyNum)).toEqual([1, 10]);

  await editor.getByTestId('key-label').fill('Taxi');
  await editor.getByTestId('key-save').click();
  await expect(editor).toBeHidden();
  await expect(phone.locator('[data-testid="key-cell"][data-key="2"]')).toContainText('Taxi');
  expect(keysOn(simulator, DIRECTOR_MAC).find((key) => key.keyNum === 2)).toMatchObject({
    keyType: 'speeddial',
    displayName: 'Taxi',
    number: '+33478000000',
    keyOwner: 'admin',
  });

  await phone.locator('[data-testid="key-cell"][data-key="3"]').click();
  await choose(page, editor.getByTestId('key-type'), 'Monitor');
  await editor.getByTestId('assign-search').fill('81003');
  await editor.locator('[data-testid="subscriber-option"][data-short-number="81003"]').click();
  await editor.getByTestId('key-save').click();
  await expect(editor).toBeHidden();
  const subscriber = simulator.tenant.listSubscribers(LYON).find((s) => s.shortNumber === '81003');
  expect(keysOn(simulator, DIRECTOR_MAC).find((key) => key.keyNum === 3)).toMatchObject({
    keyType: 'monitor',
    phoneNumberId: subscriber?.id,
  });
});

test('copying a layout shows the diff first, then replaces the target’s keys and keeps its service key', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const reception = deviceBy(simulator, LYON, RECEPTION_MAC);
  const drawer = await openDevice(page, reception.id, 'Reception - front');
  await expect(
    drawer.locator('[data-testid="key-module"][data-module="1"] [data-owner="admin"]'),
  ).toHaveCount(20);
  await drawer.getByTestId('keys-copy-open').click();
  const dialog = page.getByTestId('key-copy');
  await choose(page, dialog.getByTestId('key-copy-target'), /Director office/, 'Director');
  await dialog.getByTestId('key-copy-preview').click();
  await expect(dialog.getByTestId('key-copy-added')).toHaveCount(5);
  await expect(dialog.getByTestId('key-copy-removed')).toHaveCount(1);
  await expect(dialog.getByTestId('key-copy-impossible').first()).toContainText(
    'The target has no expansion module at position 1.',
  );
  expect(keysOn(simulator, DIRECTOR_MAC).map((key) => key.keyNum)).toEqual([1, 10]);

  await dialog.getByTestId('key-copy-apply').click();
  await expect(dialog).toBeHidden();
  await expect(drawer.getByTestId('keys-result')).toContainText('Keys copied');
  expect(keysOn(simulator, DIRECTOR_MAC).map((key) => [key.keyNum, key.keyOwner])).toEqual([
    [1, 'admin'],
    [2, 'admin'],
    [3, 'admin'],
    [4, 'admin'],
    [5, 'admin'],
    [10, 'service'],
  ]);
});

test('device settings send only what changed', async ({ signedIn: page, simulator }) => {
  await openDeviceList(page, simulator, LYON);
  const office = deviceBy(simulator, LYON, '487a550a1b02');
  const drawer = await openDevice(page, office.id, 'Office 2.14');
  const card = drawer.getByTestId('settings-card');
  await choose(page, card.getByTestId('settings-transferMode'), 'Blind transfer');
  await card.getByTestId('settings-save').click();
  await expect(card.getByTestId('settings-result')).toContainText('Settings saved.');
  expect(simulator.tenant.findDevice(LYON, office.id)).toMatchObject({
    description: office.description,
    transferMode: 'blind_transfer',
    mediaTransportProtocol: office.mediaTransportProtocol,
  });
});

test.describe('a swap', () => {
  test.use({ simulatorOptions: { registrationDelayMs: 300 } });

  test('shows that the phone kept its keys', async ({ signedIn: page, simulator }) => {
    await openDeviceList(page, simulator, LYON);
    const director = deviceBy(simulator, LYON, DIRECTOR_MAC);
    const before = keysOn(simulator, DIRECTOR_MAC);
    const drawer = await openDevice(page, director.id, 'Director');
    await drawer.getByTestId('device-swap-open').click();
    const wizard = page.getByTestId('swap-dialog');
    await wizard.getByTestId('swap-next').click();
    await wizard.getByTestId('swap-new-identifier').fill('3C:28:A6:11:0F:EE');
    await expect(wizard.getByTestId('swap-compatibility')).toHaveAttribute('data-ok', 'true');
    await wizard.getByTestId('swap-start').click();
    await expect(wizard.getByTestId('swap-status')).toHaveAttribute('data-status', 'succeeded', {
      timeout: 30_000,
    });
    await expect(wizard.getByTestId('swap-keys-kept')).toHaveAttribute('data-count', String(before.length));
    await expect(wizard.getByTestId('swap-keys-kept')).toContainText('1 locked');
    expect(simulator.tenant.findDevice(LYON, director.id)?.macAddress).toBe('3c28a6110fee');
    expect(simulator.tenant.listKeys(LYON, director.id)).toEqual(before);
  });
});
