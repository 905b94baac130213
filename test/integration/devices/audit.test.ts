import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditExport } from '../../../src-main/services/audit/audit-csv';
import { DEMO_SYSTEM_IDS, DEVICE_MODEL_IDS } from '../../../src-main/simulator';
import { seededDeviceId, startDeviceHarness, type DeviceHarness } from './support';

const lyon = DEMO_SYSTEM_IDS.lyon;
let harness: DeviceHarness;

beforeAll(async () => {
  harness = await startDeviceHarness();
});

afterAll(async () => {
  await harness.close();
});

describe('the activity log', () => {
  it('records who changed what, when, with what result, and never a secret', async () => {
    const { feature, simulator } = harness;
    const device = await feature.devices.register({
      systemId: lyon,
      identifier: '487a550f0001',
      deviceTypeId: DEVICE_MODEL_IDS.ale8028s,
      description: '=HYPERLINK("http://example.invalid","click")',
    });
    const handset = simulator.tenant.listDevices(lyon).find((candidate) => candidate.ipei !== undefined);
    if (handset === undefined) throw new Error('seed has no DECT handset');
    await expect(feature.devices.reboot(lyon, handset.id)).rejects.toMatchObject({ status: 400 });
    const deskphone = seededDeviceId(simulator, lyon, '487a550a1b01');
    await feature.debug.grant(lyon, deskphone);
    const { adminPassword } = await feature.debug.reveal(lyon, deskphone);

    const entries = await harness.auditLog.list();
    expect(entries.map((entry) => `${entry.action}:${entry.result}`)).toEqual([
      'debug.reveal:ok',
      'debug.grant:ok',
      'device.reboot:failed',
      'device.register:ok',
    ]);
    const [, , reboot, register] = entries;
    expect(register).toMatchObject({
      actor: simulator.credentials.login,
      profile: 'Lyon site',
      systemId: lyon,
      object: { type: 'device', id: device.id },
      at: new Date(harness.time.now()).toISOString(),
    });
    expect(reboot?.error).toMatch(/only SIP deskphones/);

    const file = readFileSync(harness.auditLog.path, 'utf8');
    for (const secret of [adminPassword, simulator.credentials.password, simulator.credentials.appSecret]) {
      expect(file).not.toContain(secret);
    }

    expect((await harness.auditLog.list({ result: 'failed' })).map((entry) => entry.action)).toEqual([
      'device.reboot',
    ]);
    expect((await harness.auditLog.list({ action: 'debug.grant' })).length).toBe(1);
    expect((await harness.auditLog.list({ text: '0F:00:01' })).map((entry) => entry.action)).toEqual([
      'device.register',
    ]);
    const today = new Date(harness.time.now()).toISOString().slice(0, 10);
    expect(await harness.auditLog.list({ to: '2000-01-01' })).toEqual([]);
    expect((await harness.auditLog.list({ from: today, to: today })).length).toBe(4);

    const exported = auditExport(await harness.auditLog.list(), harness.time.now());
    expect(exported.count).toBe(4);
    expect(exported.fileName).toBe(`fieldkit-activity-${today}.csv`);
    const lines = exported.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,user,profile,source,cloudpbx,action,object,object id,result,error,details');
    expect(lines).toHaveLength(5);
    expect(exported.csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"") (48:7A:55:0F:00:01)"`);
    expect(exported.csv).not.toContain(adminPassword);
  });
});
