import { describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../src-main/services/audit/audit-trail';
import type { SwapClient } from '../../../src-main/services/devices/swap-preflight';
import { SwapService } from '../../../src-main/services/devices/swap-service';
import type { SwapProgress } from '../../../src-main/services/devices/types';
import { FieldkitError } from '../../../src-main/services/errors';
import { silentLogger } from '../../../src-main/services/log/logger';
import { Redactor } from '../../../src-main/services/log/redactor';
import type { Device, DeviceModel, Registration } from '../../../src-main/services/rainbow/types';
import { FakeClock } from '../../support/fake-clock';

const OLD = '487a55000002';
const NEW = '487a55000009';
const m5: DeviceModel = { id: 23, vendor: 'ALE', model: 'M5', category: 'deskphone' };

/** A CloudPBX with one M5; the new phone registers once the clock reaches `registersAt`. */
class FakeCloudPbx implements SwapClient {
  device: Device = {
    id: 'dev1',
    systemId: 'sys1',
    description: 'Reception',
    macAddress: OLD,
    shortNumber: '81002',
    phoneNumberId: 'pn1',
    deviceType: { id: 23, vendor: 'ALE', model: 'M5' },
  };
  registersAt = Number.POSITIVE_INFINITY;
  failUpdate: FieldkitError | undefined;
  applyFailedUpdate = false;
  failGet = false;
  failReboot = false;
  readonly updates: string[] = [];

  constructor(readonly clock: FakeClock) {}

  getDevice = async (): Promise<Device> => {
    if (this.failGet) throw new FieldkitError({ code: 'unreachable', message: 'Cannot reach Rainbow.' });
    return { ...this.device };
  };
  listDevices = async (_systemId: string, query?: { macAddress?: string }): Promise<Device[]> =>
    query?.macAddress === this.device.macAddress ? [{ ...this.device }] : [];
  listDeviceModels = async (): Promise<DeviceModel[]> => [m5];
  updateDevice = async (
    _systemId: string,
    _deviceId: string,
    update: { macAddress?: string },
  ): Promise<Device> => {
    const mac = update.macAddress ?? '';
    this.updates.push(mac);
    if (this.applyFailedUpdate) this.device.macAddress = mac;
    if (this.failUpdate !== undefined) throw this.failUpdate;
    this.device.macAddress = mac;
    return { ...this.device };
  };
  rebootDevice = async (): Promise<{ status?: string }> => {
    if (this.failReboot)
      throw new FieldkitError({ code: 'api-error', message: 'The phone is not reachable.' });
    return { status: 'Rebooting device dev1' };
  };
  listDeviceRegistrations = async (): Promise<Registration[]> =>
    this.clock.now() >= this.registersAt
      ? [
          {
            id: 'r1',
            fullSipURI: 'sip:81002@10.0.0.9',
            expirationDate: '',
            macAddress: this.device.macAddress?.toUpperCase(),
          },
        ]
      : [];
}

function setUp(clock = new FakeClock()) {
  const server = new FakeCloudPbx(clock);
  const events: SwapProgress[] = [];
  const service = new SwapService({
    client: () => server,
    audit: new AuditTrail({
      scope: () => undefined,
      now: () => clock.now(),
      redactor: new Redactor(),
      logger: silentLogger,
    }),
    clock,
    redactor: new Redactor(),
    emit: (progress) => events.push(progress),
    newId: () => 'swap1',
  });
  return { server, events, service, clock };
}

const request = { systemId: 'sys1', deviceId: 'dev1', newIdentifier: '48:7a:55:00:00:09' };

describe('the swap workflow', () => {
  it('succeeds as soon as a registration from the new MAC appears', async () => {
    const { server, service, clock, events } = setUp();
    server.registersAt = clock.now() + 10_000;
    const started = await service.start(request);
    const final = await service.whenSettled(started.swapId);
    expect(final.status).toBe('succeeded');
    expect(server.updates).toEqual([NEW]);
    expect(clock.sleeps).toEqual([2_000, 3_000, 4_500, 6_750]);
    expect(events.at(-1)?.swap).toEqual(final);
  });

  it('times out exactly at the deadline, keeps the new MAC, and rolls back on request', async () => {
    const { server, service, clock } = setUp();
    const startedAt = clock.now();
    const started = await service.start({ ...request, timeoutSeconds: 30 });
    const timedOut = await service.whenSettled(started.swapId);
    expect(timedOut).toMatchObject({ status: 'timed-out', canRollback: true, identifierOnServer: NEW });
    expect(clock.now() - startedAt).toBe(30_000);
    expect(clock.sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(30_000);

    const rolledBack = await service.rollback('swap1');
    expect(rolledBack).toMatchObject({ status: 'rolled-back', identifierOnServer: OLD, canRollback: false });
    expect(server.updates).toEqual([NEW, OLD]);
  });

  it('treats a failed reboot as a warning and carries on', async () => {
    const { server, service, clock } = setUp();
    server.failReboot = true;
    server.registersAt = clock.now();
    const final = await service.whenSettled((await service.start(request)).swapId);
    expect(final.status).toBe('succeeded');
    expect(final.steps.find((step) => step.name === 'reboot')).toMatchObject({
      status: 'warning',
      message: expect.stringContaining('power-cycle'),
    });
  });

  it('after a failed update, reads the device back and says what the server holds', async () => {
    const { server, service } = setUp();
    server.failUpdate = new FieldkitError({ code: 'server-error', message: 'Rainbow answered 503.' });
    server.applyFailedUpdate = true;
    const final = await service.whenSettled((await service.start(request)).swapId);
    expect(final).toMatchObject({ status: 'failed', identifierOnServer: NEW, canRollback: true });
    expect(final.message).toContain('holds 48:7A:55:00:00:09');
    expect(final.steps.map((step) => step.status)).toEqual(['done', 'failed', 'skipped', 'skipped']);
  });

  it('says the state is unknown when the device cannot even be read back', async () => {
    const { server, service } = setUp();
    server.failUpdate = new FieldkitError({ code: 'unreachable', message: 'Cannot reach Rainbow.' });
    const started = await service.start(request);
    server.failGet = true;
    const final = await service.whenSettled(started.swapId);
    expect(final.status).toBe('failed');
    expect(final.identifierOnServer).toBeUndefined();
    expect(final.canRollback).toBe(false);
    expect(final.message).toContain('unknown');
  });

  it('stops waiting when rolled back during the wait', async () => {
    const clock = new FakeClock();
    let release: (() => void) | undefined;
    let waiting: () => void = () => undefined;
    const sleeping = new Promise<void>((resolve) => (waiting = resolve));
    clock.sleep = (ms: number) => {
      clock.sleeps.push(ms);
      waiting();
      return new Promise<void>((resolve) => (release = resolve));
    };
    const { server, service } = setUp(clock);
    await service.start(request);
    await sleeping;
    const rolledBack = await service.rollback('swap1');
    expect(rolledBack.status).toBe('rolled-back');
    expect(rolledBack.steps.find((step) => step.name === 'wait-registration')?.status).toBe('skipped');
    expect(server.updates).toEqual([NEW, OLD]);
    release?.();
  });

  it('refuses a second swap of the same device while one runs', async () => {
    const clock = new FakeClock();
    clock.sleep = () => new Promise<void>(() => undefined);
    const { service } = setUp(clock);
    await service.start(request);
    await expect(service.start({ ...request, newIdentifier: '487a5500000a' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
