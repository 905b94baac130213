import { describe, expect, it } from 'vitest';
import type { DeviceKeys, KeyCopyPlan } from '../../../src-main/shared/keys';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';
import { lyonKeys } from './lyon-keys';
import { cliFixture } from './run-cli';

const lyon = DEMO_SYSTEM_IDS.lyon;
const kit = cliFixture();
const { cli } = kit;

const { device, keysOf, keyWrites } = lyonKeys(kit);

describe('fieldkit device keys', () => {
  it('prints the API’s answer with --json: model capabilities and every key, module keys included', async () => {
    const reception = device('Reception - front desk');
    const all = await cli(['device', 'keys', '--device', reception.id, '--json']);
    expect(all.code).toBe(0);
    const answer = JSON.parse(all.stdout) as DeviceKeys;
    expect(Object.keys(answer).sort()).toEqual([
      'availableKeys',
      'deviceId',
      'deviceType',
      'keys',
      'modelInfo',
    ]);
    expect(answer.modelInfo).toMatchObject({ programmableKeys: 40, nbOfSoftKeyPages: 5, can_monitor: true });

    const module = JSON.parse(
      (await cli(['device', 'keys', '--mac', '3c:28:a6:11:02:0c', '--module', '1', '--json'])).stdout,
    ) as DeviceKeys;
    expect(module.keys).toHaveLength(20);
    expect(module.keys.every((key) => key.keyType === 'monitor' && key.moduleId === 1)).toBe(true);

    const table = await cli(['device', 'keys', '--device', device('Director office').id]);
    expect(table.stdout).toMatch(/10\s+2\s+monitor\s+.*service \(locked\)/);
  });

  it('creates a key, changes one in place, and keeps the service key', async () => {
    const director = device('Director office');
    const created = await cli([
      'device',
      'key-set',
      '--device',
      director.id,
      '--key',
      '2',
      '--type',
      'speeddial',
      '--label',
      'Taxi',
      '--number',
      '+33478000000',
    ]);
    expect(created.code).toBe(0);
    const changed = await cli([
      'device',
      'key-set',
      '--device',
      director.id,
      '--key',
      '1',
      '--type',
      'monitor',
      '--subscriber',
      '81003',
    ]);
    expect(changed.code).toBe(0);
    expect(keysOf('Director office')).toEqual([
      { keyNum: 1, keyType: 'monitor', keyOwner: 'admin', number: undefined, displayName: undefined },
      { keyNum: 2, keyType: 'speeddial', keyOwner: 'admin', number: '+33478000000', displayName: 'Taxi' },
      { keyNum: 10, keyType: 'monitor', keyOwner: 'service', number: undefined, displayName: undefined },
    ]);
  });

  it.each([
    {
      refused: 'a key type the model does not have',
      device: 'Break room',
      args: ['key-set', '--key', '1', '--type', 'forward', '--number', '+33600000000'],
      message: 'The 8018 has no forward keys.',
      code: 2,
    },
    {
      refused: 'deleting a key a service set',
      device: 'Director office',
      args: ['key-delete', '--key', '10', '--yes'],
      message: 'set by a service',
      code: 2,
    },
    {
      refused: 'a key with two destinations',
      device: 'Director office',
      args: ['key-set', '--key', '3', '--type', 'speeddial', '--number', '+336', '--subscriber', '81003'],
      message: 'one destination',
      code: 2,
    },
  ])('refuses $refused with exit $code and sends nothing', async ({ device: name, args, message, code }) => {
    const before = keyWrites();
    const [command = '', ...options] = args;
    const result = await cli(['device', command, '--device', device(name).id, ...options]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(keyWrites()).toBe(before);
  });

  it('deletes an admin key only with --yes', async () => {
    const director = device('Director office');
    expect((await cli(['device', 'key-delete', '--device', director.id, '--key', '2'])).code).toBe(2);
    expect((await cli(['device', 'key-delete', '--device', director.id, '--key', '2', '--yes'])).code).toBe(
      0,
    );
    expect(keysOf('Director office').map((key) => key.keyNum)).toEqual([1, 10]);
  });
});

describe('fieldkit device keys-copy', () => {
  it('shows the diff on a dry run, then copies with one replace per module, the target’s service key kept', async () => {
    const reception = device('Reception - front desk');
    const director = device('Director office');
    const dry = await cli([
      'device',
      'keys-copy',
      '--device',
      reception.id,
      '--to-device',
      director.id,
      '--dry-run',
      '--json',
    ]);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as KeyCopyPlan;
    const [phone] = plan.modules;
    expect(plan.applied).toBe(false);
    expect(phone?.added.map((key) => key.keyNum)).toEqual([1, 2, 3, 4, 5]);
    expect(phone?.removed.map((key) => Number(key.keyNum))).toEqual([1]);
    expect(plan.impossible).toHaveLength(20);
    expect(plan.impossible[0]?.reason).toBe('The target has no expansion module at position 1.');
    expect(keysOf('Director office').map((key) => key.keyNum)).toEqual([1, 10]);

    const writes = keyWrites();
    const applied = await cli([
      'device',
      'keys-copy',
      '--device',
      reception.id,
      '--to-device',
      director.id,
      '--yes',
    ]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Copied.');
    expect(keyWrites()).toBe(writes + 1);
    expect(keysOf('Director office').map((key) => [key.keyNum, key.keyType, key.keyOwner])).toEqual([
      [1, 'speeddial', 'admin'],
      [2, 'speeddial', 'admin'],
      [3, 'forward', 'admin'],
      [4, 'headset', 'admin'],
      [5, 'huntgroup', 'admin'],
      [10, 'monitor', 'service'],
    ]);
    const again = JSON.parse(
      (
        await cli([
          'device',
          'keys-copy',
          '--device',
          reception.id,
          '--to-device',
          director.id,
          '--dry-run',
          '--json',
        ])
      ).stdout,
    ) as KeyCopyPlan;
    expect(again.modules[0]?.kept).toHaveLength(5);
    expect(again.modules[0]?.added).toHaveLength(0);
  });

  it('names what a smaller model cannot take, and why', async () => {
    const plan = JSON.parse(
      (
        await cli([
          'device',
          'keys-copy',
          '--device',
          device('Reception - front desk').id,
          '--to-device',
          device('Break room').id,
          '--module',
          '0',
          '--dry-run',
          '--json',
        ])
      ).stdout,
    ) as KeyCopyPlan;
    const reasons = plan.modules[0]?.impossible.map((entry) => entry.reason) ?? [];
    expect(reasons).toContain('The 8018 has no forward keys.');
    expect(reasons).toContain('The 8018 has no headset keys.');
  });
});

describe('fieldkit device update, subscriber create, numbers free', () => {
  it('sends only the settings given', async () => {
    const office = device('Office 2.14');
    const updated = await cli([
      'device',
      'update',
      '--device',
      office.id,
      '--failover-mode',
      'disabled',
      '--json',
    ]);
    expect(updated.code).toBe(0);
    expect(device('Office 2.14')).toMatchObject({
      description: office.description,
      deskphoneFailoverMode: 'disabled',
      mediaTransportProtocol: office.mediaTransportProtocol,
    });
    const wrong = await cli(['device', 'update', '--device', office.id, '--transfer-mode', 'sideways']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--transfer-mode');
    expect((await cli(['device', 'update', '--device', office.id])).code).toBe(2);
  });

  it('lists free numbers and gives a Rainbow user the first one', async () => {
    const free = JSON.parse((await cli(['numbers', 'free', '--json'])).stdout) as string[];
    expect(free.length).toBeGreaterThan(0);
    const email =
      kit.simulator.tenant.listUsers().find((user) => user.firstName === 'Nora')?.loginEmail ?? '';
    const created = await cli(['subscriber', 'create', '--email', email, '--json']);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ shortNumber: free[0] });
    expect(kit.simulator.tenant.listSubscribers(lyon).some((s) => s.shortNumber === free[0])).toBe(true);
    expect((await cli(['subscriber', 'create', '--email', 'nobody@nowhere.invalid'])).code).toBe(2);
  });
});
