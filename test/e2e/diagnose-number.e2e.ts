/**
 * The number ladder on the test's simulator: each failure case fails with its fix; the CloudPBX settings only
 * the admin console or the business partner change are changed on the simulator, as they would be, and the
 * check turns ok on the next run. One test, one simulator; every step has its own number.
 */
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { DEMO_TRUNK_IDS } from '../../src-main/simulator/seed/telephony-seed';
import { assignInSubscriberDrawer, deviceBy } from './support/devices-app';
import { againUntilOk, diagnose, expectFault, expectVerdict, ladderCheck } from './support/diagnose-screen';
import { expect, openSection, test } from './support/fixtures';

const LYON = DEMO_SYSTEM_IDS.lyon;
test.use({ simulatorOptions: { registrationDelayMs: 0 } });

test('every number failure case shows its fix, and the check turns ok once it is made', async ({
  signedIn: page,
  simulator,
}) => {
  const subscriberId = (shortNumber: string): string => {
    const found = simulator.tenant.listSubscribers(LYON).find((s) => s.shortNumber === shortNumber);
    if (found === undefined) throw new Error(`seed changed: no subscriber ${shortNumber}`);
    return found.id;
  };
  await openSection(page, LYON, 'diagnose');

  await test.step('no subscriber: the number is created, then it is found', async () => {
    await diagnose(page, 'number', '81099');
    await expectFault(page, 'subscriber', 'fail', 'Check the number');
    simulator.tenant.addSubscriber({
      systemId: LYON,
      shortNumber: '81099',
      internalNumber: '81099',
      deviceName: 'Cloud PBX subscriber',
    });
    await againUntilOk(page, 'subscriber');
  });

  await test.step('no device: the fix opens the subscriber, where a device is given to it', async () => {
    await diagnose(page, 'number', '81090');
    await expectFault(page, 'devices', 'fail', 'Assign a device');
    await ladderCheck(page, 'devices').getByTestId('check-action').click();
    const spare = deviceBy(simulator, LYON, '487a550a1b0c');
    const drawer = await assignInSubscriberDrawer(page, 'Confluence', spare.id);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await page.getByTestId('nav-diagnose').click();
    await diagnose(page, 'number', '81090');
    await expect(ladderCheck(page, 'devices')).toHaveAttribute('data-status', 'ok');
  });

  await test.step('DDI to a group: once the DDI reaches a user, ok', async () => {
    await diagnose(page, 'number', '+33478980000');
    await expectFault(page, 'ddi', 'fail', 'give the DDI to that user');
    await expect(ladderCheck(page, 'ddi').getByTestId('check-summary')).toContainText('Reception');
    const userId = simulator.tenant.findSubscriber(LYON, subscriberId('81001'))?.userId ?? '';
    simulator.tenant.telephony.routeDdi('+33478980000', { userId });
    await againUntilOk(page, 'ddi');
  });

  await test.step('forwarding is shown from the CloudPBX; a 10 s overflow to voicemail warns until raised', async () => {
    await diagnose(page, 'number', '81003');
    await expect(ladderCheck(page, 'forwarding')).toHaveAttribute('data-status', 'ok');
    await expect(ladderCheck(page, 'forwarding').getByTestId('check-summary')).toContainText('external');
    await expectFault(page, 'overflow', 'warn', 'Raise the no-reply delay');
    simulator.tenant.setSubscriberSettings(LYON, subscriberId('81003'), {
      overflowToVoicemail: { value: 'custom', noReplyDelay: 20 },
    });
    await againUntilOk(page, 'overflow');
    await expectVerdict(page, 'ok');
  });

  await test.step('cli: a number without a DDI, until callees see the installation number', async () => {
    await diagnose(page, 'number', '81091');
    await expectFault(page, 'cli', 'warn', 'installation number');
    simulator.tenant.setSubscriberSettings(LYON, subscriberId('81091'), {
      cliOptions: { policy: 'installation_ddi_number' },
    });
    await againUntilOk(page, 'cli');
  });

  await test.step('barring: internal calls only, until the permissions are raised', async () => {
    await diagnose(page, 'number', '81006');
    await expectFault(page, 'barring', 'fail', 'Raise the subscriber’s barring permissions');
    simulator.tenant.setSubscriberSettings(LYON, subscriberId('81006'), {
      barringOptions: { permissions: 'int_nat_local', restrictions: 'default' },
    });
    await againUntilOk(page, 'barring');
    await expectVerdict(page, 'ok');
  });

  await test.step('PSTN forking to a mobile the CloudPBX does not fork to, until the number is cleared', async () => {
    await diagnose(page, 'number', '81002');
    await expectFault(page, 'pstn-forking', 'warn', 'Activate call forking');
    simulator.tenant.setSubscriberSettings(LYON, subscriberId('81002'), {
      pstnDeviceOptions: { policy: 'none', numberE164: null },
    });
    await againUntilOk(page, 'pstn-forking');
  });

  await test.step('trunk down: once the business partner activates it, ok', async () => {
    await diagnose(page, 'number', '81008');
    await expectFault(page, 'trunks', 'fail', 'activate or unlock the trunk');
    simulator.tenant.telephony.setTrunkState(DEMO_TRUNK_IDS.legacy, { status: 'active', locked: false });
    await againUntilOk(page, 'trunks');
    await expectVerdict(page, 'ok');
  });

  await test.step('every run is in the activity log', async () => {
    await page.getByTestId('nav-activity').click();
    const runs = page.locator('[data-testid="activity-action-cell"][data-action="diagnose.number"]');
    await expect(runs).toHaveCount(16);
  });
});
