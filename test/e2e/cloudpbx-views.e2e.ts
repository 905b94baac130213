import { expect, test } from './support/fixtures';
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';

test.use({ shellOptions: { args: ['--demo'], env: {} } });

test('the Overview shows, once opened, the demo’s DDI to a group and its trunk that is down', async ({
  launched: page,
}) => {
  await page.locator(`[data-testid="system-row"][data-system-id="${DEMO_SYSTEM_IDS.lyon}"]`).click();
  await expect(page.getByTestId('models-table')).toBeVisible();
  await expect(page.getByTestId('ddis')).toHaveCount(0);

  await page.getByTestId('section-ddis').getByRole('button', { name: 'DDIs and their destinations' }).click();
  await page.getByTestId('ddis-search').fill('+33478980000');
  const destination = page.getByTestId('ddi-destination');
  await expect(destination).toHaveCount(1);
  await expect(destination).toHaveAttribute('data-kind', 'group');
  await expect(destination).toContainText('Reception');

  await page.getByTestId('section-trunks').getByRole('button', { name: 'External trunks' }).click();
  const legacy = page.getByTestId('trunks').getByRole('row').filter({ hasText: 'Legacy carrier (porting)' });
  await expect(legacy.getByTestId('trunk-state')).toHaveAttribute('data-in-service', 'false');
  await expect(legacy.getByTestId('trunk-state')).toContainText('Down');
  const carrier = page.getByTestId('trunks').getByRole('row').filter({ hasText: 'Carrier SIP Trunk' });
  await expect(carrier.getByTestId('trunk-state')).toHaveAttribute('data-in-service', 'true');
});
