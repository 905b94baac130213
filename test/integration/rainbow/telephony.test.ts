import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type RainbowClient } from '../../../src-main/services/rainbow';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { FakeClock } from '../../support/fake-clock';

const { lyon } = DEMO_SYSTEM_IDS;

describe('telephony reads against the simulator (DDIs, groups, trunks, plan, subscriber options)', () => {
  let simulator: RunningSimulator;
  let client: RainbowClient;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0 });
    client = await signIn({ host: simulator.url, ...simulator.credentials }, { clock: new FakeClock() });
  });

  afterAll(async () => {
    client.close();
    await simulator.close();
  });

  const subscriberId = (shortNumber: string): string =>
    simulator.tenant.listSubscribers(lyon).find((s) => s.shortNumber === shortNumber)?.id ?? '';

  it('reads a subscriber’s details without its passwords, with overflow, barring and CLI options', async () => {
    const details = await client.getSubscriber(lyon, subscriberId('81003'));
    expect(details).toMatchObject({
      shortNumber: '81003',
      overflowToVoicemail: { value: 'custom', noReplyDelay: 10 },
      barringOptions: { permissions: 'default' },
      cliOptions: { policy: 'company_policy' },
    });
    expect(details).not.toHaveProperty('password');
    expect(details).not.toHaveProperty('jid_password');
    expect(await client.getSubscriberCliOptions(lyon, subscriberId('81003'))).toMatchObject({
      policy: 'company_policy',
      companyPolicy: 'user_ddi_number',
    });
    expect(await client.getPstnDeviceOptions(lyon, subscriberId('81002'))).toEqual({
      policy: 'custom_ddi_number',
      numberE164: '+33612345678',
    });
  });

  it('lists every DDI with its destination, and a group’s forwards', async () => {
    const ddis = await client.listDdis(lyon);
    const installation = ddis.find((ddi) => ddi.numberE164 === '+33478980000');
    expect(installation).toMatchObject({ userId: null, isCloudPbxDefault: true, number: '0478980000' });
    expect(ddis.filter((ddi) => ddi.userId !== null).length).toBe(10);
    const forwards = await client.getGroupForwards(lyon, installation?.rvcpGroupId ?? '');
    expect(forwards.name).toBe('Reception');
    expect(forwards.groupForwards).toContainEqual(
      expect.objectContaining({ type: 'overflow', noReplyDelay: 20 }),
    );
  });

  it('lists the trunks of the company’s CloudPBXs, the numbering plan and the emergency numbers', async () => {
    const trunks = await client.listExternalTrunks();
    expect(trunks.map((trunk) => [trunk.name, trunk.status])).toEqual([
      ['Carrier SIP Trunk', 'active'],
      ['Legacy carrier (porting)', 'new'],
    ]);
    const plan = await client.getNumberingPlan(lyon);
    expect(plan.ranges).toEqual([{ first: '80000', last: '89999' }]);
    expect(plan.allocatedNumbers.groups).toEqual([expect.objectContaining({ shortNumber: '81100' })]);
    const emergency = await client.getEmergencyNumbers(lyon);
    expect(emergency.emergencyNumbers.map((entry) => entry.number)).toContain('112');
  });
});
