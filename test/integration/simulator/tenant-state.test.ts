import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiItem, ApiList, Device } from '../../../src-main/services/rainbow/types';
import {
  DEMO_SYSTEM_IDS,
  DEVICE_MODEL_IDS,
  TenantError,
  startSimulator,
  type RunningSimulator,
} from '../../../src-main/simulator';
import { RVCP_BASE, getJson, signIn } from './http-helpers';

const LYON_DEVICES = `${RVCP_BASE}/cloudpbxs/${DEMO_SYSTEM_IDS.lyon}/devices`;

describe('simulator tenant state seen through the API', () => {
  let simulator: RunningSimulator;
  let token: string;

  beforeEach(async () => {
    simulator = await startSimulator();
    token = await signIn(simulator);
  });
  afterEach(async () => {
    await simulator.close();
  });

  it('serves a device a test adds, then assigns, through the tenant', async () => {
    const { tenant } = simulator;
    const added = tenant.addDevice({
      systemId: DEMO_SYSTEM_IDS.lyon,
      deviceTypeId: DEVICE_MODEL_IDS.ale8058s,
      macAddress: '487a55ffee01',
      description: 'Added by a test',
    });
    const subscriber = tenant.listSubscribers(DEMO_SYSTEM_IDS.lyon).find((s) => s.shortNumber === '81020');
    tenant.assignDevice(DEMO_SYSTEM_IDS.lyon, added.id, subscriber?.id ?? '');

    const listed = await getJson<ApiList<Device>>(simulator, `${LYON_DEVICES}?macAddress=487a55ffee01`, {
      token,
    });
    const single = await getJson<ApiItem<Device>>(simulator, `${LYON_DEVICES}/${added.id}`, { token });

    expect(listed.body.total).toBe(1);
    expect(single.body.data).toMatchObject({
      id: added.id,
      description: 'Added by a test',
      deviceType: { id: DEVICE_MODEL_IDS.ale8058s, model: '8058s' },
      shortNumber: '81020',
      userDisplayName: 'Théo Fournier',
      currentDevice: true,
      mediaTransportProtocol: 'rtp_savp',
    });
  });

  it('keeps its state private: changing a returned record changes nothing', async () => {
    const [device] = simulator.tenant.listDevices(DEMO_SYSTEM_IDS.lyon);
    if (device === undefined) throw new Error('seed has no device');
    device.description = 'mutated outside';

    const answer = await getJson<ApiItem<Device>>(simulator, `${LYON_DEVICES}/${device.id}`, { token });
    expect(answer.body.data.description).not.toBe('mutated outside');
  });

  it('refuses to remove an assigned device and to reuse a MAC', () => {
    const { tenant } = simulator;
    const assigned = tenant
      .listDevices(DEMO_SYSTEM_IDS.lyon)
      .find((device) => device.phoneNumberId !== undefined);

    expect(() => tenant.removeDevice(DEMO_SYSTEM_IDS.lyon, assigned?.id ?? '')).toThrow(TenantError);
    expect(() =>
      tenant.addDevice({
        systemId: DEMO_SYSTEM_IDS.grenoble,
        deviceTypeId: DEVICE_MODEL_IDS.ale8008,
        macAddress: assigned?.macAddress,
        description: 'duplicate',
      }),
    ).toThrow(/already used/);
  });
});
