import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { deviceBy } from './support/devices-app';
import { expect, test } from './support/fixtures';
import {
  applyImport,
  downloaded,
  lineMarker,
  openImport,
  pickFile,
  reportLine,
} from './support/import-screen';

const LYON = DEMO_SYSTEM_IDS.lyon;
const DIRECTOR_MAC = '3c28a6110209';

/** The director's M7: key 1 becomes a monitor key, key 2 a speed dial; key 10 is the service's and refused. */
const KEYS_SHEET = [
  'MAC Address,Module,Key,Type,Label,Number,Short Number',
  '3C:28:A6:11:02:09,0,1,monitor,,,81003',
  '3C:28:A6:11:02:09,,2,speeddial,Taxi,+33478000000,',
  '',
].join('\r\n');

test('a keys sheet through the Import screen: checked, planned, applied as a run with its report, then all skips', async ({
  signedIn: page,
  simulator,
}) => {
  const keysNow = () =>
    simulator.tenant
      .listKeys(LYON, deviceBy(simulator, LYON, DIRECTOR_MAC).id)
      .map((key) => [key.keyNum, key.keyType, key.keyOwner, key.number ?? null]);
  await openImport(page, LYON);
  await page.getByTestId('import-kind-keys').click();

  const locked = ['3C:28:A6:11:02:09,0,10,headset,,,', ''].join('\r\n');
  await pickFile(page, 'locked.csv', `${KEYS_SHEET.split('\r\n')[0] ?? ''}\r\n${locked}`);
  await expect(lineMarker(page, 2)).toHaveAttribute('data-action', 'invalid');
  await expect(reportLine(page, 2).getByTestId('row-problem')).toContainText('set by a service');
  await expect(page.getByTestId('import-apply')).toBeDisabled();

  await pickFile(page, 'keys.csv', KEYS_SHEET);
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-mode', 'dry-run');
  await expect(lineMarker(page, 2)).toHaveAttribute('data-action', 'replace');
  await expect(lineMarker(page, 3)).toHaveAttribute('data-action', 'create');
  expect(keysNow()).toEqual([
    [1, 'speeddial', 'admin', null],
    [10, 'monitor', 'service', null],
  ]);

  await applyImport(page);
  // The device import's run: progress to the end, then the report to download.
  await expect(page.getByTestId('import-run')).toHaveAttribute('data-state', 'finished');
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-percentage', '100');
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-mode', 'apply');
  await expect(lineMarker(page, 2)).toHaveAttribute('data-status', 'done');
  await expect(lineMarker(page, 3)).toHaveAttribute('data-status', 'done');
  expect(keysNow()).toEqual([
    [1, 'monitor', 'admin', null],
    [2, 'speeddial', 'admin', '+33478000000'],
    [10, 'monitor', 'service', null],
  ]);
  const csv = await downloaded(page, 'import-download-csv');
  expect(csv.name).toBe('keys-report.csv');
  expect(csv.text).toMatch(/"2","3C:28:A6:11:02:09","replace","done"/);
  const json = await downloaded(page, 'import-download-json');
  expect(json.name).toBe('keys-report.json');
  const report = JSON.parse(json.text) as { mode: string; summary: Record<string, number> };
  expect(report.mode).toBe('apply');
  expect(report.summary).toMatchObject({ keysCreated: 1, keysReplaced: 1 });

  await page.getByTestId('import-revalidate').click();
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-mode', 'dry-run');
  await expect(lineMarker(page, 2)).toHaveAttribute('data-action', 'skip');
  await expect(lineMarker(page, 3)).toHaveAttribute('data-action', 'skip');

  // Offline, against the catalogue just pulled: valid, the action left to an online check.
  await page.getByTestId('catalog-refresh').click();
  await expect(page.getByTestId('catalog-status')).toHaveAttribute('data-cached', 'true');
  await page.getByTestId('import-offline').click();
  await expect(page.getByTestId('import-report-catalog')).toHaveAttribute('data-source', 'cache');
  await expect(lineMarker(page, 2)).toHaveAttribute('data-status', 'valid');
  await expect(reportLine(page, 2)).toContainText('needs the device’s keys');
});
