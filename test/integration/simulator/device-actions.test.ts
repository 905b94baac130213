import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiItem, Device } from '../../../src-main/services/rainbow/types';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import {
  AUTH_BASE,
  RVCP_BASE,
  apiCaller,
  expectErrorBody,
  getJson,
  signIn,
  signInHeaders,
} from './http-helpers';
import { FakeClock } from '../../support/fake-clock';

const { lyon } = DEMO_SYSTEM_IDS;
const DEVICES = `${RVCP_BASE}/cloudpbxs/${lyon}/devices`;
const START = Date.UTC(2025, 5, 2, 8, 0, 0);
const MINUTE = 60_000;

describe('simulator device actions: reboot, reset, debug sessions, expansion modules', () => {
  let simulator: RunningSimulator;
  let call: ReturnType<typeof apiCaller>;
  let clock: FakeClock;

  const deviceId = (description: string): string => {
    const device = simulator.tenant.listDevices(lyon).find((d) => d.description === description);
    if (device === undefined) throw new Error(`seed has no ${description}`);
    return device.id;
  };
  const getDevice = async (id: string) => (await call<ApiItem<Device>>('GET', `${DEVICES}/${id}`)).body.data;

  beforeEach(async () => {
    clock = new FakeClock(START);
    simulator = await startSimulator({ now: clock.now, registrationDelayMs: 0 });
    call = apiCaller(simulator, await signIn(simulator));
  });
  afterEach(async () => {
    await simulator.close();
  });

  it('reboots and resets a deskphone with the documented status sentences', async () => {
    const id = deviceId('Office 2.15');
    const reboot = await call('POST', `${DEVICES}/${id}/reboot`, {});
    const reset = await call('POST', `${DEVICES}/${id}/reset`, {});

    expect(reboot.status).toBe(200);
    expect(reboot.body).toEqual({ status: `Rebooting device ${id}`, data: [] });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ status: `Resetting device ${id}`, data: [] });
  });

  it('refuses to reboot a DECT handset and answers 404 for an unknown device', async () => {
    const handset = await call('POST', `${DEVICES}/${deviceId('DECT - Security')}/reboot`, {});
    const missing = await call('POST', `${DEVICES}/000000000000000000000000/reset`, {});

    expectErrorBody(handset, 400, 400000, /only SIP deskphones/);
    expectErrorBody(missing, 404, 404300);
  });

  describe('debug sessions', () => {
    it('shows adminUrl and adminPassword while granted, and changes the password on revoke', async () => {
      const id = deviceId('Reception desk');
      expect(await getDevice(id)).not.toHaveProperty('adminPassword');

      const grant = await call('POST', `${DEVICES}/${id}/debug`, {});
      const during = await getDevice(id);
      const phone = simulator.tenant.simulatedPhones(lyon).find((p) => p.deviceId === id);
      const revoke = await call('DELETE', `${DEVICES}/${id}/debug`);
      const after = await getDevice(id);
      await call('POST', `${DEVICES}/${id}/debug`, {});
      const next = await getDevice(id);

      expect(grant.body).toEqual({ status: 'Debug session successfully granted', data: [] });
      expect(during.adminUrl).toBe(`https://${phone?.ip ?? '?'}:443`);
      expect(during.adminUrl).toMatch(/^https:\/\/198\.1[89]\.\d+\.\d+:443$/);
      expect(during.adminPassword).toMatch(/^\S{12,}$/);
      expect(revoke.body).toEqual({ status: 'Debug session successfully revoked', data: [] });
      expect(after).not.toHaveProperty('adminUrl');
      expect(after).not.toHaveProperty('adminPassword');
      expect(next.adminPassword).toMatch(/^\S{12,}$/);
      expect(next.adminPassword).not.toBe(during.adminPassword);
    });

    it('does not show the debug fields in the device list', async () => {
      const id = deviceId('Reception desk');
      await call('POST', `${DEVICES}/${id}/debug`, {});
      const list = await call<{ data: Device[] }>('GET', `${DEVICES}?macAddress=487a550a1b01`);

      expect(list.body.data[0]?.id).toBe(id);
      expect(list.body.data[0]).not.toHaveProperty('adminPassword');
    });

    it('expires after the default 30 minutes, and the next session has a new password', async () => {
      const id = deviceId('Office 2.14');
      await call('POST', `${DEVICES}/${id}/debug`);
      const first = await getDevice(id);

      await clock.advance(29 * MINUTE);
      const stillOpen = await getDevice(id);
      await clock.advance(1 * MINUTE);
      const expired = await getDevice(id);
      await call('POST', `${DEVICES}/${id}/debug`);
      const second = await getDevice(id);

      expect(stillOpen.adminPassword).toBe(first.adminPassword);
      expect(expired).not.toHaveProperty('adminPassword');
      expect(expired).not.toHaveProperty('adminUrl');
      expect(second.adminPassword).not.toBe(first.adminPassword);
    });

    it('refuses a duration from a company admin with the reference’s rule, but not the default one', async () => {
      const id = deviceId('Break room');
      const chosen = await call('POST', `${DEVICES}/${id}/debug`, { duration: '120' });
      const asDefault = await call('POST', `${DEVICES}/${id}/debug`, { duration: '1800' });

      expectErrorBody(chosen, 403, 403300, /Only superadmin can set a debug duration/);
      expect(asDefault.status).toBe(200);
    });

    it('honours a superadmin’s duration given in seconds as a string, and refuses a bad one', async () => {
      const id = deviceId('Break room');
      const superadmin = { login: 'root@fieldkit.invalid', password: 'Sup3r-admin!' };
      simulator.tenant.addUser({
        companyId: simulator.tenant.company.id,
        loginEmail: superadmin.login,
        firstName: 'Super',
        lastName: 'Admin',
        displayName: 'Super Admin',
        roles: ['user', 'superadmin'],
        adminType: 'superadmin',
        password: superadmin.password,
      });
      const signedIn = await getJson<{ token: string }>(simulator, `${AUTH_BASE}/login`, {
        headers: signInHeaders({ ...simulator.credentials, ...superadmin }),
      });
      call = apiCaller(simulator, signedIn.body.token);
      await call('POST', `${DEVICES}/${id}/debug`, { duration: '120' });
      await clock.advance(119_000);
      const open = await getDevice(id);
      await clock.advance(1000);
      const closed = await getDevice(id);
      const bad = await call('POST', `${DEVICES}/${id}/debug`, { duration: 'soon' });

      expect(open.adminPassword).toBeDefined();
      expect(closed.adminPassword).toBeUndefined();
      expectErrorBody(bad, 400, 400000, /duration/);
    });
  });

  describe('expansion modules', () => {
    const MODULES = (id: string) => `${DEVICES}/${id}/modules`;

    it('adds a module to a model that supports it and answers the device', async () => {
      const id = deviceId('Director office');
      const answer = await call<ApiItem<Device>>('POST', MODULES(id), {
        moduleId: 2,
        type: 'EM_200',
        name: 'Board',
      });

      expect(answer.status).toBe(200);
      expect(answer.body.data).toMatchObject({
        id,
        modules: [{ moduleId: 2, type: 'EM_200', name: 'Board' }],
      });
    });

    it('refuses an unsupported model, a taken position and a bad body', async () => {
      const unsupported = await call('POST', MODULES(deviceId('IT helpdesk')), {
        moduleId: 1,
        type: 'EM_20',
      });
      const taken = await call('POST', MODULES(deviceId('Sales desk')), { moduleId: 1, type: 'EM_200' });
      const position = await call('POST', MODULES(deviceId('Sales desk')), { moduleId: 4, type: 'EM_20' });
      const type = await call('POST', MODULES(deviceId('Sales desk')), { moduleId: 2, type: 'EM_2000' });

      expectErrorBody(unsupported, 400, 400000, /M3 model does not support EM_20/);
      expectErrorBody(taken, 409, 409310, /position 1/);
      expectErrorBody(position, 400, 400000, /moduleId/);
      expectErrorBody(type, 400, 400000, /type/);
    });

    it('removes a module, then answers 404 for it', async () => {
      const id = deviceId('Sales desk');
      const removed = await call('DELETE', `${MODULES(id)}/1`);
      const again = await call('DELETE', `${MODULES(id)}/1`);

      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ data: [] });
      expect(simulator.tenant.findDevice(lyon, id)?.modules).toEqual([]);
      expectErrorBody(again, 404, 404310, /no expansion module 1/);
    });
  });
});
