import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { openSection } from './fixtures';

/**
 * A rollout file as it comes back from the office: three good lines (create + assign, create, assign), one line
 * already done, and the classic mistakes — a MAC a spreadsheet turned into a number, a device given twice, a
 * misspelt model, a subscriber that does not exist, and a cell that a spreadsheet would run as a formula.
 */
export const ROLLOUT_CSV = [
  'mac,model,description,subscriber',
  '48:7A:55:00:AA:01,8028s,Import desk 1,81090',
  '48-7a-55-00-aa-02,M5,Import desk 2,',
  '487a550a1b0d,8028s,Spare stock - box 3,81091',
  '4.87E+11,8028s,Scientific desk,',
  '48:7A:55:00:AA:06,8028s,Twice first,',
  '48:7a:55:00:aa:06,8028s,Twice second,',
  '48:7A:55:00:AA:08,8O28s,Misspelt model,',
  '48:7A:55:00:AA:09,8028s,Nobody,89999',
  '48:7A:55:0A:1B:01,8078s,Reception desk,81001',
  '"=HYPERLINK(""http://evil.invalid"")",8028s,Formula,',
  '',
].join('\r\n');

export const ROLLOUT_FORMULA = '=HYPERLINK("http://evil.invalid")';

/** From the CloudPBX picker of a signed-in page, opens the Import screen of `systemId`. */
export async function openImport(page: Page, systemId: string): Promise<void> {
  await openSection(page, systemId, 'import');
  await expect(page.getByTestId('catalog-status')).toBeVisible();
}

/** Picks a CSV file in the Import screen, as the file chooser or a drop would. */
export async function pickFile(page: Page, name: string, content: string): Promise<void> {
  await page
    .getByTestId('import-file-picker')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await expect(page.getByTestId('import-file-name')).toHaveAttribute('data-name', name);
}

/** The report table's row for one line of the file. */
export function reportLine(page: Page, line: number): Locator {
  return page
    .getByTestId('import-table')
    .locator('tr.el-table__row')
    .filter({ has: page.locator(`[data-testid="import-line"][data-line="${line}"]`) });
}

/** The line's marker, which carries its action and status. */
export const lineMarker = (page: Page, line: number): Locator =>
  reportLine(page, line).locator('[data-testid="import-line"]');

export const summaryCount = (page: Page, name: string): Locator => page.getByTestId(`summary-${name}`);

/** Presses Apply and confirms. */
export async function applyImport(page: Page): Promise<void> {
  await page.getByTestId('import-apply').click();
  await page.locator('.el-message-box').getByRole('button', { name: 'Apply' }).click();
}

/** Clicks a download button; answers the name the browser saved under and the text saved. */
export async function downloaded(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}
