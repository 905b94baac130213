/**
 * The Discover screen in the demo, whose scans run on the simulated LAN built from the demo tenant. Only that
 * LAN is ever scanned here: discovery with a real profile would probe this machine's real network.
 *
 * The host's demo simulator runs inside the host process, out of this test's reach; the test's own simulator,
 * seeded alike, says what the demo LAN holds, and server-side outcomes are read back through the host's own API.
 */
import type { Locator, Page } from '@playwright/test';
import { DEMO_SYSTEM_IDS, type SimulatedPhone } from '../../src-main/simulator';
import { expect, openSection, test } from './support/fixtures';

const LYON = DEMO_SYSTEM_IDS.lyon;

test.use({ viewport: { width: 1600, height: 2400 }, shellOptions: { args: ['--demo'], env: {} } });

const newDeskphones = (phones: SimulatedPhone[]): SimulatedPhone[] =>
  phones.filter((phone) => phone.kind === 'deskphone' && phone.deviceId === undefined && phone.online);

test('scanning the simulated LAN lists new and provisioned phones live, with filters', async ({
  page,
  shell,
  simulator,
}) => {
  const phones = simulator.tenant.simulatedPhones(LYON);
  await page.addInitScript({ content: RECORD_FIRST_PHONE_EVENT });
  await page.goto(shell.launchUrl);
  await openDiscover(page, LYON);
  await expect(page.getByTestId('discover-simulated')).toBeVisible();
  await expect(page.getByTestId('discover-subnet')).toHaveValue('198.18.1.0/24');

  // Rows are shown as the events arrive, not when the sweep ends.
  await page.evaluate(WATCH_FIRST_PHONE_ROW);
  await scanAndWait(page);
  const marks =
    await page.evaluate<Record<'clicked' | 'onScreen' | 'probedThen' | 'arrived', number>>(
      'window.discoverMarks',
    );
  const fromClick = Math.round(marks.onScreen - marks.clicked);
  test
    .info()
    .annotations.push({ type: 'first phone on screen after Scan (ms)', description: String(fromClick) });
  test.info().annotations.push({
    type: 'first phone on screen after its event (ms)',
    description: String(Math.round(marks.onScreen - marks.arrived)),
  });
  // The row came with its event, while the sweep went on. (How fast is a benchmark's question, not a test's:
  // on a busy machine any wall-clock budget fails.)
  expect(marks.probedThen).toBeGreaterThanOrEqual(0);
  expect(marks.probedThen).toBeLessThan(253);
  expect(marks.arrived).toBeGreaterThan(0);
  expect(marks.onScreen).toBeGreaterThanOrEqual(marks.arrived);

  const progress = page.getByTestId('discover-progress');
  await expect(progress).toHaveAttribute('data-total', '253');
  await expect(progress).toHaveAttribute('data-probed', '253');

  for (const phone of newDeskphones(phones)) {
    const row = discoverRow(page, phone.mac ?? '');
    await expect(row).toHaveAttribute('data-status', 'new');
    await expect(row.getByTestId('discover-model')).toHaveText(phone.model);
    await expect(row.getByTestId('discover-register')).toBeVisible();
  }
  const registered = phones.find((phone) => phone.kind === 'deskphone' && phone.registered);
  if (!registered?.mac) throw new Error('the demo seed has no registered deskphone');
  const device = await rpc<{ shortNumber: string; userDisplayName: string }>(page, 'devices.get', {
    systemId: LYON,
    deviceId: registered.deviceId,
  });
  const provisionedRow = discoverRow(page, registered.mac);
  await expect(provisionedRow).toHaveAttribute('data-status', 'registered');
  await expect(provisionedRow.getByTestId('discover-subscriber')).toHaveText(
    `${device.shortNumber} · ${device.userDisplayName}`,
  );
  await expect(provisionedRow.getByTestId('discover-registration')).toContainText('SIP registered from');
  await expect(provisionedRow.getByTestId('discover-register')).toHaveCount(0);

  // Deskphones and DECT bases by default; "all hosts" adds the router, the printer, the NAS, the intercom.
  const count = page.getByTestId('discover-count');
  const phoneRows = phones.filter(
    (phone) => phone.online && phone.mac && (phone.kind === 'deskphone' || phone.kind === 'dect-base'),
  ).length;
  await expect(count).toHaveAttribute('data-shown', String(phoneRows));
  await expect(
    page.getByTestId('discover-row').filter({ has: page.locator('[data-kind="other"]') }),
  ).toHaveCount(0);
  await page.getByTestId('discover-all-hosts').click();
  const total = Number(await count.getAttribute('data-total'));
  expect(total).toBeGreaterThan(phoneRows);
  await expect(count).toHaveAttribute('data-shown', String(total));
  await expect(page.locator('[data-testid="discover-row"][data-kind="other"]')).toHaveCount(
    total - phoneRows,
  );
  await page.getByTestId('discover-all-hosts').click();

  await page.getByTestId('discover-status-new').click();
  const newBases = phones.filter(
    (p) => p.kind === 'dect-base' && p.deviceId === undefined && p.online,
  ).length;
  await expect(count).toHaveAttribute('data-shown', String(newDeskphones(phones).length + newBases));
  await expect(page.locator('[data-testid="discover-row"]:not([data-status="new"])')).toHaveCount(0);
  await page.getByTestId('discover-status-registered').click();
  await expect(page.locator('[data-testid="discover-row"][data-status="registered"]')).not.toHaveCount(0);
  await page.getByTestId('discover-status-new').click();
  await expect(page.locator('[data-testid="discover-row"]:not([data-status="registered"])')).toHaveCount(0);
  await page.getByTestId('discover-status-registered').click();
  await expect(count).toHaveAttribute('data-shown', String(phoneRows));

  // The CloudPBX's DECT handsets, by IPEI, in their own section.
  const handsets = phones.filter((phone) => phone.kind === 'dect-handset' && phone.deviceId !== undefined);
  const section = page.getByTestId('discover-handsets');
  await expect(section).toHaveAttribute('data-count', String(handsets.length));
  for (const handset of handsets) {
    await expect(section.getByText((handset.ipei ?? '').toUpperCase(), { exact: true })).toBeVisible();
  }
});

