import { describe, expect, it } from 'vitest';
import type { CloudPbx, Ddi, Device, ExternalTrunk, Registration } from '../../../src-main/services/rainbow';
import type { NumberFacts, SubscriberFacts } from '../../../src-main/services/diagnose/number-facts';
import { numberChecks } from '../../../src-main/services/diagnose/number-checks';

/** Answers recorded in the reference's shapes (rvcp-provisioning-api.txt), trimmed to what the checks read. */
const CLOUD_PBX: CloudPbx = {
  id: '5c5cbba36bbe2411b66d6fa3',
  name: 'cloud_pbx_EC_UNDER_IR_3',
  cloudpbx: {
    installationNumber: '+33390677770',
    externalTrunkId: '5de911d36839bacdd4c53f1c',
    overflowSubscribersToVoicemail: { activate: true, noReplyDelay: 20, activateUnavailableOverflow: true },
    barringOptions: { permissions: 'nat_local', restrictions: 'no_restriction' },
    cliOptions: { policy: 'user_ddi_number' },
    callForwardOptions: { externalCallForward: 'not_authorized' },
    callForkingToPstnNumber: 'not_available',
  },
};
const TRUNK: ExternalTrunk = {
  id: '5de911d36839bacdd4c53f1c',
  name: 'Carrier SIP Trunk',
  status: 'active',
  locked: false,
};
const USER_DDI: Ddi = {
  id: '6047939ca03a201ad1b62e7e',
  number: '0368590285',
  numberE164: '+33368590285',
  userId: '5cd5443fd9736d8431b5c185',
  rvcpGroupId: null,
  externalTrunkId: TRUNK.id,
};
const GROUP_DDI: Ddi = {
  ...USER_DDI,
  id: '5fc4b2585ab86f3add2784fe',
  numberE164: '+33257550106',
  userId: null,
  rvcpGroupId: '5df24d7f4aa31cc464b37ffd',
};
const DEVICE: Device = {
  id: '5ce2d5160f09f57ed96c6660',
  description: 'Main John deskphone',
  systemId: CLOUD_PBX.id,
  deviceType: { id: 23, vendor: 'ALE', model: '8008' },
};
const REGISTRATION: Registration = {
  id: 'uloc-5e2062fb-67c1-2a82',
  fullSipURI: 'sip:81002@192.168.101.17:40792;transport=tls',
  expirationDate: '2020-01-24 10:33:28',
  deviceId: DEVICE.id,
};

function subscriber(overrides: Partial<SubscriberFacts> = {}): SubscriberFacts {
  return {
    listed: {
      id: '5cd545b3a07de465fbc3fcda',
      shortNumber: '81002',
      numberE164: '+33368590285',
      userId: USER_DDI.userId ?? undefined,
      firstName: 'John',
      lastName: 'Doe',
      systemId: CLOUD_PBX.id,
    },
    details: {
      ok: true,
      value: {
        id: '5cd545b3a07de465fbc3fcda',
        shortNumber: '81002',
        systemId: CLOUD_PBX.id,
        status: 'activated',
        overflowToVoicemail: { value: 'default', noReplyDelay: 20 },
        barringOptions: { permissions: 'int_nat_local', restrictions: 'default' },
      },
    },
    devices: { ok: true, value: [DEVICE] },
    registrations: { ok: true, value: [REGISTRATION] },
    cliOptions: {
      ok: true,
      value: { policy: 'company_policy', numberE164: '+33368590285', companyPolicy: 'user_ddi_number' },
    },
    pstnDeviceOptions: { ok: true, value: { policy: 'company_policy', numberE164: null } },
    ...overrides,
  };
}

function facts(overrides: Partial<NumberFacts> = {}): NumberFacts {
  return {
    systemId: CLOUD_PBX.id,
    asked: '81002',
    cloudPbx: CLOUD_PBX,
    ddis: { ok: true, value: [USER_DDI, GROUP_DDI] },
    subscriber: subscriber(),
    trunks: { ok: true, value: [TRUNK] },
    ...overrides,
  };
}

function statuses(input: NumberFacts): Record<string, string> {
  return Object.fromEntries(numberChecks(input).map((check) => [check.id, check.status]));
}

function find(input: NumberFacts, id: string) {
  const check = numberChecks(input).find((candidate) => candidate.id === id);
  if (check === undefined) throw new Error(`no check ${id}`);
  return check;
}

