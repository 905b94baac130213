import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiItem, Device } from '../../../src-main/services/rainbow/types';
import {
  DEMO_SYSTEM_IDS,
  DEVICE_MODEL_IDS,
  startSimulator,
  type RunningSimulator,
} from '../../../src-main/simulator';
import { RVCP_BASE, apiCaller, expectErrorBody, signIn } from './http-helpers';

const { lyon } = DEMO_SYSTEM_IDS;
const DEVICES = `${RVCP_BASE}/cloudpbxs/${lyon}/devices`;

describe('simulator device creation, update and deletion', () => {
  let simulator: RunningSimulator;
  let call: ReturnType<typeof apiCaller>;

  const seeded = (description: string) => {
    const device = simulator.tenant.listDevices(lyon).find((d) => d.description === description);
    if (device === undefined) throw new Error(`seed has no ${description}`);
    return device;
  };

  beforeEach(async () => {
    simulator = await startSimulator({ registrationDelayMs: 0 });
    call = apiCaller(simulator, await signIn(simulator));
  });
  afterEach(async () => {
    await simulator.close();
  });

  describe('POST devices', () => {
    it('creates a deskphone, storing its MAC as 12 lowercase hex digits', async () => {
      const answer = await call<ApiItem<Device>>('POST', DEVICES, {
        description: 'Desk 7',
        deviceTypeId: DEVICE_MODEL_IDS.myriadM5,
        macAddress: '48:7A:55:0A:1C:01',
        transferMode: 'same_as_company',
      });

      expect(answer.status).toBe(200);
      expect(answer.body.data).toMatchObject({
        description: 'Desk 7',
        macAddress: '487a550a1c01',
        deviceType: { id: DEVICE_MODEL_IDS.myriadM5, vendor: 'ALE', model: 'M5' },
        mediaTransportProtocol: 'rtp_savp',
        transferMode: 'same_as_company',
        modules: [],
        currentDevice: false,
      });
      expect(simulator.tenant.findDevice(lyon, answer.body.data.id)?.macAddress).toBe('487a550a1c01');
    });

    it('creates a DECT handset with its IPEI', async () => {
      const answer = await call<ApiItem<Device>>('POST', DEVICES, {
        description: 'DECT - Kitchen',
        deviceTypeId: DEVICE_MODEL_IDS.dect8214,
        ipei: '0380 7E 7A01',
      });

      expect(answer.status).toBe(200);
      expect(answer.body.data).toMatchObject({ ipei: '03807e7a01', deviceType: { model: '8214DECT' } });
      expect(answer.body.data.macAddress).toBeUndefined();
    });

    it('refuses a MAC already in use with a 409 naming it', async () => {
      const answer = await call('POST', DEVICES, {
        description: 'Duplicate',
        deviceTypeId: DEVICE_MODEL_IDS.ale8028s,
        macAddress: '48-7a-55-0a-1b-01',
      });

      expectErrorBody(answer, 409, 409300, /MAC address 487a550a1b01 is already used/);
    });

    it('refuses an IPEI already in use with a 409 naming it', async () => {
      const answer = await call('POST', DEVICES, {
        description: 'Duplicate handset',
        deviceTypeId: DEVICE_MODEL_IDS.dect8214,
        ipei: '03807E7898',
      });

      expectErrorBody(answer, 409, 409300, /IPEI 03807e7898 is already used/);
    });

    it('refuses an unknown model and identifiers that do not fit the model with a 400', async () => {
      const unknownModel = await call('POST', DEVICES, {
        description: 'x',
        deviceTypeId: 4242,
        macAddress: '487a55ffff01',
      });
      const deskphoneWithoutMac = await call('POST', DEVICES, {
        description: 'x',
        deviceTypeId: DEVICE_MODEL_IDS.ale8018,
      });
      const deskphoneWithIpei = await call('POST', DEVICES, {
        description: 'x',
        deviceTypeId: DEVICE_MODEL_IDS.ale8018,
        macAddress: '487a55ffff02',
        ipei: '03807e7a02',
      });
      const handsetWithMac = await call('POST', DEVICES, {
        description: 'x',
        deviceTypeId: DEVICE_MODEL_IDS.dect8214,
        macAddress: '487a55ffff03',
      });
      const badMac = await call('POST', DEVICES, {
        description: 'x',
        deviceTypeId: DEVICE_MODEL_IDS.ale8018,
        macAddress: '487a55ffff',
      });
      const noDescription = await call('POST', DEVICES, {
        deviceTypeId: DEVICE_MODEL_IDS.ale8018,
        macAddress: '487a55ffff04',
      });

      expectErrorBody(unknownModel, 400, 400000, /Unknown deviceTypeId 4242/);
      expectErrorBody(deskphoneWithoutMac, 400, 400000, /needs a MAC address/);
      expectErrorBody(deskphoneWithIpei, 400, 400000, /not by an IPEI/);
      expectErrorBody(handsetWithMac, 400, 400000, /not by a MAC address/);
      expectErrorBody(badMac, 400, 400000, /macAddress/);
      expectErrorBody(noDescription, 400, 400000, /description/);
    });

    it('lets a Generic SIP device have no MAC', async () => {
      const answer = await call<ApiItem<Device>>('POST', DEVICES, {
        description: 'Softphone',
        deviceTypeId: DEVICE_MODEL_IDS.genericSip,
        password: 'sip-secret',
      });
      expect(answer.status).toBe(200);
      expect(answer.body.data.deviceType.model).toBe('Generic SIP');
    });
  });

  describe('PUT devices/:deviceId', () => {
    it('changes the description, media protocol, transfer and failover modes', async () => {
      const device = seeded('Meeting room Confluence');
      const answer = await call<ApiItem<Device & { deskphoneFailoverMode?: string }>>(
        'PUT',
        `${DEVICES}/${device.id}`,
        {
          description: 'Meeting room Rhône',
          mediaTransportProtocol: 'rtp_avp',
          transferMode: 'blind_transfer',
          deskphoneFailoverMode: 'disabled',
        },
      );

      expect(answer.status).toBe(200);
      expect(answer.body.data).toMatchObject({
        id: device.id,
        description: 'Meeting room Rhône',
        macAddress: device.macAddress,
        mediaTransportProtocol: 'rtp_avp',
        transferMode: 'blind_transfer',
        deskphoneFailoverMode: 'disabled',
      });
    });

    it('swaps the MAC: same id, subscriber and modules, new MAC', async () => {
      const device = seeded('Sales desk');
      const answer = await call<ApiItem<Device>>('PUT', `${DEVICES}/${device.id}`, {
        macAddress: '48:7a:55:0a:1c:01',
      });

      expect(answer.status).toBe(200);
      expect(answer.body.data).toMatchObject({
        id: device.id,
        macAddress: '487a550a1c01',
        phoneNumberId: device.phoneNumberId,
        shortNumber: '81008',
        modules: [{ moduleId: 1, type: 'EM_20', name: 'Sales team' }],
      });
      const reused = await call<ApiItem<Device>>('POST', DEVICES, {
        description: 'The old Sales desk phone, reused',
        deviceTypeId: DEVICE_MODEL_IDS.myriadM5,
        macAddress: device.macAddress,
      });
      expect(reused.status).toBe(200);
    });

    it('refuses a new MAC that another device uses, and a MAC on a DECT handset', async () => {
      const device = seeded('Office 2.14');
      const taken = await call('PUT', `${DEVICES}/${device.id}`, { macAddress: '487a550a1b01' });
      const handset = seeded('DECT - Security');
      const onHandset = await call('PUT', `${DEVICES}/${handset.id}`, { macAddress: '487a55ffff05' });

      expectErrorBody(taken, 409, 409300, /487a550a1b01/);
      expectErrorBody(onHandset, 400, 400000, /IPEI/);
      expect(simulator.tenant.findDevice(lyon, device.id)?.macAddress).toBe(device.macAddress);
    });

    it('answers 404 for an unknown device and 400 for a bad enum', async () => {
      const missing = await call('PUT', `${DEVICES}/000000000000000000000000`, { description: 'x' });
      const badEnum = await call('PUT', `${DEVICES}/${seeded('Break room').id}`, {
        transferMode: 'teleport',
      });

      expectErrorBody(missing, 404, 404300);
      expectErrorBody(badEnum, 400, 400000, /transferMode/);
    });
  });

  describe('DELETE devices/:deviceId', () => {
    it('refuses to delete an assigned device', async () => {
      const device = seeded('Reception desk');
      const answer = await call('DELETE', `${DEVICES}/${device.id}`);

      expectErrorBody(answer, 409, 409301, /assigned/);
      expect(simulator.tenant.findDevice(lyon, device.id)).toBeDefined();
    });

    it('deletes a free device with the action envelope, then answers 404 for it', async () => {
      const device = seeded('Spare stock - box 3');
      const answer = await call('DELETE', `${DEVICES}/${device.id}`);
      const again = await call('GET', `${DEVICES}/${device.id}`);

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ status: `SIP device ${device.id} successfully deleted`, data: [] });
      expectErrorBody(again, 404, 404300);
    });
  });
});
