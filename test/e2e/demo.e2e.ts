import { expect, test } from './support/fixtures';

test('the demo is one click away: open it, pick the CloudPBX, see its models', async ({ launched: page }) => {
  await page.getByTestId('open-demo').click();

  await expect(page.getByTestId('system-row')).toHaveCount(2);
  await page.getByTestId('system-search').fill('lyon');
  await expect(page.getByTestId('system-row')).toHaveCount(1);
  await page.getByTestId('system-row').click();

  await expect(page.getByTestId('system-name')).toContainText('Lyon HQ');
  const models = page.getByTestId('models-table');
  for (const model of ['M3', 'M5', 'M7', 'M8', '8028s', '8078s', '8214DECT']) {
    await expect(models.getByText(model, { exact: true })).toBeVisible();
  }
  await expect(page.getByTestId('subscriber-count')).toContainText('44');
  await expect(page.getByTestId('connection-status')).toContainText('Online');
  await expect(page.getByTestId('demo-tag')).toBeVisible();
  for (const section of ['discover', 'import']) {
    await expect(page.getByTestId(`nav-${section}`)).not.toHaveClass(/is-disabled/);
  }
});

test('a page without the launch token gets nothing', async ({ page, shell }) => {
  const response = await page.goto(shell.origin);
  expect(response?.status()).toBe(401);
  await expect(page.getByTestId('open-demo')).toHaveCount(0);
});

test.describe('started with --demo', () => {
  test.use({ shellOptions: { args: ['--demo'], env: {} } });

  test('`--demo` opens straight into the CloudPBX picker', async ({ launched: page }) => {
    await expect(page.getByTestId('system-row')).toHaveCount(2);
    await expect(page.getByTestId('connection-status')).toContainText('Online');
  });

  test('signing out returns to the sign-in screen', async ({ launched: page, shell }) => {
    await page.getByTestId('system-row').first().click();
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('open-demo')).toBeVisible();
    await page.goto(`${shell.origin}/#/systems`);
    await expect(page.getByTestId('open-demo')).toBeVisible();
  });

  test('the interface speaks French', async ({ launched: page }) => {
    await page.getByTestId('system-row').first().waitFor();
    await page.getByTestId('language-fr').click();
    await expect(page.getByTestId('connection-status')).toContainText('En ligne');
  });
});
