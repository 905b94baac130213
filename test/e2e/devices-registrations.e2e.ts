import { expect, test } from './support/fixtures';
import { DEMO_SYSTEM_IDS, type SimulatorRequestRecord } from '../../src-main/simulator';
import { openDeviceList } from './support/devices-app';

const LYON = DEMO_SYSTEM_IDS.lyon;
// Every answer takes a while, so checks sent close together overlap at the simulator and the log shows it.
test.use({ simulatorOptions: { registrationDelayMs: 0, faults: { latencyMs: 40 } } });

const isRegistrationRead = (record: SimulatorRequestRecord): boolean =>
  record.method === 'GET' && /\/devices\/[^/]+\/registrations$/.test(record.path);

/** The most requests of `records` that were in flight at once. */
const peakInFlight = (records: readonly SimulatorRequestRecord[]): number =>
  Math.max(
    0,
    ...records.map(
      (record) =>
        records.filter((other) => other.received <= record.received && other.answered > record.received)
          .length,
    ),
  );

test('the rows on screen show their registration by themselves, a few checks at a time', async ({
  signedIn: page,
  simulator,
}) => {
  await openDeviceList(page, simulator, LYON);
  const total = simulator.tenant.listDevices(LYON).length;
  const states = page.locator('[data-testid="device-row"] [data-testid="registration-state"]');
  await expect(states.first()).toBeVisible();
  // No button pressed: every row on screen leaves "not checked".
  await expect(states.and(page.locator('[data-state="unknown"]'))).toHaveCount(0, { timeout: 30_000 });

  const rows = await page.getByTestId('device-row').all();
  for (const row of rows) {
    const deviceId = (await row.getAttribute('data-device-id')) ?? '';
    const registered = simulator.tenant.registration(LYON, deviceId) !== undefined;
    await expect(row.getByTestId('registration-state')).toHaveAttribute(
      'data-state',
      registered ? 'registered' : 'unregistered',
    );
  }

  await page.getByTestId('registered-no').click();
  const checked = page.getByTestId('registrations-checked');
  await expect(checked).toHaveAttribute('data-total', String(total));
  const count = Number(await checked.getAttribute('data-checked'));
  expect(count).toBeGreaterThanOrEqual(rows.length);
  await expect(checked).toContainText(`${count} of ${total} checked`);
  // "Not registered" lists only devices checked and found unregistered.
  await expect(states.and(page.locator(':not([data-state="unregistered"])'))).toHaveCount(0);
  expect(Number(await page.getByTestId('device-count').getAttribute('data-shown'))).toBeLessThanOrEqual(
    count,
  );

  const reads = simulator.requests().filter(isRegistrationRead);
  expect(reads.length).toBeGreaterThanOrEqual(rows.length);
  expect(peakInFlight(reads)).toBeLessThanOrEqual(4);
});
