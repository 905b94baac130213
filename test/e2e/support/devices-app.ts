import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningSimulator } from '../../../src-main/simulator';
import { openSection } from './fixtures';

/**
 * From the CloudPBX picker of a signed-in page, opens the CloudPBX `systemId` and its device list, and waits
 * until every device is listed (`loadTimeout` for large sites).
 */
export async function openDeviceList(
  page: Page,
  simulator: RunningSimulator,
  systemId: string,
  loadTimeout?: number,
): Promise<void> {
  await openSection(page, systemId, 'devices');
  await expect(page.getByTestId('device-count')).toHaveAttribute(
    'data-total',
    String(simulator.tenant.listDevices(systemId).length),
    { timeout: loadTimeout },
  );
}

/** Narrows the list with the search box and opens the device's detail drawer. */
export async function openDevice(page: Page, deviceId: string, search: string): Promise<Locator> {
  await page.getByTestId('device-search').fill(search);
  await page.locator(`[data-testid="device-row"][data-device-id="${deviceId}"]`).click();
  const drawer = page.locator(`[data-testid="device-drawer"][data-device-id="${deviceId}"]`);
  await expect(drawer.getByTestId('device-facts')).toBeVisible();
  return drawer;
}

/**
 * In the open subscriber drawer of a subscriber holding no device, gives it the device the assign dialog finds by
 * `search`, and waits until the drawer lists that device (`deviceId`). Answers the drawer.
 */
export async function assignInSubscriberDrawer(
  page: Page,
  search: string,
  deviceId: string,
): Promise<Locator> {
  const drawer = page.getByTestId('subscriber-drawer');
  await expect(drawer.getByTestId('subscriber-no-devices')).toBeVisible();
  await drawer.getByTestId('subscriber-assign-device').click();
  await page.keyboard.type(search);
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: search }).click();
  await drawer.getByTestId('subscriber-assign-submit').click();
  await expect(
    drawer.locator(`[data-testid="subscriber-device"][data-device-id="${deviceId}"]`),
  ).toBeVisible();
  return drawer;
}

/** The device of a CloudPBX holding this MAC or IPEI, as the simulator stores it. */
export function deviceBy(simulator: RunningSimulator, systemId: string, identifier: string) {
  const device = simulator.tenant.findDeviceByIdentifier(systemId, identifier);
  if (device === undefined) throw new Error(`no device ${identifier} on ${systemId}`);
  return device;
}

/**
 * Opens the register dialog and waits until it is ready: once open, it puts the focus in the identifier field (for
 * a scanner), which would close a select opened before that.
 */
export async function openRegisterDialog(page: Page): Promise<Locator> {
  await page.getByTestId('register-device-open').click();
  const dialog = page.getByTestId('register-dialog');
  await expect(dialog.getByTestId('register-identifier')).toBeFocused();
  return dialog;
}

/**
 * Picks an option of an Element Plus select by its visible text; `search` is typed first into a filterable
 * select whose long (virtualised) list would not render the option otherwise.
 */
export async function choose(
  page: Page,
  select: Locator,
  option: string | RegExp,
  search?: string,
): Promise<void> {
  await select.click();
  if (search !== undefined) await page.keyboard.type(search);
  await page
    .locator('.el-select-dropdown__item:visible, .el-select-dropdown__option-item:visible')
    .filter({ hasText: option })
    .first()
    .click();
}
