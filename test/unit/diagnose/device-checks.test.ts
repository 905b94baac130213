import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../../src-main/shared/check-ladder';
import type { Device, Registration } from '../../../src-main/services/rainbow/types';
import type { DeviceFacts } from '../../../src-main/services/diagnose/device-facts';
import { deviceChecks } from '../../../src-main/services/diagnose/device-checks';

/** Answers recorded in the reference's shapes (rvcp-provisioning-api.txt), trimmed to what the checks read. */
const NOW = Date.parse('2020-01-24T10:00:00Z');
const DESKPHONE: Device = {
  id: '5ce2d5160f09f57ed96c6660',
  description: 'Main John deskphone',
  systemId: '5cd1a4f426fa4a77f8c04150',
  macAddress: 'd460e316df1c',
  phoneNumberId: '5ce2d0290f09f57ed96c665c',
  shortNumber: '81002',
  userDisplayName: 'John',
  deviceType: { id: 23, vendor: 'ALE', model: '8008' },
};
const HANDSET: Device = {
  id: '5ce2d5160f09f57ed96c6661',
  description: 'DECT',
  systemId: DESKPHONE.systemId,
  ipei: '03807e7898',
  phoneNumberId: '5ce2d0290f09f57ed96c665d',
  deviceType: { id: 40, vendor: 'ALE', model: '8214DECT' },
};
const BEHIND_NAT: Registration = {
  id: 'uloc-5e2062fb-67c1-2a82',
  fullSipURI: 'sip:81002@192.168.101.17:40792;transport=tls',
  expirationDate: '2020-01-24 10:33:28',
  user_agent: 'ALE 8008 5.1.1.9',
  deviceId: DESKPHONE.id,
  publicSourceRegistration: 'sip:91.161.84.45:19925;transport=tls',
};
const REWRITTEN: Registration = {
  ...BEHIND_NAT,
  fullSipURI: 'sip:81002@91.161.84.45:19925;transport=udp',
  publicSourceRegistration: 'sip:91.161.84.45:19925;transport=udp',
};

function facts(overrides: Partial<DeviceFacts> = {}): DeviceFacts {
  return {
    systemId: DESKPHONE.systemId,
    asked: { by: 'mac', identifier: 'd460e316df1c' },
    device: DESKPHONE,
    sighting: undefined,
    registrations: { ok: true, value: [BEHIND_NAT] },
    now: NOW,
    ...overrides,
  };
}

function find(checks: ReturnType<typeof deviceChecks>, id: string) {
  const check = checks.find((candidate) => candidate.id === id);
  if (check === undefined) throw new Error(`no check ${id}`);
  return check;
}

