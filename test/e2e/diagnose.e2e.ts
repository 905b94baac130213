/**
 * The device ladder on the test's simulator (phones register at once): each failure case fails with its fix,
 * the fix is made (in place when Fieldkit can make it, on the simulator as the technician would otherwise), and
 * the diagnosis turns ok. One test, one simulator: every step works on its own phone, so the order is free.
 */
import { readFile } from 'node:fs/promises';
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { choose } from './support/devices-app';
import { againUntilOk, diagnose, expectFault, expectVerdict, ladderCheck } from './support/diagnose-screen';
import { expect, openSection, test } from './support/fixtures';

const LYON = DEMO_SYSTEM_IDS.lyon;
const GRENOBLE = DEMO_SYSTEM_IDS.grenoble;
test.use({ simulatorOptions: { registrationDelayMs: 0 } });

test('every device failure case shows its fix, and the diagnosis turns ok once it is made', async ({
  signedIn: page,
  simulator,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSection(page, LYON, 'diagnose');

  await test.step('unassigned: assigned from the ladder', async () => {
    await diagnose(page, 'device', '48:7A:55:0A:1B:0C');
    await expectFault(page, 'assigned', 'fail', 'Assign the device');
    await expectVerdict(page, 'problem');
    await ladderCheck(page, 'assigned').getByTestId('check-action').click();
    const dialog = page.getByTestId('assign-dialog');
    await dialog.getByTestId('assign-search').fill('camille');
    await dialog.getByTestId('subscriber-option').filter({ hasText: 'Camille Martin' }).click();
    await dialog.getByTestId('assign-submit').click();
    await expect(dialog).toBeHidden();
    await expect(ladderCheck(page, 'assigned')).toHaveAttribute('data-status', 'ok');
    await expect(ladderCheck(page, 'registered')).toHaveAttribute('data-status', 'ok');
    await expectVerdict(page, 'ok');
    expect(simulator.tenant.findDeviceByIdentifier(LYON, '487a550a1b0c')?.phoneNumberId).toBeDefined();
  });

  await test.step('banned: the fix says what a ban is and the way out; rebooting from the ladder', async () => {
    await diagnose(page, 'device', '3C:28:A6:11:02:05');
    await expectFault(page, 'banned', 'fail', 'no call to lift a ban');
    await ladderCheck(page, 'banned').getByTestId('check-action').click();
    await expect(ladderCheck(page, 'banned')).toHaveAttribute('data-status', 'ok');
    await expectVerdict(page, 'ok');
  });

  await test.step('not registered: the phone is off; once powered, it registers', async () => {
    simulator.tenant.setPhoneOnline('487a550a1b02', false);
    await diagnose(page, 'device', '48:7A:55:0A:1B:02');
    await expectFault(page, 'registered', 'fail', 'powered');
    simulator.tenant.setPhoneOnline('487a550a1b02', true);
    await againUntilOk(page, 'registered');
    await expectVerdict(page, 'ok');
  });

  await test.step('registration health: re-registering every minute, until the site router is fixed', async () => {
    await diagnose(page, 'device', '3C:28:A6:11:02:0A');
    await expectFault(page, 'registration-health', 'warn', 'UDP timeout');
    await expect(ladderCheck(page, 'registration-health').getByTestId('check-summary')).toContainText(
      'Re-registering often',
    );
    simulator.tenant.setReRegisteringOften('3c28a611020a', false);
    await againUntilOk(page, 'registration-health');
    await expectVerdict(page, 'ok');
  });

  await test.step('NAT: a SIP ALG rewrote the contact; once it is off, ok', async () => {
    await diagnose(page, 'device', '3C:28:A6:11:02:04');
    await expectFault(page, 'nat', 'fail', 'SIP ALG');
    simulator.tenant.setBehindSipAlg('3c28a6110204', false);
    await againUntilOk(page, 'nat');
    await expectVerdict(page, 'ok');
  });

  await test.step('declared on another CloudPBX: once deleted there, registered here in place', async () => {
    await diagnose(page, 'device', '3C:28:A6:22:03:01');
    await expectFault(page, 'declared', 'fail', 'delete it there');
    await expect(ladderCheck(page, 'declared').getByTestId('check-summary')).toContainText(
      'Grenoble Warehouse',
    );
    await expect(ladderCheck(page, 'declared').getByTestId('check-action')).toHaveCount(0);

    const there = simulator.tenant.findDeviceByIdentifier(GRENOBLE, '3c28a6220301');
    if (there === undefined) throw new Error('seed changed: Grenoble has no 3c28a6220301');
    simulator.tenant.unassignDevice(GRENOBLE, there.id);
    simulator.tenant.removeDevice(GRENOBLE, there.id);
    await page.getByTestId('diagnose-again').click();
    await expectFault(page, 'declared', 'fail', 'Register the phone');

    await ladderCheck(page, 'declared').getByTestId('check-action').click();
    const dialog = page.getByTestId('register-dialog');
    await expect(dialog.getByTestId('register-identifier')).toHaveValue('3c:28:a6:22:03:01');
    await choose(page, dialog.getByTestId('register-model'), /^8028s ·/);
    await choose(page, dialog.getByTestId('register-subscriber'), '81090', '81090');
    await dialog.getByTestId('register-submit').click();
    await expect(dialog).toBeHidden();
    await expect(ladderCheck(page, 'declared')).toHaveAttribute('data-status', 'ok');
    await expectVerdict(page, 'ok');
    expect(simulator.tenant.findDeviceByIdentifier(LYON, '3c28a6220301')).toBeDefined();
  });

  await test.step('debug session granted from the ladder; the diagnosis copied and saved for a ticket', async () => {
    await diagnose(page, 'device', '48:7A:55:0A:1B:01');
    await expectVerdict(page, 'ok');
    await ladderCheck(page, 'debug-session').getByTestId('check-action').click();
    await expect(ladderCheck(page, 'debug-session').getByTestId('check-summary')).toContainText('is open');
    await expect(ladderCheck(page, 'debug-session').getByTestId('check-action')).toHaveCount(0);

    await page.getByTestId('diagnose-copy').click();
    await expect
      .poll(() => page.evaluate<string>('navigator.clipboard.readText()'))
      .toMatch(/^Diagnosis of Reception desk — verdict: ok\n[\s\S]*\[ok {2}\] debug-session: /);

    const savedJson = page.waitForEvent('download');
    await page.getByTestId('diagnose-save-json').click();
    const json = await savedJson;
    expect(json.suggestedFilename()).toBe('fieldkit-diagnosis-487a550a1b01.json');
    const report = JSON.parse(await readFile(await json.path(), 'utf8')) as { verdict: string };
    expect(report.verdict).toBe('ok');

    const savedText = page.waitForEvent('download');
    await page.getByTestId('diagnose-save-text').click();
    const text = await savedText;
    expect(text.suggestedFilename()).toBe('fieldkit-diagnosis-487a550a1b01.txt');
    expect(await readFile(await text.path(), 'utf8')).toMatch(/verdict: ok/);
  });

  await test.step('every run is in the activity log', async () => {
    await page.getByTestId('nav-activity').click();
    const runs = page.locator('[data-testid="activity-action-cell"][data-action="diagnose.device"]');
    await expect(runs).toHaveCount(15);
  });
});
