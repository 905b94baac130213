import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openSection, test } from './support/fixtures';
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';

const LYON = DEMO_SYSTEM_IDS.lyon;
test.use({ simulatorOptions: { registrationDelayMs: 0 } });

async function diagnose(page: Page, kind: 'device' | 'number', text: string): Promise<void> {
  await page
    .getByTestId('diagnose-kind')
    .getByText(kind === 'device' ? /Device/ : /Number/)
    .click();
  await page.getByTestId('diagnose-input').fill(text);
  await page.getByTestId('diagnose-run').click();
}

const check = (page: Page, id: string) => page.locator(`[data-testid="check"][data-check="${id}"]`);

test('an unassigned phone fails `assigned`; assigning it from the ladder turns the diagnosis ok', async ({
  signedIn: page,
  simulator,
}) => {
  await openSection(page, LYON, 'diagnose');
  await diagnose(page, 'device', '48:7A:55:0A:1B:0C');
  await expect(check(page, 'assigned')).toHaveAttribute('data-status', 'fail');
  await expect(page.getByTestId('check-verdict')).toHaveAttribute('data-verdict', 'problem');

  await check(page, 'assigned').getByTestId('check-action').click();
  const dialog = page.getByTestId('assign-dialog');
  await dialog.getByTestId('assign-search').fill('camille');
  await dialog.getByTestId('subscriber-option').filter({ hasText: 'Camille Martin' }).click();
  await dialog.getByTestId('assign-submit').click();
  await expect(dialog).toBeHidden();

  await expect(check(page, 'assigned')).toHaveAttribute('data-status', 'ok');
  await expect(check(page, 'registered')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('check-verdict')).toHaveAttribute('data-verdict', 'ok');
  const spare = simulator.tenant.findDeviceByIdentifier(LYON, '487a550a1b0c');
  expect(spare?.phoneNumberId).toBeDefined();
});

test('a phone behind a SIP ALG fails `nat` with the fix; once the ALG is off, running again turns it ok', async ({
  signedIn: page,
  simulator,
}) => {
  await openSection(page, LYON, 'diagnose');
  await diagnose(page, 'device', '3C:28:A6:11:02:04');
  await expect(check(page, 'nat')).toHaveAttribute('data-status', 'fail');
  await expect(check(page, 'nat').getByTestId('check-fix')).toContainText('SIP ALG');

  simulator.tenant.setBehindSipAlg('3c28a6110204', false);
  await page.getByTestId('diagnose-again').click();
  await expect(check(page, 'nat')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('check-verdict')).toHaveAttribute('data-verdict', 'ok');
});

test('the debug-session fix grants one, and the diagnosis is saved as JSON for a ticket', async ({
  signedIn: page,
}) => {
  await openSection(page, LYON, 'diagnose');
  await diagnose(page, 'device', '48:7A:55:0A:1B:01');
  await expect(page.getByTestId('check-verdict')).toHaveAttribute('data-verdict', 'ok');
  await check(page, 'debug-session').getByTestId('check-action').click();
  await expect(check(page, 'debug-session').getByTestId('check-summary')).toContainText('is open');
  await expect(check(page, 'debug-session').getByTestId('check-action')).toHaveCount(0);

  const saved = page.waitForEvent('download');
  await page.getByTestId('diagnose-save-json').click();
  const download = await saved;
  expect(download.suggestedFilename()).toBe('fieldkit-diagnosis-487a550a1b01.json');
  const report = JSON.parse(await readFile(await download.path(), 'utf8')) as { verdict: string };
  expect(report.verdict).toBe('ok');
});

test('the DDI to the reception group fails `ddi`; a number with a trunk not in service fails `trunks`', async ({
  signedIn: page,
}) => {
  await openSection(page, LYON, 'diagnose');
  await diagnose(page, 'number', '+33478980000');
  await expect(check(page, 'ddi')).toHaveAttribute('data-status', 'fail');
  await expect(check(page, 'ddi').getByTestId('check-summary')).toContainText('Reception');
  await diagnose(page, 'number', '81008');
  await expect(check(page, 'trunks')).toHaveAttribute('data-status', 'fail');
});
