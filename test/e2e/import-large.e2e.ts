import { expect, test } from './support/fixtures';
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { applyImport, lineMarker, openImport, pickFile, summaryCount } from './support/import-screen';

const LYON = DEMO_SYSTEM_IDS.lyon;

/** Two phones to create, and over 2 MB of the office's notes as comment lines: far past a call's 1 MB cap. */
const LARGE_CSV = [
  'mac,model,description',
  '48:7A:55:00:BB:01,8028s,Large file desk 1',
  ...Array.from({ length: 25_000 }, (_, index) => `# note ${index}: ${'x'.repeat(80)}`),
  '48:7A:55:00:BB:02,M5,Large file desk 2',
  '',
].join('\r\n');

test('a file larger than 1 MB is uploaded, validated and applied through the browser shell', async ({
  signedIn: page,
  simulator,
}) => {
  expect(Buffer.byteLength(LARGE_CSV)).toBeGreaterThan(2 * 1024 * 1024);
  await openImport(page, LYON);
  await pickFile(page, 'large.csv', LARGE_CSV);

  await expect(page.getByTestId('import-report')).toHaveAttribute('data-mode', 'validate');
  await expect(summaryCount(page, 'rows')).toHaveAttribute('data-count', '2');
  await expect(summaryCount(page, 'invalid')).toHaveAttribute('data-count', '0');
  await applyImport(page);

  await expect(page.getByTestId('import-run')).toHaveAttribute('data-state', 'finished');
  await expect(lineMarker(page, 2)).toHaveAttribute('data-status', 'done');
  await expect(lineMarker(page, 25_003)).toHaveAttribute('data-status', 'done');
  const created = ['487a5500bb01', '487a5500bb02'].map((mac) =>
    simulator.tenant.findDeviceByIdentifier(LYON, mac),
  );
  expect(created.map((device) => device?.description)).toEqual(['Large file desk 1', 'Large file desk 2']);
});
