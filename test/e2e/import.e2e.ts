import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { IMPORT_TEMPLATE, IMPORT_TEMPLATE_FILE_NAME } from '../../src-main/services/batch';
import { DEMO_SYSTEM_IDS, DEVICE_MODEL_IDS } from '../../src-main/simulator';
import {
  lineMarker,
  openImport,
  pickFile,
  reportLine,
  ROLLOUT_CSV,
  ROLLOUT_FORMULA,
  summaryCount,
} from './support/import-screen';

const LYON = DEMO_SYSTEM_IDS.lyon;

async function expectProblem(
  page: Page,
  line: number,
  problem: { field: string; column: string; message: RegExp },
): Promise<Locator> {
  const row = reportLine(page, line);
  await expect(lineMarker(page, line)).toHaveAttribute('data-action', 'invalid');
  const shown = row.locator(
    `[data-testid="row-problem"][data-field="${problem.field}"][data-column="${problem.column}"]`,
  );
  await expect(shown).toContainText(`Line ${line}, column ${problem.column} “${problem.field}”`);
  await expect(shown).toContainText(problem.message);
  return shown;
}

test('the validation report puts every problem on its line and column, and changes nothing', async ({
  signedIn: page,
  simulator,
}) => {
  await openImport(page, LYON);
  const devicesBefore = simulator.tenant.listDevices(LYON).length;
  await pickFile(page, 'rollout.csv', ROLLOUT_CSV);

  await expect(page.getByTestId('import-report')).toHaveAttribute('data-mode', 'validate');
  const expected = { rows: 10, create: 1, 'create-assign': 1, assign: 1, reassign: 0, skip: 1, invalid: 6 };
  for (const [name, count] of Object.entries(expected)) {
    await expect(summaryCount(page, name), name).toHaveAttribute('data-count', String(count));
  }

  await expect(lineMarker(page, 2)).toHaveAttribute('data-action', 'create-assign');
  await expect(reportLine(page, 2)).toContainText('81090');
  await expect(reportLine(page, 3).getByTestId('import-identifier')).toHaveText('48:7A:55:00:AA:02');
  await expect(lineMarker(page, 4)).toHaveAttribute('data-action', 'assign');
  await expect(lineMarker(page, 10)).toHaveAttribute('data-action', 'skip');

  await expectProblem(page, 5, { field: 'mac', column: 'A', message: /scientific notation/ });
  await expectProblem(page, 6, { field: 'mac', column: 'A', message: /also on line 7/ });
  await expectProblem(page, 7, { field: 'mac', column: 'A', message: /also on line 6/ });
  const model = await expectProblem(page, 8, { field: 'model', column: 'B', message: /no model "8O28s"/ });
  await expect(model.getByTestId('row-problem-suggestion').locator('code')).toHaveText('8028s');
  await expectProblem(page, 9, { field: 'subscriber', column: 'D', message: /"89999"/ });
  await expectProblem(page, 11, { field: 'mac', column: 'A', message: /contains "="/ });

  // A formula is shown as the text it is: never a link, never evaluated.
  await expect(reportLine(page, 11).getByTestId('import-identifier')).toHaveText(ROLLOUT_FORMULA);
  await expect(page.getByTestId('import-table').locator('a')).toHaveCount(0);

  // The summary filters the table, and so do the filters.
  await summaryCount(page, 'invalid').click();
  await expect(page.getByTestId('import-row-count')).toHaveAttribute('data-shown', '6');
  await expect(page.locator('[data-testid="import-line"]:not([data-action="invalid"])')).toHaveCount(0);
  await page.getByTestId('import-filter-clear').click();
  await expect(page.getByTestId('import-row-count')).toHaveAttribute('data-shown', '10');

  // Nothing is half-applied: invalid lines block Apply until they are fixed or explicitly skipped.
  await expect(page.getByTestId('import-apply')).toBeDisabled();
  await expect(page.getByTestId('import-apply-blocked')).toContainText('Fix the invalid lines');
  await page.getByTestId('import-skip-invalid').click();
  await expect(page.getByTestId('import-apply')).toBeEnabled();
  await expect(page.getByTestId('import-apply')).toHaveAttribute('data-count', '3');

  expect(simulator.tenant.listDevices(LYON)).toHaveLength(devicesBefore);
});

test('the template downloads as the file the core offers', async ({ signedIn: page }) => {
  await openImport(page, LYON);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('import-template').click(),
  ]);
  expect(download.suggestedFilename()).toBe(IMPORT_TEMPLATE_FILE_NAME);
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toBe(IMPORT_TEMPLATE);
  expect(text).toContain('\r\nmac,ipei,model,description,subscriber,');
});

test('refreshing the catalogue updates its timestamp, and offline validation uses it', async ({
  signedIn: page,
  simulator,
}) => {
  await openImport(page, LYON);
  const status = page.getByTestId('catalog-status');
  await expect(status).toHaveAttribute('data-cached', 'false');
  await expect(page.getByTestId('catalog-none')).toBeVisible();
  await expect(page.getByTestId('import-offline')).toHaveClass(/is-disabled/);

  await page.getByTestId('catalog-refresh').click();
  await expect(status).toHaveAttribute('data-cached', 'true');
  const first = await status.getAttribute('data-fetched-at');
  expect(Date.parse(first ?? '')).not.toBeNaN();
  await expect(page.getByTestId('catalog-fetched-at')).toContainText('Lyon HQ');
  const lyonDevices = simulator.tenant.listDevices(LYON).length;
  await expect(page.getByTestId('catalog-counts')).toContainText(`${lyonDevices} devices`);

  await page.getByTestId('catalog-refresh').click();
  await expect(status).not.toHaveAttribute('data-fetched-at', first ?? '');
  const second = await status.getAttribute('data-fetched-at');
  expect(Date.parse(second ?? '')).toBeGreaterThan(Date.parse(first ?? ''));

  await page.getByTestId('import-offline').click();
  await pickFile(page, 'rollout.csv', ROLLOUT_CSV);
  await expect(page.getByTestId('import-report-catalog')).toHaveAttribute('data-source', 'cache');
  await expect(summaryCount(page, 'invalid')).toHaveAttribute('data-count', '6');
});

test('validating online shows what changed on the CloudPBX since the cached catalogue', async ({
  signedIn: page,
  simulator,
}) => {
  await openImport(page, LYON);
  await page.getByTestId('catalog-refresh').click();
  await expect(page.getByTestId('catalog-status')).toHaveAttribute('data-cached', 'true');
  // Meanwhile, someone else installs the phone of line 3.
  simulator.tenant.addDevice({
    systemId: LYON,
    deviceTypeId: DEVICE_MODEL_IDS.myriadM5,
    macAddress: '487a5500aa02',
    description: 'Installed meanwhile',
  });

  await pickFile(page, 'rollout.csv', ROLLOUT_CSV);
  await expect(page.getByTestId('import-report-catalog')).toHaveAttribute('data-source', 'live');
  const change = page.locator('[data-testid="import-change"][data-line="3"]');
  await expect(change).toContainText('48:7A:55:00:AA:02');
  await expect(page.locator('[data-testid="import-change"]')).toHaveCount(1);
  await expect(lineMarker(page, 3)).toHaveAttribute('data-action', 'skip');
  await expect(reportLine(page, 3).getByTestId('import-changed')).toBeVisible();
});
