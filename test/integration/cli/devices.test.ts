import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditFilePath } from '../../../src-main/services/audit/audit-log';
import type { AuditEntry } from '../../../src-main/services/audit/types';
import type { DebugSession, SwapState } from '../../../src-main/services/devices/types';
import type { Device, Registration } from '../../../src-main/services/rainbow/types';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';
import { cliFixture } from './run-cli';

const lyon = DEMO_SYSTEM_IDS.lyon;
const kit = cliFixture();
const { cli } = kit;

function freeShortNumber(): string {
  const holding = new Set(kit.simulator.tenant.listDevices(lyon).map((device) => device.phoneNumberId));
  const free = kit.simulator.tenant.listSubscribers(lyon).find((subscriber) => !holding.has(subscriber.id));
  if (free === undefined) throw new Error('no subscriber without a device');
  return free.shortNumber;
}

describe('fieldkit devices', () => {
  it('lists every device, deskphones and DECT, and filters them', async () => {
    const all = await cli(['devices', '--json']);
    expect(all.code).toBe(0);
    expect((JSON.parse(all.stdout) as Device[]).length).toBe(kit.simulator.tenant.listDevices(lyon).length);

    const handsets = JSON.parse(
      (await cli(['devices', '--category', 'dectmobile', '--json'])).stdout,
    ) as Device[];
    expect(handsets.length).toBeGreaterThan(0);
    expect(handsets.every((device) => device.ipei !== undefined)).toBe(true);

    const free = JSON.parse((await cli(['devices', '--unassigned', '--json'])).stdout) as Device[];
    expect(free.every((device) => device.phoneNumberId === undefined)).toBe(true);
    expect((await cli(['devices', '--assigned', '--unassigned'])).code).toBe(2);
  });
});

