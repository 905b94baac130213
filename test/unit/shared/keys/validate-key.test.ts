import { describe, expect, it } from 'vitest';
import { keyProblems, type KeyDraft } from '../../../../src-main/shared/keys';
import { keyTargetOf, LYON, tenantWithEveryModel } from './key-fixture';

const { tenant, devices } = tenantWithEveryModel();
const seeded = (description: string) => {
  const device = tenant.listDevices(LYON).find((candidate) => candidate.description === description);
  if (device === undefined) throw new Error(`no seed device ${description}`);
  return device;
};
const byModel = (model: string) => {
  const device = devices.find((candidate) => candidate.description === `Key test ${model}`);
  if (device === undefined) throw new Error(`no test device ${model}`);
  return device;
};
const subscriber = (shortNumber: string) =>
  tenant.listSubscribers(LYON).find((candidate) => candidate.shortNumber === shortNumber)?.id ?? '';

function problems(device: ReturnType<typeof byModel>, key: Partial<KeyDraft>) {
  return keyProblems({ keyNum: 1, keyType: 'speeddial', moduleId: 0, ...key }, keyTargetOf(tenant, device));
}

describe('key validation, case by case', () => {
  it('refuses a type the model lacks, naming the model, before anything is sent', () => {
    expect(problems(byModel('8008'), { keyType: 'forward', number: '+33478000000' })).toEqual([
      {
        field: 'keyType',
        code: 'type-unsupported',
        params: { model: '8008', type: 'forward' },
        message: 'The 8008 has no forward keys.',
      },
    ]);
    expect(problems(byModel('8068s'), { keyType: 'forward', number: '+33478000000' })).toEqual([]);
  });

  it('keeps key numbers within the phone and the module', () => {
    expect(problems(byModel('M5'), { keyNum: 29, phoneNumberId: subscriber('81001') })[0]?.message).toBe(
      'The M5 has keys 1 to 28; 29 is not one.',
    );
    expect(problems(byModel('M5'), { keyNum: 20, moduleId: 1, phoneNumberId: subscriber('81001') })).toEqual(
      [],
    );
    expect(
      problems(byModel('M5'), { keyNum: 21, moduleId: 1, phoneNumberId: subscriber('81001') })[0]?.field,
    ).toBe('keyNum');
    expect(problems(byModel('M3'), { moduleId: 1, phoneNumberId: subscriber('81001') })[0]?.message).toBe(
      'The device has no expansion module at position 1.',
    );
  });

  it('lets a monitor key watch users only', () => {
    expect(problems(byModel('M7'), { keyType: 'monitor', phoneNumberId: subscriber('81001') })).toEqual([]);
    expect(
      problems(byModel('M7'), { keyType: 'monitor', phoneNumberId: subscriber('81090') })[0]?.message,
    ).toBe('A monitor key watches a user only; this subscriber has none.');
    expect(problems(byModel('M7'), { keyType: 'monitor', number: '+33478000000' })[0]?.field).toBe(
      'phoneNumberId',
    );
  });

  it('asks an external speed dial for its label and a hunt-group key for its group', () => {
    expect(problems(byModel('M7'), { number: '+33478000000' })).toEqual([
      {
        field: 'displayName',
        code: 'label-needed',
        params: {},
        message: 'An external speed dial needs a label.',
      },
    ]);
    expect(problems(byModel('M7'), { number: 'call me' })[0]?.field).toBe('number');
    expect(problems(byModel('M7'), { keyType: 'huntgroup' })).toEqual([
      {
        field: 'groupId',
        code: 'group-needed',
        params: {},
        message: 'A hunt-group key needs the group it logs in and out of.',
      },
    ]);
  });

  it('never takes the place of a service or system key', () => {
    const director = seeded('Director office');
    expect(problems(director, { keyNum: 10, phoneNumberId: subscriber('81001') })).toEqual([
      {
        field: 'keyNum',
        code: 'locked-service',
        params: { key: '10', owner: 'service' },
        message: 'Key 10 was set by a service (e.g. manager-assistant): change it through that service.',
      },
    ]);
    expect(
      problems(seeded('Sales desk'), { keyNum: 7, phoneNumberId: subscriber('81001') })[0]?.message,
    ).toMatch(/reserved by the phone/);
  });
});
