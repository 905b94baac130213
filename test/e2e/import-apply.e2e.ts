import { expect, test } from './support/fixtures';
import { DEMO_SYSTEM_IDS, DEVICE_MODEL_IDS, type RunningSimulator } from '../../src-main/simulator';
import {
  applyImport,
  downloaded,
  lineMarker,
  openImport,
  pickFile,
  ROLLOUT_CSV,
  summaryCount,
} from './support/import-screen';

const LYON = DEMO_SYSTEM_IDS.lyon;

const subscriberId = (simulator: RunningSimulator, shortNumber: string): string | undefined =>
  simulator.tenant.listSubscribers(LYON).find((subscriber) => subscriber.shortNumber === shortNumber)?.id;

const identifiers = (simulator: RunningSimulator): Set<string> =>
  new Set(simulator.tenant.listDevices(LYON).map((device) => device.macAddress ?? device.ipei ?? device.id));

test('applying creates and assigns exactly the valid lines, reports them, and a second run skips them all', async ({
  signedIn: page,
  simulator,
}) => {
  await openImport(page, LYON);
  const before = identifiers(simulator);
  await pickFile(page, 'rollout.csv', ROLLOUT_CSV);
  await expect(summaryCount(page, 'invalid')).toHaveAttribute('data-count', '6');
  await page.getByTestId('import-skip-invalid').click();
  await applyImport(page);

  const run = page.getByTestId('import-run');
  await expect(run).toHaveAttribute('data-state', 'finished');
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-mode', 'apply');
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-percentage', '100');
  await expect(page.getByTestId('import-result-created')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('import-result-assigned')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('import-result-failed')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('import-result-invalid')).toHaveAttribute('data-count', '6');
  await expect(page.getByTestId('import-retry-failed')).toHaveCount(0);
  for (const line of [2, 3, 4]) await expect(lineMarker(page, line)).toHaveAttribute('data-status', 'done');
  await expect(lineMarker(page, 10)).toHaveAttribute('data-status', 'skipped');
  await expect(lineMarker(page, 5)).toHaveAttribute('data-status', 'invalid');

  // Server side: exactly the two new phones, and the three assignments the file asked for.
  const created = [...identifiers(simulator)].filter((identifier) => !before.has(identifier)).sort();
  expect(created).toEqual(['487a5500aa01', '487a5500aa02']);
  const device = (mac: string) => simulator.tenant.findDeviceByIdentifier(LYON, mac);
  expect(device('487a5500aa01')?.phoneNumberId).toBe(subscriberId(simulator, '81090'));
  expect(device('487a5500aa01')?.deviceTypeId).toBe(DEVICE_MODEL_IDS.ale8028s);
  expect(device('487a5500aa02')?.phoneNumberId).toBeUndefined();
  expect(device('487a5500aa02')?.deviceTypeId).toBe(DEVICE_MODEL_IDS.myriadM5);
  expect(device('487a550a1b0d')?.phoneNumberId).toBe(subscriberId(simulator, '81091'));

  const csv = await downloaded(page, 'import-download-csv');
  expect(csv.name).toBe('rollout-report.csv');
  expect(csv.text).toMatch(/"2","48:7A:55:00:AA:01","create-assign","done"/);
  expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.invalid"")"`);
  const json = await downloaded(page, 'import-download-json');
  expect(json.name).toBe('rollout-report.json');
  const report = JSON.parse(json.text) as { mode: string; summary: { created: number; assigned: number } };
  expect(report.mode).toBe('apply');
  expect(report.summary).toMatchObject({ created: 2, assigned: 2 });

  // The same file again: everything it asked for is there, so nothing is left to do.
  await page.getByTestId('import-revalidate').click();
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-mode', 'validate');
  for (const line of [2, 3, 4, 10])
    await expect(lineMarker(page, line)).toHaveAttribute('data-action', 'skip');
  await expect(summaryCount(page, 'skip')).toHaveAttribute('data-count', '4');
  await expect(summaryCount(page, 'invalid')).toHaveAttribute('data-count', '6');
  await expect(page.getByTestId('import-apply')).toBeDisabled();
  await expect(page.getByTestId('import-apply-blocked')).toContainText('Nothing to apply');
  expect(identifiers(simulator).size).toBe(before.size + 2);
});

const LINES = 120;
/** Long enough that no run of LINES lines can end while a test presses its buttons. */
const SLOW_ANSWER_MS = 5_000;
/** Lines in flight finish before a pause or a cancel takes effect: one slow answer, with room for a busy machine. */
const DRAIN_TIMEOUT_MS = 60_000;