describe('fieldkit device …', () => {
  it('adds a phone for a subscriber, refuses it twice with the existing id, and deletes it only with --yes', async () => {
    const shortNumber = freeShortNumber();
    const added = await cli([
      'device',
      'add',
      '--mac',
      '48:7A:55:10:00:01',
      '--model',
      'm5',
      '--subscriber',
      shortNumber,
      '--json',
    ]);
    expect(added.code).toBe(0);
    const device = JSON.parse(added.stdout) as Device;
    expect(device).toMatchObject({
      macAddress: '487a55100001',
      shortNumber,
      description: `M5 ${shortNumber}`,
    });
    expect(kit.simulator.tenant.findDevice(lyon, device.id)?.phoneNumberId).toBeDefined();

    const twice = await cli(['device', 'add', '--mac', '487a55100001', '--model', 'M5', '--json']);
    expect(twice.code).toBe(1);
    expect(JSON.parse(twice.stdout)).toMatchObject({
      error: { code: 'conflict', details: { deviceId: device.id } },
    });

    const unconfirmed = await cli(['device', 'delete', '--mac', '487a55100001']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    const assigned = await cli(['device', 'delete', '--mac', '487a55100001', '--yes']);
    expect(assigned.code).toBe(1);
    expect(assigned.stderr).toContain('unassigned before');

    expect((await cli(['device', 'unassign', '--device', device.id, '--yes'])).code).toBe(0);
    expect((await cli(['device', 'delete', '--mac', '48-7a-55-10-00-01', '--yes'])).code).toBe(0);
    expect(kit.simulator.tenant.findDevice(lyon, device.id)).toBeUndefined();
  });

  it('exits 2 for bad input: an IPEI for a deskphone model, an unknown device, two ways to name it', async () => {
    expect((await cli(['device', 'add', '--ipei', '03807E7000', '--model', 'M5'])).code).toBe(2);
    expect((await cli(['device', 'add', '--mac', '48:7A:55', '--model', 'M5'])).code).toBe(2);
    const unknown = await cli(['device', 'show', '--mac', '48:7a:55:ff:ff:01']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No device with MAC address');
    expect((await cli(['device', 'show', '--mac', '487a550a1b01', '--device', 'x'])).code).toBe(2);
  });

  it('assigns to a subscriber, and refuses the same assignment twice', async () => {
    const added = JSON.parse(
      (await cli(['device', 'add', '--mac', '487a55100002', '--model', '8028s', '--json'])).stdout,
    ) as Device;
    const shortNumber = freeShortNumber();
    const assigned = await cli([
      'device',
      'assign',
      '--device',
      added.id,
      '--subscriber',
      shortNumber,
      '--json',
    ]);
    expect(assigned.code).toBe(0);
    expect((JSON.parse(assigned.stdout) as Device).shortNumber).toBe(shortNumber);
    expect((await cli(['device', 'assign', '--device', added.id, '--subscriber', shortNumber])).code).toBe(1);
  });

  it('reboots and resets only with --yes, and shows registrations', async () => {
    expect((await cli(['device', 'reset', '--mac', '487a550a1b02'])).code).toBe(2);
    expect((await cli(['device', 'reset', '--mac', '487a550a1b02', '--yes'])).code).toBe(0);
    expect((await cli(['device', 'reboot', '--mac', '487a550a1b03', '--yes'])).code).toBe(0);
    const resets = kit.simulator.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/reset'));
    expect(resets).toHaveLength(1);

    const shown = await cli(['device', 'registrations', '--mac', '487a550a1b03', '--json']);
    expect(shown.code).toBe(0);
    const registrations = JSON.parse(shown.stdout) as Registration[];
    expect(registrations[0]?.macAddress?.toLowerCase()).toBe('487a550a1b03');
  });

  it('grants a debug session with the admin URL, and prints the password only with --show-password', async () => {
    const granted = await cli(['device', 'debug-grant', '--mac', '487a550a1b01', '--json']);
    expect(granted.code).toBe(0);
    const session = JSON.parse(granted.stdout) as DebugSession;
    expect(session).toMatchObject({ durationSeconds: null, expiresAt: null });
    expect(session.adminUrl).toMatch(/^https:/);
    const deviceId = kit.simulator.tenant.findDeviceByIdentifier(lyon, '487a550a1b01')?.id ?? '';
    const password = kit.simulator.tenant.debugSession(lyon, deviceId)?.adminPassword ?? '';
    expect(granted.stdout + granted.stderr).not.toContain(password);

    const revealed = await cli([
      'device',
      'debug-grant',
      '--mac',
      '487a550a1b01',
      '--show-password',
      '--json',
    ]);
    expect(JSON.parse(revealed.stdout)).toMatchObject({ adminPassword: password });
    expect((await cli(['device', 'debug-revoke', '--mac', '487a550a1b01'])).code).toBe(0);
    expect(kit.simulator.tenant.debugSession(lyon, deviceId)).toBeUndefined();
    expect(readFileSync(auditFilePath(kit.dataDir, { kind: 'env' }), 'utf8')).not.toContain(password);
  });

  it('passes --duration on, and shows Rainbow’s refusal when a company admin chooses one', async () => {
    const refused = await cli(['device', 'debug-grant', '--mac', '487a550a1b02', '--duration', '600']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Only superadmin can set a debug duration');
    const help = await cli(['device', 'debug-grant', '--help']);
    expect(help.stdout).toContain('only a superadmin may choose one');
  });

  it('swaps a phone, printing each step, and exits 1 with the way back when the new one never registers', async () => {
    const swapped = await cli([
      'device',
      'swap',
      '--mac',
      '487a550a1b01',
      '--new-mac',
      '48:7a:55:10:00:03',
      '--yes',
      '--json',
    ]);
    expect(swapped.code).toBe(0);
    expect((JSON.parse(swapped.stdout) as SwapState).status).toBe('succeeded');
    expect(swapped.stderr).toMatch(/done\s+update:/);
    expect(swapped.stderr).toMatch(/done\s+wait-registration:/);
    expect(kit.simulator.tenant.findDeviceByIdentifier(lyon, '487a55100003')).toBeDefined();

    kit.simulator.tenant.setPhoneOnline('487a55100004', false);
    const stuck = await cli([
      'device',
      'swap',
      '--mac',
      '487a55100003',
      '--new-mac',
      '487a55100004',
      '--timeout',
      '0',
      '--yes',
    ]);
    expect(stuck.code).toBe(1);
    expect(stuck.stderr).toContain('did not register within 0 s');
    expect(stuck.stderr).toContain('--new-mac 48:7A:55:10:00:03');
    expect(kit.simulator.tenant.findDeviceByIdentifier(lyon, '487a55100004')).toBeDefined();

    expect((await cli(['device', 'swap', '--mac', '487a55100004', '--new-mac', '487a55100005'])).code).toBe(
      2,
    );
  });

  it('exits 3 when the password is wrong', async () => {
    expect((await cli(['devices'], { FIELDKIT_PASSWORD: 'wrong-password' })).code).toBe(3);
  });

  it('records CLI changes in the activity log of the credentials used', () => {
    const lines = readFileSync(auditFilePath(kit.dataDir, { kind: 'env' }), 'utf8')
      .trim()
      .split('\n');
    const entries = lines.map((line) => JSON.parse(line) as AuditEntry);
    expect(entries.every((entry) => entry.source === 'cli' && entry.profile === 'env')).toBe(true);
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'device.register',
        'device.assign',
        'device.unassign',
        'device.delete',
        'device.swap',
      ]),
    );
    expect(entries.every((entry) => entry.actor === kit.simulator.credentials.login)).toBe(true);
  });
});