describe('device checks', () => {
  it('pass on a healthy deskphone behind NAT, in the documented order', () => {
    const checks = deviceChecks(facts());
    expect(checks.map((check) => check.id)).toEqual([
      'declared',
      'model',
      'assigned',
      'banned',
      'registered',
      'registration-health',
      'nat',
      'debug-session',
    ]);
    expect(verdictOf(checks)).toBe('ok');
    expect(find(checks, 'registered').evidence).toMatchObject({
      since: '2020-01-16T13:19:55.000Z',
      transport: 'TLS',
      user_agent: 'ALE 8008 5.1.1.9',
    });
    expect(find(checks, 'nat').summary).toMatch(/192\.168\.101\.17.*91\.161\.84\.45/);
  });

  it('declared: fails and names the other CloudPBX holding the MAC, skipping the rest', () => {
    const checks = deviceChecks(
      facts({
        device: undefined,
        elsewhere: { ok: true, value: [{ systemId: 'b', systemName: 'Grenoble', deviceId: 'd' }] },
      }),
    );
    expect(find(checks, 'declared')).toMatchObject({
      status: 'fail',
      evidence: { otherCloudPbx: 'Grenoble', otherDeviceId: 'd' },
    });
    expect(checks.slice(1).every((check) => check.status === 'skipped')).toBe(true);
  });

  it('declared: offers to register a MAC no CloudPBX has, and says when the others could not be read', () => {
    const nowhere = find(
      deviceChecks(facts({ device: undefined, elsewhere: { ok: true, value: [] } })),
      'declared',
    );
    expect(nowhere.action?.kind).toBe('register');
    const refused = find(
      deviceChecks(facts({ device: undefined, elsewhere: { ok: false, reason: 'forbidden' } })),
      'declared',
    );
    expect(refused.evidence).toMatchObject({ otherCloudPbxs: 'not checked: forbidden' });
  });

  it('model: compares the declared model with the LAN sighting, and skips without one', () => {
    expect(find(deviceChecks(facts()), 'model').status).toBe('skipped');
    expect(find(deviceChecks(facts({ sighting: null })), 'model').status).toBe('skipped');
    const same = facts({ sighting: { ip: '192.168.1.7', model: 'ALE-8008', firmware: null } });
    expect(find(deviceChecks(same), 'model').status).toBe('ok');
    const other = facts({ sighting: { ip: '192.168.1.7', model: 'M5', firmware: null } });
    expect(find(deviceChecks(other), 'model')).toMatchObject({
      status: 'fail',
      evidence: { 'deviceType.model': '8008', 'lan.model': 'M5' },
    });
    expect(find(deviceChecks(facts({ device: HANDSET })), 'model').status).toBe('skipped');
  });

  it('assigned: fails with the assign fix for a device without subscriber, and skips the registration', () => {
    const { phoneNumberId: _none, ...free } = DESKPHONE;
    const checks = deviceChecks(facts({ device: free, registrations: undefined }));
    expect(find(checks, 'assigned')).toMatchObject({ status: 'fail', action: { kind: 'assign' } });
    expect(find(checks, 'registered').status).toBe('skipped');
  });

  it('banned: fails with the ban evidence and the reboot way out', () => {
    const banned = {
      ...DESKPHONE,
      bannedDevice: { banId: '81002@x', failCount: '3', lastAttempt: '2024-07-19T06:03:25.000Z' },
    };
    expect(find(deviceChecks(facts({ device: banned })), 'banned')).toMatchObject({
      status: 'fail',
      evidence: { 'bannedDevice.failCount': '3' },
      action: { kind: 'reboot' },
    });
  });

  it('registered: fails without registration, unknown when the call is refused', () => {
    const none = deviceChecks(facts({ registrations: { ok: true, value: [] } }));
    expect(find(none, 'registered')).toMatchObject({ status: 'fail', action: { kind: 'reboot' } });
    expect(find(none, 'nat').status).toBe('skipped');
    const refused = deviceChecks(facts({ registrations: { ok: false, reason: 'Not allowed' } }));
    expect(find(refused, 'registered').status).toBe('unknown');
    expect(verdictOf(refused)).toBe('unknown');
  });

  it('registration-health: warns on several contacts and on an expiry that is due', () => {
    const two = deviceChecks(facts({ registrations: { ok: true, value: [BEHIND_NAT, BEHIND_NAT] } }));
    expect(find(two, 'registration-health')).toMatchObject({
      status: 'warn',
      evidence: { registrations: 2 },
    });
    const late = deviceChecks(facts({ now: Date.parse('2020-01-24T10:33:00Z') }));
    expect(find(late, 'registration-health').summary).toMatch(/expires within a minute/);
  });

  it('registration-health: warns when a binding lasts minutes, and says when one read cannot tell', () => {
    const healthy = find(deviceChecks(facts()), 'registration-health');
    expect(healthy).toMatchObject({ status: 'ok', evidence: { registrationLifetime: '2008 s or more' } });

    // Bound at 10:31:28 (0x5e2ac780), expiring two minutes later: a new binding every REGISTER.
    const short = { ...BEHIND_NAT, id: 'uloc-5e2ac780-67c1-2a82' };
    const often = find(
      deviceChecks(
        facts({ now: Date.parse('2020-01-24T10:32:00Z'), registrations: { ok: true, value: [short] } }),
      ),
      'registration-health',
    );
    expect(often).toMatchObject({ status: 'warn', evidence: { registrationLifetime: '120 s or less' } });
    expect(often.summary).toMatch(/Re-registering often/);
    expect(often.fix).toMatch(/UDP timeout/);

    const untimed = { ...BEHIND_NAT, id: 'c0ffee' };
    const unknown = find(
      deviceChecks(
        facts({ now: Date.parse('2020-01-24T10:30:00Z'), registrations: { ok: true, value: [untimed] } }),
      ),
      'registration-health',
    );
    expect(unknown.status).toBe('ok');
    expect(unknown.summary).toMatch(/cannot be told/);
    expect(String(unknown.evidence.registrationLifetime)).toMatch(/^unknown: /);
  });

  it('nat: fails when the contact was rewritten to the public address over UDP', () => {
    const nat = find(deviceChecks(facts({ registrations: { ok: true, value: [REWRITTEN] } })), 'nat');
    expect(nat).toMatchObject({ status: 'fail', evidence: { transport: 'UDP' } });
    expect(nat.fix).toMatch(/SIP ALG/);
  });

  it('debug-session: offers a grant when none is open, shows the admin page when one is, skips handsets', () => {
    expect(find(deviceChecks(facts()), 'debug-session').action?.kind).toBe('grant-debug');
    const open = { ...DESKPHONE, adminUrl: 'https://192.168.1.7:443' };
    expect(find(deviceChecks(facts({ device: open })), 'debug-session')).toMatchObject({
      status: 'ok',
      evidence: { adminUrl: 'https://192.168.1.7:443' },
    });
    expect(find(deviceChecks(facts({ device: HANDSET })), 'debug-session').status).toBe('skipped');
  });
});
