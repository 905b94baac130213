import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registration } from '../../../src-main/services/rainbow/types';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { RVCP_BASE, apiCaller, signIn } from './http-helpers';
import { FakeClock } from '../../support/fake-clock';

const { lyon, grenoble } = DEMO_SYSTEM_IDS;
const LYON = `${RVCP_BASE}/cloudpbxs/${lyon}`;
const START = Date.UTC(2025, 5, 2, 8, 0, 0);
const DELAY = 3000;
const MINUTE = 60_000;

describe('simulator SIP registrations of the simulated phones', () => {
  let simulator: RunningSimulator;
  let call: ReturnType<typeof apiCaller>;
  let clock: FakeClock;

  const device = (description: string) => {
    const found = simulator.tenant.listDevices(lyon).find((d) => d.description === description);
    if (found === undefined) throw new Error(`seed has no ${description}`);
    return found;
  };
  const subscriberId = (shortNumber: string): string =>
    simulator.tenant.listSubscribers(lyon).find((s) => s.shortNumber === shortNumber)?.id ?? '';
  const registrations = async (deviceId: string): Promise<Registration[]> => {
    const answer = await call<{ data: Registration[] }>('GET', `${LYON}/devices/${deviceId}/registrations`);
    expect(answer.status).toBe(200);
    return answer.body.data;
  };
  const isRegistered = async (deviceId: string): Promise<boolean> =>
    (await registrations(deviceId)).length > 0;

  beforeEach(async () => {
    clock = new FakeClock(START);
    simulator = await startSimulator({
      now: clock.now,
      registrationDelayMs: DELAY,
      tokenLifetimeSeconds: 86_400,
    });
    call = apiCaller(simulator, await signIn(simulator));
  });
  afterEach(async () => {
    await simulator.close();
  });

  it('shows a seeded deskphone registered from the start, in the reference shape', async () => {
    const reception = device('Reception desk');
    const [registration, ...others] = await registrations(reception.id);
    const phone = simulator.tenant.simulatedPhones(lyon).find((p) => p.deviceId === reception.id);

    expect(others).toEqual([]);
    expect(Object.keys(registration ?? {})).toEqual([
      'id',
      'fullSipURI',
      'expirationDate',
      'vendor',
      'softwareVersion',
      'macAddress',
      'user_agent',
      'publicSourceRegistration',
      'deviceId',
    ]);
    expect(registration).toMatchObject({
      id: expect.stringMatching(/^uloc-[0-9a-f]+-[0-9a-f]{6}-\d$/),
      fullSipURI: expect.stringMatching(/^sip:81001@198\.18\.\d+\.\d+:\d+;transport=tls$/),
      expirationDate: '2025-06-02 09:00:00',
      vendor: 'ALE',
      softwareVersion: '5.1.1.9',
      macAddress: '487A550A1B01',
      user_agent: 'ALE 8078s-CE 5.1.1.9 487a550a1b01',
      publicSourceRegistration: expect.stringMatching(/^sip:203\.0\.113\.\d+:\d+;transport=tls$/),
      deviceId: reception.id,
    });
    expect(registration?.fullSipURI).toContain(`@${phone?.ip ?? '?'}:`);
    expect(phone).toMatchObject({ mac: '487a550a1b01', model: '8078s', online: true, registered: true });
  });

  it('shows a DECT handset registered through its base, in the reference IPDECT shape', async () => {
    const [registration] = await registrations(device('DECT - Maintenance').id);
    const base = simulator.tenant.simulatedPhones(lyon).find((p) => p.kind === 'dect-base');

    expect(registration).toMatchObject({
      fullSipURI: expect.stringMatching(/^sip:81012@198\.18\.\d+\.\d+:\d+;transport=tls$/),
      vendor: 'ALE',
      softwareVersion: '9901.0004',
      macAddress: '00087B1F5759',
      ipei: '03807e7898',
      dectVersion: '0690_0005',
      user_agent: 'IPDECT-V2/99.01.0004 (MAC=00087B1F5759; SER= 00000; HW=8);IPEI=03:80:7e:78:98;v0690_b0005',
    });
    expect(registration?.fullSipURI).toContain(`@${base?.ip ?? '?'}:`);
  });

  it('registers an assigned device after the delay, and drops it when unassigned', async () => {
    const spare = device('Spare stock - box 3');
    const subscriber = subscriberId('81030');
    expect(await registrations(spare.id)).toEqual([]);

    await call('POST', `${LYON}/subscribers/${subscriber}/devices`, { deviceId: spare.id });
    await clock.advance(DELAY - 1);
    const justBefore = await isRegistered(spare.id);
    await clock.advance(1);
    const [registration] = await registrations(spare.id);
    const viaSubscriber = await call<{ data: Registration[] }>(
      'GET',
      `${LYON}/subscribers/${subscriber}/registrations`,
    );
    await call('DELETE', `${LYON}/subscribers/${subscriber}/devices/${spare.id}`);
    const afterUnassign = await isRegistered(spare.id);

    expect(justBefore).toBe(false);
    expect(registration?.fullSipURI).toMatch(/^sip:81030@/);
    expect(viaSubscriber.body.data).toEqual([registration]);
    expect(afterUnassign).toBe(false);
  });

  it('uses the subscriber SIP login in the URI when one was given', async () => {
    const created = await call<{ data: { id: string } }>('POST', `${LYON}/subscribers`, {
      userId: simulator.tenant.findUserByLogin('lou.benoit@demo.fieldkit.invalid')?.id,
      shortNumber: '81070',
      login: 'lou-desk',
    });
    await call('POST', `${LYON}/subscribers/${created.body.data.id}/devices`, {
      deviceId: device('Spare stock - box 3').id,
    });
    await clock.advance(DELAY);

    expect((await registrations(device('Spare stock - box 3').id))[0]?.fullSipURI).toMatch(/^sip:lou-desk@/);
  });

  it('drops the registration on reboot and brings it back after the delay', async () => {
    const office = device('Office 2.14');
    await call('POST', `${LYON}/devices/${office.id}/reboot`);
    const rebooting = await isRegistered(office.id);
    await clock.advance(DELAY);

    expect(rebooting).toBe(false);
    expect(await isRegistered(office.id)).toBe(true);
  });

  it('removes the registration on factory reset until the phone is re-provisioned', async () => {
    const office = device('Office 2.15');
    await call('POST', `${LYON}/devices/${office.id}/reset`);
    await clock.advance(30 * MINUTE);
    const longAfter = await isRegistered(office.id);
    await call('POST', `${LYON}/devices/${office.id}/reboot`);
    await clock.advance(DELAY);
    const afterReboot = await isRegistered(office.id);
    simulator.tenant.reprovisionPhone(office.macAddress ?? '');
    const rightAfterReprovision = await isRegistered(office.id);
    await clock.advance(DELAY);

    expect(longAfter).toBe(false);
    expect(afterReboot).toBe(false);
    expect(rightAfterReprovision).toBe(false);
    expect(await isRegistered(office.id)).toBe(true);
  });

  it('swaps to a new phone: the old registration goes, the new phone registers after the delay', async () => {
    const sales = device('Sales desk');
    const [before] = await registrations(sales.id);
    await call('PUT', `${LYON}/devices/${sales.id}`, { macAddress: '487a550a1c01' });
    const duringSwap = await isRegistered(sales.id);
    await clock.advance(DELAY);
    const [after] = await registrations(sales.id);

    expect(before?.macAddress).toBe('3C28A6110208');
    expect(duringSwap).toBe(false);
    expect(after).toMatchObject({ macAddress: '487A550A1C01', deviceId: sales.id });
    expect(after?.fullSipURI).toMatch(/^sip:81008@/);
    expect(after?.fullSipURI).not.toBe(before?.fullSipURI);
  });

  it('swaps to a phone that is offline: it never registers until it comes online', async () => {
    const sales = device('Sales desk');
    simulator.tenant.setPhoneOnline('48:7a:55:0a:1c:99', false);
    await call('PUT', `${LYON}/devices/${sales.id}`, { macAddress: '487a550a1c99' });
    await clock.advance(30 * MINUTE);
    const stillWaiting = await isRegistered(sales.id);
    simulator.tenant.setPhoneOnline('487a550a1c99', true);
    await clock.advance(DELAY - 1);
    const booting = await isRegistered(sales.id);
    await clock.advance(1);

    expect(stillWaiting).toBe(false);
    expect(booting).toBe(false);
    expect(await isRegistered(sales.id)).toBe(true);
  });

  it('loses the registration when the phone is unplugged', async () => {
    const reception = device('Reception desk');
    simulator.tenant.setPhoneOnline('487a550a1b01', false);

    expect(await isRegistered(reception.id)).toBe(false);
    expect(simulator.tenant.simulatedPhones(lyon).find((p) => p.deviceId === reception.id)).toMatchObject({
      online: false,
      registered: false,
    });
  });

  it('lists the phones of a site, provisioned or not, each with its own address', () => {
    const phones = simulator.tenant.simulatedPhones(lyon);
    const spare = phones.filter((p) => p.deviceId === undefined);
    const withMac = phones.filter((p) => p.mac !== undefined);

    expect(phones.filter((p) => p.deviceId !== undefined)).toHaveLength(19);
    expect(spare.map((p) => [p.mac, p.kind, p.registered])).toEqual([
      ['00087b1f5759', 'dect-base', false],
      ['487a550a1c01', 'deskphone', false],
      ['487a550a1c02', 'deskphone', false],
      ['3c28a6110301', 'deskphone', false],
      ['3c28a6110302', 'deskphone', false],
    ]);
    expect(phones.every((p) => /^198\.1[89]\.\d+\.\d+$/.test(p.ip))).toBe(true);
    expect(new Set(withMac.map((p) => p.ip)).size).toBe(withMac.length);
    expect(simulator.tenant.simulatedPhones(grenoble).filter((p) => p.deviceId === undefined)).toHaveLength(
      1,
    );
  });
});