describe('number checks', () => {
  it('pass for an activated subscriber with a registered device, a DDI and an active trunk', () => {
    expect(statuses(facts())).toEqual({
      subscriber: 'ok',
      devices: 'ok',
      ddi: 'ok',
      forwarding: 'ok',
      overflow: 'ok',
      cli: 'ok',
      barring: 'ok',
      'pstn-forking': 'skipped',
      trunks: 'ok',
    });
    expect(find(facts(), 'cli').summary).toBe('Callees see +33368590285.');
    expect(find(facts(), 'forwarding').summary).toMatch(/not allowed/);
  });

  it('subscriber: fails for a number the CloudPBX does not have, skipping what needs one', () => {
    const none = facts({ subscriber: undefined, asked: '89999' });
    expect(find(none, 'subscriber').status).toBe('fail');
    expect(find(none, 'devices').status).toBe('skipped');
  });

  it('devices: fails with the assign fix when none is assigned, and when none is registered', () => {
    const empty = facts({ subscriber: subscriber({ devices: { ok: true, value: [] } }) });
    expect(find(empty, 'devices')).toMatchObject({ status: 'fail', action: { kind: 'assign' } });
    const silent = facts({ subscriber: subscriber({ registrations: { ok: true, value: [] } }) });
    expect(find(silent, 'devices')).toMatchObject({
      status: 'fail',
      evidence: { 'Main John deskphone': 'not registered' },
    });
  });

  it('ddi: fails for a DDI that reaches a group, with its forwards; warns when the user has none', () => {
    const toGroup = facts({
      asked: '+33257550106',
      askedDdi: GROUP_DDI,
      subscriber: undefined,
      groupForwards: {
        ok: true,
        value: {
          name: 'Hunting Group XYZ',
          groupForwards: [
            { type: 'overflow', activate: true, noReplyDelay: 15, destinationType: 'welcomeservice' },
          ],
        },
      },
    });
    expect(find(toGroup, 'ddi')).toMatchObject({
      status: 'fail',
      evidence: { group: 'Hunting Group XYZ', 'groupForwards.overflow': 'welcomeservice after 15 s' },
    });
    const noDdi = facts({ ddis: { ok: true, value: [GROUP_DDI] } });
    expect(find(noDdi, 'ddi').status).toBe('warn');
    expect(find(facts({ ddis: { ok: false, reason: 'refused' } }), 'ddi').status).toBe('unknown');
  });

  it('overflow: warns when calls reach voicemail after 10 s, and reads the CloudPBX default', () => {
    const short = subscriber();
    if (short.details.ok) short.details.value.overflowToVoicemail = { value: 'custom', noReplyDelay: 10 };
    expect(find(facts({ subscriber: short }), 'overflow')).toMatchObject({ status: 'warn' });
    expect(find(facts(), 'overflow').summary).toMatch(/20 s \(the CloudPBX default\)/);
  });

  it('cli: warns when the user DDI policy meets a number without one', () => {
    const none = subscriber({
      cliOptions: { ok: true, value: { policy: 'user_ddi_number', numberE164: null } },
    });
    none.listed = { ...none.listed, numberE164: undefined };
    expect(find(facts({ subscriber: none }), 'cli').status).toBe('warn');
  });

  it('barring: fails when only internal calls are allowed, reading the CloudPBX permissions for default', () => {
    const barred = subscriber();
    if (barred.details.ok)
      barred.details.value.barringOptions = { permissions: 'local', restrictions: 'default' };
    expect(find(facts({ subscriber: barred }), 'barring').status).toBe('fail');
    const byDefault = subscriber();
    if (byDefault.details.ok)
      byDefault.details.value.barringOptions = { permissions: 'default', restrictions: 'default' };
    expect(find(facts({ subscriber: byDefault }), 'barring').summary).toMatch(
      /international calls are barred/,
    );
  });

  it('pstn-forking: warns when a subscriber number is set but the CloudPBX has forking off', () => {
    const off = {
      ...CLOUD_PBX,
      cloudpbx: { ...CLOUD_PBX.cloudpbx, callForkingToPstnNumber: 'not_activated' },
    };
    const forked = subscriber({
      pstnDeviceOptions: { ok: true, value: { policy: 'custom_ddi_number', numberE164: '+33298123456' } },
    });
    expect(find(facts({ cloudPbx: off, subscriber: forked }), 'pstn-forking').status).toBe('warn');
    const on = { ...CLOUD_PBX, cloudpbx: { ...CLOUD_PBX.cloudpbx, callForkingToPstnNumber: 'activated' } };
    expect(find(facts({ cloudPbx: on, subscriber: forked }), 'pstn-forking').summary).toContain(
      '+33298123456',
    );
  });

  it('trunks: fails for a trunk not in service, and is unknown when the list is refused', () => {
    const down = facts({ trunks: { ok: true, value: [{ ...TRUNK, status: 'new' }] } });
    expect(find(down, 'trunks')).toMatchObject({ status: 'fail', evidence: { 'Carrier SIP Trunk': 'new' } });
    expect(find(facts({ trunks: { ok: false, reason: 'refused' } }), 'trunks').status).toBe('unknown');
  });
});
