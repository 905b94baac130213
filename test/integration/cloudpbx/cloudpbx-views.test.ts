import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudPbxViewsService } from '../../../src-main/services/cloudpbx/cloudpbx-views-service';
import { signIn, type RainbowClient } from '../../../src-main/services/rainbow';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { FakeClock } from '../../support/fake-clock';

const { lyon, grenoble } = DEMO_SYSTEM_IDS;

describe('CloudPBX views on the simulator’s demo CloudPBXs', () => {
  let simulator: RunningSimulator;
  let client: RainbowClient;
  let views: CloudPbxViewsService;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0 });
    client = await signIn({ host: simulator.url, ...simulator.credentials }, { clock: new FakeClock() });
    views = new CloudPbxViewsService(() => client);
  });

  afterAll(async () => {
    client.close();
    await simulator.close();
  });

  it('names the group Lyon’s installation number rings, and the down trunk one DDI arrives through', async () => {
    const ddis = await views.ddis(lyon);
    expect(ddis.find((ddi) => ddi.numberE164 === '+33478980000')).toMatchObject({
      destination: { kind: 'group', name: 'Reception' },
      trunk: { name: 'Carrier SIP Trunk', inService: true },
      isCloudPbxDefault: true,
    });
    expect(ddis.find((ddi) => ddi.numberE164 === '+33478981008')?.trunk).toMatchObject({
      name: 'Legacy carrier (porting)',
      inService: false,
    });
  });

  it('gives each CloudPBX only the trunks linked to it', async () => {
    expect((await views.trunks(lyon)).map(({ name, inService }) => ({ name, inService }))).toEqual([
      { name: 'Carrier SIP Trunk', inService: true },
      { name: 'Legacy carrier (porting)', inService: false },
    ]);
    expect((await views.trunks(grenoble)).map(({ name }) => name)).toEqual(['Carrier SIP Trunk']);
  });

  it('reads the numbering plan’s ranges and allocated numbers, and the emergency numbers', async () => {
    const plan = await views.numberingPlan(lyon);
    expect(plan.ranges.length).toBeGreaterThan(0);
    expect(plan.allocated).toContainEqual(
      expect.objectContaining({ shortNumber: '81100', kind: 'group', name: 'Reception' }),
    );
    const emergency = await views.emergencyNumbers(lyon);
    expect(emergency.numbers.map(({ number }) => number)).toEqual(['112', '15', '17', '18']);
  });
});