test('a new phone is registered from its row, prefilled, and shows as provisioned', async ({
  launched: page,
  simulator,
}) => {
  const phones = simulator.tenant.simulatedPhones(LYON);
  await openDiscover(page, LYON);
  await scanAndWait(page);
  const phone = newDeskphones(phones).find((candidate) => candidate.model === 'M5');
  if (!phone?.mac) throw new Error('the demo seed has no new M5 on the Lyon LAN');
  const row = discoverRow(page, phone.mac);
  await row.getByTestId('discover-register').click();

  const dialog = page.getByTestId('register-dialog');
  await expect(dialog.getByTestId('register-identifier')).toHaveValue(
    phone.mac.match(/../g)?.join(':') ?? '',
  );
  await expect(dialog.getByTestId('register-model')).toContainText('M5');
  await expect(dialog.getByTestId('register-another')).toHaveCount(0);
  // The check of the identifier fills a default description: replace it only once it is there, or it could
  // land in the middle of the typing.
  const description = dialog.getByTestId('register-description');
  await expect(description).toHaveValue(/^M5 /);
  await description.fill('Discovered at reception');
  await dialog.getByTestId('register-submit').click();
  await expect(dialog).toBeHidden();

  await expect(row).toHaveAttribute('data-status', 'provisioned');
  await expect(row.getByTestId('discover-register')).toHaveCount(0);

  // On the CloudPBX: the MAC is now a device of this model, and a new scan joins it as provisioned.
  const check = await rpc<{ existing?: { description: string; deviceType: { model: string } } }>(
    page,
    'devices.checkIdentifier',
    { systemId: LYON, identifier: phone.mac },
  );
  expect(check.existing?.description).toBe('Discovered at reception');
  expect(check.existing?.deviceType.model).toBe('M5');
  await scanAndWait(page);
  await expect(discoverRow(page, phone.mac)).toHaveAttribute('data-status', 'provisioned');
});

