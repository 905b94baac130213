import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiItem, ApiList, Device } from '../../../src-main/services/rainbow/types';
import {
  DEMO_SYSTEM_IDS,
  DEVICE_MODEL_IDS,
  startSimulator,
  type RunningSimulator,
} from '../../../src-main/simulator';
import { ADMIN_BASE, RVCP_BASE, apiCaller, expectErrorBody, signIn } from './http-helpers';

const { lyon, grenoble } = DEMO_SYSTEM_IDS;
const LYON = `${RVCP_BASE}/cloudpbxs/${lyon}`;

interface Subscriber {
  id: string;
  shortNumber: string;
  userId: string;
  password: string;
  deviceName: string;
  systemId: string;
}

interface User {
  id: string;
  loginEmail: string;
  displayName: string;
  phoneNumbers: { phoneNumberId: string; shortNumber: string; systemId: string }[];
}

describe('simulator subscribers and their devices', () => {
  let simulator: RunningSimulator;
  let call: ReturnType<typeof apiCaller>;

  const userId = (loginPrefix: string): string => {
    const user = simulator.tenant.listUsers().find((u) => u.loginEmail.startsWith(loginPrefix));
    if (user === undefined) throw new Error(`seed has no user ${loginPrefix}`);
    return user.id;
  };
  const subscriberId = (shortNumber: string): string =>
    simulator.tenant.listSubscribers(lyon).find((s) => s.shortNumber === shortNumber)?.id ?? '';
  const deviceId = (description: string): string =>
    simulator.tenant.listDevices(lyon).find((d) => d.description === description)?.id ?? '';

  beforeEach(async () => {
    simulator = await startSimulator({ registrationDelayMs: 0 });
    call = apiCaller(simulator, await signIn(simulator));
  });
  afterEach(async () => {
    await simulator.close();
  });

  describe('admin users', () => {
    it('lists the company users, paged, including new hires without a subscriber', async () => {
      const page = await call<ApiList<User>>('GET', `${ADMIN_BASE}/users?limit=10&offset=0&format=full`);
      const newHire = await call<ApiList<User>>('GET', `${ADMIN_BASE}/users?searchEmail=NORA.lem`);
      const staff = await call<ApiList<User>>('GET', `${ADMIN_BASE}/users?searchEmail=camille.martin`);

      expect(page.body).toMatchObject({ limit: 10, offset: 0, total: 1 + 42 + 8 + 5 });
      expect(page.body.data).toHaveLength(10);
      expect(newHire.body.total).toBe(1);
      expect(newHire.body.data[0]).toMatchObject({ displayName: 'Nora Lemoine', phoneNumbers: [] });
      expect(staff.body.data[0]?.phoneNumbers).toEqual([
        expect.objectContaining({
          shortNumber: '81001',
          systemId: lyon,
          phoneNumberId: subscriberId('81001'),
        }),
      ]);
    });

    it('filters by company and refuses a bad format', async () => {
      const other = await call<ApiList<User>>(
        'GET',
        `${ADMIN_BASE}/users?companyId=000000000000000000000000`,
      );
      const bad = await call('GET', `${ADMIN_BASE}/users?format=huge`);

      expect(other.body).toMatchObject({ data: [], total: 0 });
      expectErrorBody(bad, 400, 400000, /format/);
    });
  });

  describe('create, get, delete', () => {
    it('creates a subscriber for a user without one, then serves and lists it', async () => {
      const created = await call<ApiItem<Subscriber>>('POST', `${LYON}/subscribers`, {
        userId: userId('nora.lemoine'),
        shortNumber: '81050',
      });
      const id = created.body.data.id;
      const fetched = await call<ApiItem<Subscriber>>('GET', `${LYON}/subscribers/${id}`);
      const listed = await call<ApiList<{ id: string }>>(
        'GET',
        `${ADMIN_BASE}/systems/${lyon}/phone-numbers?shortNumber=81050`,
      );

      expect(created.status).toBe(200);
      expect(created.body.data).toMatchObject({
        shortNumber: '81050',
        internalNumber: '81050',
        pbxUserId: '81050',
        userId: userId('nora.lemoine'),
        systemId: lyon,
        deviceName: 'RVCP Subscriber',
        type: 'work',
        deviceType: 'landline',
        status: 'activated',
      });
      expect(created.body.data.password).toMatch(/^[0-9a-z]{8}$/);
      expect(fetched.body.data).toEqual(created.body.data);
      expect(listed.body.data.map((p) => p.id)).toEqual([id]);
    });

    it('keeps a given SIP password', async () => {
      const created = await call<ApiItem<Subscriber>>('POST', `${LYON}/subscribers`, {
        userId: userId('yanis.carpentier'),
        shortNumber: '81051',
        login: 'yanis-sip',
        password: 'S1pS3cret',
      });
      expect(created.body.data.password).toBe('S1pS3cret');
    });

    it('refuses a used number, a number outside the plan, a user who has one, an unknown user', async () => {
      const used = await call('POST', `${LYON}/subscribers`, {
        userId: userId('nora'),
        shortNumber: '81001',
      });
      const outside = await call('POST', `${LYON}/subscribers`, {
        userId: userId('nora'),
        shortNumber: '72050',
      });
      const short = await call('POST', `${LYON}/subscribers`, {
        userId: userId('nora'),
        shortNumber: '8105',
      });
      const held = await call('POST', `${LYON}/subscribers`, {
        userId: userId('camille.martin'),
        shortNumber: '81052',
      });
      const unknown = await call('POST', `${LYON}/subscribers`, {
        userId: '000000000000000000000000',
        shortNumber: '81053',
      });
      const missing = await call('POST', `${LYON}/subscribers`, { shortNumber: '81054' });

      expectErrorBody(used, 409, 409400, /81001 is already used/);
      expectErrorBody(outside, 400, 400000, /outside the numbering plan/);
      expectErrorBody(short, 400, 400000, /outside the numbering plan/);
      expectErrorBody(held, 409, 409401, /already has subscriber 81001/);
      expectErrorBody(unknown, 404, 404100);
      expectErrorBody(missing, 400, 400000, /userId/);
    });

    it('lets a user hold a subscriber on another CloudPBX', async () => {
      const created = await call('POST', `${RVCP_BASE}/cloudpbxs/${grenoble}/subscribers`, {
        userId: userId('camille.martin'),
        shortNumber: '72050',
      });
      expect(created.status).toBe(200);
    });

    it('deletes a subscriber and frees its devices', async () => {
      const id = subscriberId('81001');
      const device = deviceId('Reception desk');
      const deleted = await call('DELETE', `${LYON}/subscribers/${id}`);
      const gone = await call('GET', `${LYON}/subscribers/${id}`);

      expect(deleted.body).toEqual({ status: `Cloud PBX Subscriber ${id} successfully deleted`, data: [] });
      expectErrorBody(gone, 404, 404400);
      expect(simulator.tenant.findDevice(lyon, device)?.phoneNumberId).toBeUndefined();
      expect((await call('DELETE', `${RVCP_BASE}/cloudpbxs/${lyon}/devices/${device}`)).status).toBe(200);
    });
  });

  describe('devices of a subscriber', () => {
    const DEVICES = (phoneNumberId: string) => `${LYON}/subscribers/${phoneNumberId}/devices`;

    it('assigns by device id and by MAC, lists the devices paged, gets and unassigns one', async () => {
      const subscriber = subscriberId('81030');
      const byId = await call<ApiItem<Device>>('POST', DEVICES(subscriber), {
        deviceId: deviceId('Spare stock - box 3'),
      });
      const byMac = await call<ApiItem<Device>>('POST', DEVICES(subscriber), {
        macAddress: '48:7A:55:0A:1B:0C',
      });
      const byIpei = await call<ApiItem<Device>>('POST', DEVICES(subscriber), { macAddress: '0328D1F0A4' });
      const first = await call<ApiList<Device>>(
        'GET',
        `${DEVICES(subscriber)}?limit=2&sortField=description`,
      );
      const second = await call<ApiList<Device>>(
        'GET',
        `${DEVICES(subscriber)}?limit=2&offset=2&sortField=description`,
      );
      const one = await call<ApiItem<Device>>('GET', `${DEVICES(subscriber)}/${byMac.body.data.id}`);
      const unassigned = await call('DELETE', `${DEVICES(subscriber)}/${byMac.body.data.id}`);
      const after = await call<ApiList<Device>>('GET', DEVICES(subscriber));

      expect(byId.body.data).toMatchObject({
        shortNumber: '81030',
        currentDevice: true,
        phoneNumberId: subscriber,
      });
      expect(byMac.body.data).toMatchObject({ description: 'Meeting room Confluence', shortNumber: '81030' });
      expect(byIpei.body.data).toMatchObject({ ipei: '0328d1f0a4', shortNumber: '81030' });
      expect(first.body).toMatchObject({ limit: 2, offset: 0, total: 3 });
      expect(first.body.data.map((d) => d.description)).toEqual([
        'Meeting room Confluence',
        'Spare DECT handset',
      ]);
      expect(second.body.data.map((d) => d.description)).toEqual(['Spare stock - box 3']);
      expect(one.body.data).toMatchObject({ id: byMac.body.data.id, currentDevice: true });
      expect(unassigned.body).toEqual({
        status: `SIP device association for ${byMac.body.data.id} successfully deleted`,
        data: [],
      });
      expect(after.body.total).toBe(2);
    });

    it('refuses to assign an assigned device, even to its own subscriber', async () => {
      const toOther = await call('POST', DEVICES(subscriberId('81030')), {
        deviceId: deviceId('Reception desk'),
      });
      const toSame = await call('POST', DEVICES(subscriberId('81001')), { macAddress: '487a550a1b01' });

      expectErrorBody(toOther, 409, 409302, /already assigned/);
      expectErrorBody(toSame, 409, 409302, /already assigned/);
      expect(simulator.tenant.findDevice(lyon, deviceId('Reception desk'))?.phoneNumberId).toBe(
        subscriberId('81001'),
      );
    });

    it('answers 404 for unknown devices and devices of another subscriber, 400 without an identifier', async () => {
      const unknown = await call('POST', DEVICES(subscriberId('81030')), { macAddress: '487a55ffffff' });
      const notHers = await call('GET', `${DEVICES(subscriberId('81030'))}/${deviceId('Reception desk')}`);
      const unassignNotHers = await call(
        'DELETE',
        `${DEVICES(subscriberId('81030'))}/${deviceId('Reception desk')}`,
      );
      const empty = await call('POST', DEVICES(subscriberId('81030')), {});
      const unknownSubscriber = await call('GET', DEVICES('000000000000000000000000'));

      expectErrorBody(unknown, 404, 404300);
      expectErrorBody(notHers, 404, 404300, /not assigned/);
      expectErrorBody(unassignNotHers, 404, 404300);
      expectErrorBody(empty, 400, 400000, /deviceId/);
      expectErrorBody(unknownSubscriber, 404, 404400);
    });

    it('lets a new device be created then assigned in two calls', async () => {
      const created = await call<ApiItem<Device>>('POST', `${LYON}/devices`, {
        description: 'New hire desk',
        deviceTypeId: DEVICE_MODEL_IDS.myriadM7,
        macAddress: '487a550a1c02',
      });
      const subscriber = await call<ApiItem<Subscriber>>('POST', `${LYON}/subscribers`, {
        userId: userId('agathe.marchal'),
        shortNumber: '81060',
      });
      const assigned = await call<ApiItem<Device>>('POST', DEVICES(subscriber.body.data.id), {
        deviceId: created.body.data.id,
      });

      expect(assigned.body.data).toMatchObject({
        shortNumber: '81060',
        userDisplayName: 'Agathe Marchal',
        currentDevice: true,
      });
    });
  });
});