test('a run can be paused, resumed and cancelled, and never does more than it reports', async ({
  signedIn: page,
  simulator,
}) => {
  const lines = Array.from(
    { length: LINES },
    (_, index) => `48:7A:55:10:00:${index.toString(16).padStart(2, '0')},8028s,Bulk ${index},`,
  );
  await openImport(page, LYON);
  const before = simulator.tenant.listDevices(LYON).length;
  await pickFile(page, 'bulk.csv', ['mac,model,description,subscriber', ...lines, ''].join('\r\n'));
  await expect(summaryCount(page, 'create')).toHaveAttribute('data-count', String(LINES));
  // From the first phone created on, every answer takes seconds: the lines already past the CloudPBX's door
  // finish, and the run cannot end before its buttons are pressed, however late a busy machine shows its progress
  // (the waits below are hang guards sized for that delay, not speed budgets).
  const addDevice = simulator.tenant.addDevice.bind(simulator.tenant);
  simulator.tenant.addDevice = (input) => {
    simulator.tenant.addDevice = addDevice;
    simulator.setFaults({ latencyMs: SLOW_ANSWER_MS });
    return addDevice(input);
  };
  await applyImport(page);

  const run = page.getByTestId('import-run');
  const count = page.getByTestId('import-run-count');
  await expect(count).not.toHaveAttribute('data-done', '0');
  await page.getByTestId('import-pause').click();
  await expect(run).toHaveAttribute('data-state', 'paused', { timeout: DRAIN_TIMEOUT_MS });
  await expect(count).toHaveAttribute('data-in-flight', '0', { timeout: DRAIN_TIMEOUT_MS });
  const pausedAt = Number(await count.getAttribute('data-done'));
  expect(simulator.tenant.listDevices(LYON).length - before).toBe(pausedAt);

  await page.getByTestId('import-resume').click();
  await expect(run).toHaveAttribute('data-state', 'running');
  await expect(count).not.toHaveAttribute('data-in-flight', '0');
  await page.getByTestId('import-cancel').click();
  // The lines in flight when cancelled still finish, and are counted.
  await expect(run).toHaveAttribute('data-state', 'cancelled', { timeout: DRAIN_TIMEOUT_MS });

  const done = Number(await count.getAttribute('data-done'));
  const notStarted = Number(await page.getByTestId('import-result-notStarted').getAttribute('data-count'));
  expect(done).toBeGreaterThan(pausedAt);
  expect(notStarted).toBeGreaterThan(0);
  expect(done + notStarted).toBe(LINES);
  await expect(page.getByTestId('import-result-created')).toHaveAttribute('data-count', String(done));
  await expect(summaryCount(page, 'status-not-started')).toHaveAttribute('data-count', String(notStarted));
  expect(simulator.tenant.listDevices(LYON).length - before).toBe(done);
});

test('a line that failed is retried without creating its phone twice', async ({
  signedIn: page,
  simulator,
}) => {
  await openImport(page, LYON);
  await pickFile(
    page,
    'retry.csv',
    'mac,model,description,subscriber\r\n48:7A:55:20:AA:01,8028s,Retry desk,81090\r\n',
  );
  await expect(summaryCount(page, 'create-assign')).toHaveAttribute('data-count', '1');
  // The CloudPBX starts failing right after creating the phone: its assignment fails.
  const addDevice = simulator.tenant.addDevice.bind(simulator.tenant);
  simulator.tenant.addDevice = (input) => {
    const device = addDevice(input);
    simulator.setFaults({ errorRate: 1 });
    return device;
  };
  await applyImport(page);

  await expect(page.getByTestId('import-run')).toHaveAttribute('data-state', 'finished');
  await expect(page.getByTestId('import-result-failed')).toHaveAttribute('data-count', '1');
  await expect(lineMarker(page, 2)).toHaveAttribute('data-status', 'failed');
  await expect(page.locator('[data-testid="row-problem"][data-line="2"]')).toBeVisible();
  const created = simulator.tenant.findDeviceByIdentifier(LYON, '487a5520aa01');
  expect(created?.phoneNumberId).toBeUndefined();

  simulator.setFaults({});
  await page.getByTestId('import-retry-failed').click();
  await expect(lineMarker(page, 2)).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('import-run')).toHaveAttribute('data-state', 'finished');
  await expect(page.getByTestId('import-result-failed')).toHaveAttribute('data-count', '0');
  const devices = simulator.tenant.listDevices(LYON).filter((device) => device.macAddress === '487a5520aa01');
  expect(devices.map((device) => device.id)).toEqual([created?.id]);
  expect(devices[0]?.phoneNumberId).toBe(subscriberId(simulator, '81090'));
});