test('a provisioned phone is assigned from its row, and another swapped for a new phone of the LAN', async ({
  launched: page,
  simulator,
}) => {
  const phones = simulator.tenant.simulatedPhones(LYON);
  await openDiscover(page, LYON);
  await scanAndWait(page);
  const spare = phones.find((phone) => phone.mac === '487a550a1b0c');
  if (!spare?.deviceId) throw new Error('the demo seed has no spare phone 487a550a1b0c');
  const spareRow = discoverRow(page, '487a550a1b0c');
  await expect(spareRow).toHaveAttribute('data-status', 'provisioned');
  await rowAction(page, spareRow, 'assign');
  const dialog = page.getByTestId('assign-dialog');
  await dialog.getByTestId('assign-search').fill('camille');
  await dialog.getByTestId('subscriber-option').filter({ hasText: 'Camille Martin' }).click();
  await dialog.getByTestId('assign-submit').click();
  await expect(dialog).toBeHidden();
  await expect(spareRow).toHaveAttribute('data-status', 'assigned');
  await expect(spareRow.getByTestId('discover-subscriber')).toHaveText('81001 · Camille Martin');
  const assigned = await rpc<{ shortNumber?: string }>(page, 'devices.get', {
    systemId: LYON,
    deviceId: spare.deviceId,
  });
  expect(assigned.shortNumber).toBe('81001');

  // A broken 8068s is replaced by the new 8068s found on the LAN.
  const broken = phones.find((phone) => phone.model === '8068s' && phone.registered);
  const replacement = newDeskphones(phones).find((phone) => phone.model === '8068s');
  if (!broken?.mac || !broken.deviceId || !replacement?.mac)
    throw new Error('no 8068s pair in the demo seed');
  await rowAction(page, discoverRow(page, broken.mac), 'swap');
  const wizard = page.getByTestId('swap-dialog');
  await wizard.getByTestId('swap-next').click();
  await wizard.getByTestId('swap-new-identifier').fill(replacement.mac);
  await expect(wizard.getByTestId('swap-compatibility')).toHaveAttribute('data-ok', 'true');
  await wizard.getByTestId('swap-start').click();
  await expect(wizard.getByTestId('swap-status')).toHaveAttribute('data-status', 'succeeded');
  await wizard.getByTestId('swap-close').click();
  await expect(wizard).toBeHidden();
  await expect(discoverRow(page, replacement.mac)).toHaveAttribute('data-status', 'assigned');
  await expect(discoverRow(page, broken.mac)).toHaveAttribute('data-status', 'new');
  const swapped = await rpc<{ macAddress?: string }>(page, 'devices.get', {
    systemId: LYON,
    deviceId: broken.deviceId,
  });
  expect(swapped.macAddress).toBe(replacement.mac);
});

test('subnets wider than /16 are refused, and the demo LAN only takes its own /24', async ({
  launched: page,
}) => {
  await openDiscover(page, LYON);
  const subnet = page.getByTestId('discover-subnet');
  const error = page.getByTestId('discover-error');

  await subnet.fill('198.18.0.0/15');
  await page.getByTestId('discover-scan').click();
  await expect(error).toContainText('wider than /16');
  await expect(page.getByTestId('discover-progress')).toHaveCount(0);

  // A /20 would ask first on a real LAN; the demo's LAN is a /24, so it is refused with the way out.
  await subnet.fill('198.18.0.0/20');
  await page.getByTestId('discover-scan').click();
  await expect(error).toContainText('198.18.1.0/24');
  await expect(page.getByTestId('discover-confirm-wide')).toBeHidden();

  await subnet.fill('198.18.1.0/33');
  await page.getByTestId('discover-scan').click();
  await expect(error).toContainText('is not a subnet');

  await subnet.fill('10.1.2.0/24');
  await page.getByTestId('discover-scan').click();
  await expect(error).toContainText('not on 10.1.2.0/24');
  await expect(error.getByTestId('error-hint')).toBeVisible();
});

test('Stop ends a scan early', async ({ launched: page }) => {
  await openDiscover(page, LYON);
  await page.evaluate(PRESS_STOP_WHEN_ENABLED);
  await page.getByTestId('discover-scan').click();
  const progress = page.getByTestId('discover-progress');
  await expect(progress).toHaveAttribute('data-phase', 'stopped');
  await expect(page.getByTestId('discover-progress-state')).toContainText('Stopped after');
  await expect(page.getByTestId('discover-scan')).toBeVisible();
});

