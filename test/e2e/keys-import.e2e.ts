import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { deviceBy } from './support/devices-app';
import { expect, test } from './support/fixtures';
import { applyImport, lineMarker, openImport, pickFile, reportLine } from './support/import-screen';

const LYON = DEMO_SYSTEM_IDS.lyon;
const DIRECTOR_MAC = '3c28a6110209';

/** The director's M7: key 1 becomes a monitor key, key 2 a speed dial; key 10 is the service's and refused. */
const KEYS_SHEET = [
  'MAC Address,Module,Key,Type,Label,Number,Short Number',
  '3C:28:A6:11:02:09,0,1,monitor,,,81003',
  '3C:28:A6:11:02:09,,2,speeddial,Taxi,+33478000000,',
  '',
].join('\r\n');

test('a keys sheet through the Import screen: checked, planned, applied, then all skips', async ({
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
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-mode', 'apply');
  await expect(lineMarker(page, 2)).toHaveAttribute('data-status', 'done');
  await expect(lineMarker(page, 3)).toHaveAttribute('data-status', 'done');
  expect(keysNow()).toEqual([
    [1, 'monitor', 'admin', null],
    [2, 'speeddial', 'admin', '+33478000000'],
    [10, 'monitor', 'service', null],
  ]);

  await page.getByTestId('import-revalidate').click();
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-mode', 'dry-run');
  await expect(lineMarker(page, 2)).toHaveAttribute('data-action', 'skip');
  await expect(lineMarker(page, 3)).toHaveAttribute('data-action', 'skip');
});
