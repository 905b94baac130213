/**
 * The device ladder in the demo, after a scan of its simulated LAN (the only LAN scanned here): the phone
 * declared as the wrong model, and a new phone, fixed in place with the Devices screen's dialogs.
 */
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { choose } from './support/devices-app';
import { diagnose, expectFault, expectVerdict, ladderCheck } from './support/diagnose-screen';
import { expect, openSection, test } from './support/fixtures';

const LYON = DEMO_SYSTEM_IDS.lyon;
test.use({ shellOptions: { args: ['--demo'], env: {} } });

test('after a LAN scan: a phone of the wrong model is swapped, a new phone registered, both in place', async ({
  launched: page,
}) => {
  await openSection(page, LYON, 'discover');
  // The guard: a scan outside the demo would probe this machine's real network.
  await expect(page.getByTestId('discover-simulated')).toBeVisible();
  await page.getByTestId('discover-scan').click();
  await expect(page.getByTestId('discover-progress')).toHaveAttribute('data-phase', 'finished');
  await page.getByTestId('nav-diagnose').click();

  await test.step('model: declared an M7, an M5 on the LAN; an M7 from the LAN is swapped in', async () => {
    await diagnose(page, 'device', '3C:28:A6:11:02:09');
    await expectFault(page, 'model', 'fail', 'register its MAC again as a M5');
    await expect(ladderCheck(page, 'model').getByTestId('check-summary')).toContainText(
      'Declared as M7, but the phone on the LAN is a M5',
    );
    await ladderCheck(page, 'model').getByTestId('check-action').click();
    const wizard = page.getByTestId('swap-dialog');
    await wizard.getByTestId('swap-next').click();
    await wizard.getByTestId('swap-new-identifier').fill('48:7A:55:0A:1C:02');
    await expect(wizard.getByTestId('swap-compatibility')).toHaveAttribute('data-ok', 'true');
    await wizard.getByTestId('swap-start').click();
    await expect(wizard.getByTestId('swap-status')).toHaveAttribute('data-status', 'succeeded');
    await wizard.getByTestId('swap-close').click();
    await expect(wizard).toBeHidden();
    await expect(ladderCheck(page, 'model')).toHaveAttribute('data-status', 'ok');
    await expect(ladderCheck(page, 'model').getByTestId('check-summary')).toContainText('Declared as M7');
    await expectVerdict(page, 'ok');
  });

  await test.step('not declared: registered with the MAC and the model the LAN gave, pre-filled', async () => {
    await diagnose(page, 'device', '48:7A:55:0A:1C:01');
    await expectFault(page, 'declared', 'fail', 'Register the phone');
    await ladderCheck(page, 'declared').getByTestId('check-action').click();
    const dialog = page.getByTestId('register-dialog');
    await expect(dialog.getByTestId('register-identifier')).toHaveValue('48:7a:55:0a:1c:01');
    await expect(dialog.getByTestId('register-model')).toContainText('M5');
    await choose(page, dialog.getByTestId('register-subscriber'), '81091', '81091');
    await dialog.getByTestId('register-submit').click();
    await expect(dialog).toBeHidden();
    await expect(ladderCheck(page, 'declared')).toHaveAttribute('data-status', 'ok');
    await expect(ladderCheck(page, 'model')).toHaveAttribute('data-status', 'ok');
    await expect(ladderCheck(page, 'assigned')).toHaveAttribute('data-status', 'ok');
    // The demo's phones register a few seconds after they are provisioned: run again until this one has.
    await expect(async () => {
      await page.getByTestId('diagnose-again').click();
      await expect(ladderCheck(page, 'registered')).toHaveAttribute('data-status', 'ok', { timeout: 1000 });
    }).toPass();
    await expectVerdict(page, 'ok');
  });
});