test('copying a MAC and opening a web admin (after confirmation) from a row', async ({
  page,
  context,
  shell,
  simulator,
}) => {
  const phones = simulator.tenant.simulatedPhones(LYON);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript({ content: RECORD_WINDOW_OPEN });
  await page.goto(shell.launchUrl);
  await openDiscover(page, LYON);
  await scanAndWait(page);
  const phone = newDeskphones(phones)[0];
  if (!phone?.mac) throw new Error('no new deskphone');
  const row = discoverRow(page, phone.mac);

  await rowAction(page, row, 'copy-mac');
  const formatted = phone.mac.match(/../g)?.join(':') ?? '';
  await expect(page.locator('.el-message--success')).toContainText(formatted);
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(formatted);

  await rowAction(page, row, 'web-admin');
  const confirm = page.locator('.discover-web-admin-confirm');
  await expect(confirm).toContainText(`https://${phone.ip}/`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await page.evaluate<boolean>("'openedWith' in window")).toBe(false);

  await rowAction(page, row, 'web-admin');
  await page.locator('.discover-web-admin-confirm').getByRole('button', { name: 'Open' }).click();
  await expect
    .poll(() => page.evaluate<string[] | undefined>('window.openedWith'))
    .toEqual([`https://${phone.ip}/`, '_blank', 'noopener,noreferrer']);
});

async function rowAction(page: Page, row: Locator, action: string): Promise<void> {
  await row.getByTestId('discover-more').click();
  await page.getByTestId(`discover-action-${action}`).click();
}

/** From the demo's CloudPBX picker, opens the CloudPBX `systemId` and its Discover screen. */
async function openDiscover(page: Page, systemId: string): Promise<void> {
  await openSection(page, systemId, 'discover');
  await expect(page.getByTestId('discover-form')).toBeVisible();
  // The guard of every test here: a scan outside the demo would probe this machine's real network.
  await expect(page.getByTestId('discover-simulated')).toBeVisible();
}

/** Presses Scan and waits until the scan has finished and its results (DECT handsets) are in. */
async function scanAndWait(page: Page): Promise<void> {
  await page.getByTestId('discover-scan').click();
  await expect(page.getByTestId('discover-progress')).toHaveAttribute('data-phase', 'finished');
  await expect(page.getByTestId('discover-handsets')).toBeVisible();
}

function discoverRow(page: Page, mac: string): Locator {
  return page.locator(`[data-testid="discover-row"][data-mac="${mac}"]`);
}

/** A call through the host's own API, as the page makes them (the session cookie is the page's). */
async function rpc<T>(page: Page, call: string, input: object): Promise<T> {
  const answer = await page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/rpc/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [call, JSON.stringify(input)] as const,
  );
  if (!answer.ok) throw new Error(`${call} failed: ${answer.error?.message ?? 'unknown error'}`);
  return answer.value as T;
}

// In-page scripts, run by the browser as plain JavaScript (this file is compiled without the DOM library).

/** Notes when the first deskphone's `discovery.found` event reaches the page, before the app handles it. */
const RECORD_FIRST_PHONE_EVENT = `
  window.discoverMarks = { clicked: 0, onScreen: 0, probedThen: -1, arrived: 0 };
  const listen = EventSource.prototype.addEventListener;
  EventSource.prototype.addEventListener = function (type, listener, options) {
    if (type === 'discovery.found') {
      listen.call(this, type, (event) => {
        if (JSON.parse(event.data).device.kind === 'deskphone')
          window.discoverMarks.arrived ||= performance.now();
      });
    }
    return listen.call(this, type, listener, options);
  };
`;

/** Notes when Scan is pressed, and when (and how far the sweep was) the first deskphone row appears. */
const WATCH_FIRST_PHONE_ROW = `{
  const marks = window.discoverMarks;
  document.addEventListener('click', () => (marks.clicked ||= performance.now()), { capture: true });
  new MutationObserver(() => {
    if (marks.onScreen || !document.querySelector('[data-testid="discover-row"][data-kind="deskphone"]')) return;
    marks.onScreen = performance.now();
    const progress = document.querySelector('[data-testid="discover-progress"]');
    marks.probedThen = Number(progress?.getAttribute('data-probed') ?? -1);
  }).observe(document.body, { childList: true, subtree: true, attributes: true });
}`;

/** The demo's sweep lasts about a second: the page itself presses Stop as soon as the button is there. */
const PRESS_STOP_WHEN_ENABLED = `
  new MutationObserver((_, observer) => {
    const stop = document.querySelector('[data-testid="discover-stop"]:not([disabled])');
    if (!stop) return;
    observer.disconnect();
    stop.click();
  }).observe(document.body, { childList: true, subtree: true, attributes: true });
`;

/** The browser shell answers `opened: false` and the page opens a tab itself: recorded here, not browsed. */
const RECORD_WINDOW_OPEN = `
  window.open = (...args) => {
    window.openedWith = args.map(String);
    return null;
  };
`;
