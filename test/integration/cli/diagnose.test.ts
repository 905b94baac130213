import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { auditFilePath } from '../../../src-main/services/audit/audit-log';
import type { AuditEntry } from '../../../src-main/services/audit/types';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';
import { DEMO_TRUNK_IDS, LYON_RECEPTION_GROUP_ID } from '../../../src-main/simulator/seed/telephony-seed';
import { DEVICE_CHECK_IDS } from '../../../src-main/services/diagnose/device-checks';
import { cliFixture } from './run-cli';

const lyon = DEMO_SYSTEM_IDS.lyon;
const kit = cliFixture();

interface JsonCheck {
  id: string;
  status: string;
  summary: string;
  evidence: Record<string, unknown>;
  fix: string | null;
}
interface JsonReport {
  subject: Record<string, unknown>;
  verdict: string;
  checks: JsonCheck[];
}

afterEach(() => kit.simulator.setFaults({}));

function cli(args: string[], overrides: Record<string, string> = {}) {
  return kit.cli(['diagnose', ...args], overrides);
}

async function diagnose(...args: string[]): Promise<{ code: number; report: JsonReport }> {
  const { code, stdout } = await cli([...args, '--json']);
  return { code, report: JSON.parse(stdout) as JsonReport };
}

function auditEntries(): AuditEntry[] {
  return readFileSync(auditFilePath(kit.dataDir, { kind: 'env' }), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditEntry);
}

function statusOf(report: JsonReport, id: string): string | undefined {
  return report.checks.find((check) => check.id === id)?.status;
}

function checkOf(report: JsonReport, id: string): JsonCheck {
  const found = report.checks.find((check) => check.id === id);
  if (found === undefined) throw new Error(`no check ${id}`);
  return found;
}

describe('fieldkit diagnose (device)', () => {
  it('answers ok, with the ladder in order, for a registered phone in service', async () => {
    const { code, report } = await diagnose('--mac', '48:7A:55:0A:1B:01');
    expect(code).toBe(0);
    expect(report.verdict).toBe('ok');
    expect(report.checks.map((check) => check.id)).toEqual(DEVICE_CHECK_IDS);
    expect(report.subject).toMatchObject({
      kind: 'device',
      identifier: '487a550a1b01',
      shortNumber: '81001',
    });
    expect(checkOf(report, 'registered').evidence).toMatchObject({
      transport: 'TLS',
      fullSipURI: expect.stringMatching(/^sip:81001@198\.18\./) as unknown,
    });
    expect(statusOf(report, 'nat')).toBe('ok');
    expect(Object.keys(report.checks[0] ?? {})).toEqual(['id', 'status', 'summary', 'evidence', 'fix']);
  });

  it('finds a phone declared on another CloudPBX of the account', async () => {
    const { code, report } = await diagnose('--mac', '3c28a6220301');
    expect(code).toBe(1);
    expect(report.verdict).toBe('problem');
    const declared = checkOf(report, 'declared');
    expect(declared.status).toBe('fail');
    expect(declared.evidence).toMatchObject({ otherCloudPbx: 'Grenoble Warehouse' });
    expect(report.checks.slice(1).every((check) => check.status === 'skipped')).toBe(true);
  });

  it('says no CloudPBX has a MAC nobody declared', async () => {
    const { code, report } = await diagnose('--mac', '00:04:13:99:99:99');
    expect(code).toBe(1);
    expect(checkOf(report, 'declared').evidence).toMatchObject({ otherCloudPbxs: 'none has it' });
  });

  it('fails `banned` for the banned phone, with what the ban means', async () => {
    const { code, report } = await diagnose('--mac', '3c28a6110205');
    expect(code).toBe(1);
    const banned = checkOf(report, 'banned');
    expect(banned.status).toBe('fail');
    expect(banned.evidence).toMatchObject({ 'bannedDevice.failCount': '3' });
    expect(banned.fix).toMatch(/reboot/i);
  });

  it('fails `nat` for the phone whose contact a SIP ALG rewrote, and passes once the ALG is off', async () => {
    const before = await diagnose('--mac', '3c28a6110204');
    expect(before.code).toBe(1);
    const nat = checkOf(before.report, 'nat');
    expect(nat.status).toBe('fail');
    expect(nat.evidence).toMatchObject({ transport: 'UDP' });
    expect(nat.fix).toMatch(/SIP ALG/);

    kit.simulator.tenant.setBehindSipAlg('3c28a6110204', false);
    try {
      const after = await diagnose('--mac', '3c28a6110204');
      expect(after.code).toBe(0);
      expect(statusOf(after.report, 'nat')).toBe('ok');
    } finally {
      kit.simulator.tenant.setBehindSipAlg('3c28a6110204', true);
    }
  });

  it('fails `assigned` for the unassigned phone, and turns ok once it is assigned', async () => {
    const device = kit.simulator.tenant.listDevices(lyon).find((d) => d.macAddress === '487a550a1b0c');
    if (device === undefined) throw new Error('seed changed: no unassigned meeting-room phone');
    const before = await diagnose('--device', device.id);
    expect(before.code).toBe(1);
    expect(statusOf(before.report, 'assigned')).toBe('fail');
    expect(statusOf(before.report, 'registered')).toBe('skipped');

    const free = kit.simulator.tenant.listSubscribers(lyon).find((s) => s.shortNumber === '81090');
    if (free === undefined) throw new Error('seed changed: no number 81090');
    kit.simulator.tenant.assignDevice(lyon, device.id, free.id);
    try {
      const after = await diagnose('--device', device.id);
      expect(after.report.verdict).toBe('ok');
      expect(statusOf(after.report, 'registered')).toBe('ok');
    } finally {
      kit.simulator.tenant.unassignDevice(lyon, device.id);
    }
  });

  it('fails `registered` for a phone that is off', async () => {
    kit.simulator.tenant.setPhoneOnline('487a550a1b02', false);
    try {
      const { code, report } = await diagnose('--mac', '487a550a1b02');
      expect(code).toBe(1);
      expect(statusOf(report, 'registered')).toBe('fail');
      expect(statusOf(report, 'nat')).toBe('skipped');
    } finally {
      kit.simulator.tenant.setPhoneOnline('487a550a1b02', true);
    }
  });

  it('warns `registration-health` for the phone re-registering every minute, ok once its site is fixed', async () => {
    const before = await diagnose('--mac', '3c28a611020a');
    expect(before.code).toBe(0);
    expect(before.report.verdict).toBe('ok');
    const health = checkOf(before.report, 'registration-health');
    expect(health).toMatchObject({
      status: 'warn',
      evidence: { registrationLifetime: '120 s or less' },
    });
    expect(health.fix).toMatch(/UDP timeout/);

    kit.simulator.tenant.setReRegisteringOften('3c28a611020a', false);
    try {
      const after = await diagnose('--mac', '3c28a611020a');
      expect(checkOf(after.report, 'registration-health')).toMatchObject({
        status: 'ok',
        evidence: { registrationLifetime: expect.stringMatching(/^\d+ s or more$/) as unknown },
      });
    } finally {
      kit.simulator.tenant.setReRegisteringOften('3c28a611020a', true);
    }
  });

  it('skips `model` without a LAN discovery: the CLI has none to compare the declared model with', async () => {
    const { report } = await diagnose('--mac', '3c28a6110209');
    expect(checkOf(report, 'model')).toMatchObject({
      status: 'skipped',
      evidence: { 'deviceType.model': 'M7' },
    });
  });

  it('reports a refused registrations call as unknown, never as a problem', async () => {
    kit.simulator.setFaults({ targeted: [{ method: 'GET', path: /\/registrations$/, answer: 403 }] });
    const { code, report } = await diagnose('--mac', '487a550a1b01');
    expect(code).toBe(0);
    expect(report.verdict).toBe('unknown');
    expect(checkOf(report, 'registered').status).toBe('unknown');
  });

  it('prints the ladder as text, and records every run in the activity log', async () => {
    const { code, stdout } = await cli(['--mac', '3c28a6110205']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/verdict: problem/);
    expect(stdout).toMatch(/\[FAIL\] banned: /);
    expect(
      auditEntries().some(
        (entry) => entry.action === 'diagnose.device' && entry.details?.verdict === 'problem',
      ),
    ).toBe(true);
  });

  it('refuses bad input with exit 2, a refused sign-in with exit 3 and unreachable Rainbow with exit 4', async () => {
    expect((await cli(['--mac', 'not-a-mac'])).code).toBe(2);
    const wrong = { FIELDKIT_PASSWORD: 'wrong-password' };
    expect((await cli(['--mac', '487a550a1b01'], wrong)).code).toBe(3);
    expect((await cli(['--number', '81001'], wrong)).code).toBe(3);
    expect((await cli(['--mac', '487a550a1b01', '--device', 'x'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
    kit.simulator.setFaults({ targeted: [{ method: 'GET', path: /\/devices$/, answer: 'reset' }] });
    expect((await cli(['--mac', '487a550a1b01'])).code).toBe(4);
  });
});

describe('fieldkit diagnose --number', () => {
  it('answers ok for a staff number with a registered phone, a DDI and an active trunk', async () => {
    const { code, report } = await diagnose('--number', '81001');
    expect(report.checks.map((check) => [check.id, check.status])).toEqual([
      ['subscriber', 'ok'],
      ['devices', 'ok'],
      ['ddi', 'ok'],
      ['forwarding', 'ok'],
      ['overflow', 'ok'],
      ['cli', 'ok'],
      ['barring', 'ok'],
      ['pstn-forking', 'ok'],
      ['trunks', 'ok'],
    ]);
    expect(code).toBe(0);
    expect(report.subject).toMatchObject({
      kind: 'number',
      shortNumber: '81001',
      numberE164: '+33478981001',
    });
    expect(checkOf(report, 'cli').summary).toContain('+33478981001');
    expect(checkOf(report, 'overflow').summary).toContain('20 s');
  });

  it('finds the subscriber from its E.164 number too', async () => {
    const { report } = await diagnose('--number', '+33478981001');
    expect(report.subject).toMatchObject({ shortNumber: '81001' });
  });

  it('fails `devices` for a number with no device, and turns ok once one is assigned', async () => {
    const before = await diagnose('--number', '81090');
    expect(before.code).toBe(1);
    expect(statusOf(before.report, 'devices')).toBe('fail');
    expect(statusOf(before.report, 'ddi')).toBe('warn');

    const device = kit.simulator.tenant.listDevices(lyon).find((d) => d.macAddress === '487a550a1b0c');
    const free = kit.simulator.tenant.listSubscribers(lyon).find((s) => s.shortNumber === '81090');
    if (device === undefined || free === undefined) throw new Error('seed changed');
    kit.simulator.tenant.assignDevice(lyon, device.id, free.id);
    try {
      const after = await diagnose('--number', '81090');
      expect(statusOf(after.report, 'devices')).toBe('ok');
      expect(after.code).toBe(0);
    } finally {
      kit.simulator.tenant.unassignDevice(lyon, device.id);
    }
  });

  it('fails `ddi` for the installation number, which reaches the reception group, ok once it reaches a user', async () => {
    const { code, report } = await diagnose('--number', '+33478980000');
    expect(code).toBe(1);
    const ddi = checkOf(report, 'ddi');
    expect(ddi.status).toBe('fail');
    expect(ddi.evidence).toMatchObject({
      group: 'Reception',
      'groupForwards.overflow': 'voicemail after 20 s',
    });
    expect(statusOf(report, 'subscriber')).toBe('skipped');

    const reception = kit.simulator.tenant.listSubscribers(lyon).find((s) => s.shortNumber === '81001');
    if (reception?.userId === undefined) throw new Error('seed changed: 81001 has no user');
    kit.simulator.tenant.telephony.routeDdi('+33478980000', { userId: reception.userId });
    try {
      const after = await diagnose('--number', '+33478980000');
      expect(statusOf(after.report, 'ddi')).toBe('ok');
      expect(after.code).toBe(0);
    } finally {
      kit.simulator.tenant.telephony.routeDdi('+33478980000', { rvcpGroupId: LYON_RECEPTION_GROUP_ID });
    }
  });

  it('shows whether forwards to external numbers are allowed, from the CloudPBX', async () => {
    const { report } = await diagnose('--number', '81004');
    expect(checkOf(report, 'forwarding')).toMatchObject({
      status: 'ok',
      evidence: { 'callForwardOptions.externalCallForward': expect.any(String) as unknown },
    });
  });

  it('warns `cli` for a number without a DDI, ok once callees see the installation number', async () => {
    const before = await diagnose('--number', '81091');
    expect(checkOf(before.report, 'cli')).toMatchObject({ status: 'warn', evidence: { numberE164: null } });
    const unheld = kit.simulator.tenant.listSubscribers(lyon).find((s) => s.shortNumber === '81091');
    if (unheld === undefined) throw new Error('seed changed: no number 81091');
    kit.simulator.tenant.setSubscriberSettings(lyon, unheld.id, {
      cliOptions: { policy: 'installation_ddi_number' },
    });
    try {
      expect(statusOf((await diagnose('--number', '81091')).report, 'cli')).toBe('ok');
    } finally {
      kit.simulator.tenant.setSubscriberSettings(lyon, unheld.id, {
        cliOptions: { policy: 'company_policy' },
      });
    }
  });

  it('turns overflow, barring, PSTN forking and trunks ok once the settings are fixed', async () => {
    const numbers = Object.fromEntries(
      kit.simulator.tenant.listSubscribers(lyon).map((s) => [s.shortNumber, s.id] as const),
    );
    const id = (shortNumber: string) => numbers[shortNumber] ?? '';
    const saved = kit.simulator.tenant
      .listSubscribers(lyon)
      .filter((s) => ['81002', '81003', '81006'].includes(s.shortNumber));
    kit.simulator.tenant.setSubscriberSettings(lyon, id('81003'), {
      overflowToVoicemail: { value: 'custom', noReplyDelay: 20 },
    });
    kit.simulator.tenant.setSubscriberSettings(lyon, id('81006'), {
      barringOptions: { permissions: 'int_nat_local', restrictions: 'default' },
    });
    kit.simulator.tenant.setSubscriberSettings(lyon, id('81002'), {
      pstnDeviceOptions: { policy: 'none', numberE164: null },
    });
    kit.simulator.tenant.telephony.setTrunkState(DEMO_TRUNK_IDS.legacy, { status: 'active', locked: false });
    try {
      expect(statusOf((await diagnose('--number', '81003')).report, 'overflow')).toBe('ok');
      expect(statusOf((await diagnose('--number', '81006')).report, 'barring')).toBe('ok');
      expect(statusOf((await diagnose('--number', '81002')).report, 'pstn-forking')).toBe('ok');
      const trunk = await diagnose('--number', '81008');
      expect(statusOf(trunk.report, 'trunks')).toBe('ok');
      expect(trunk.code).toBe(0);
    } finally {
      for (const subscriber of saved) {
        const { overflowToVoicemail, barringOptions, pstnDeviceOptions } = subscriber;
        kit.simulator.tenant.setSubscriberSettings(lyon, subscriber.id, {
          overflowToVoicemail,
          barringOptions,
          pstnDeviceOptions,
        });
      }
      kit.simulator.tenant.telephony.setTrunkState(DEMO_TRUNK_IDS.legacy, { status: 'new', locked: true });
    }
  });

  it('warns about a 10 s overflow, fails barred outgoing calls and a trunk not in service', async () => {
    const overflow = await diagnose('--number', '81003');
    expect(checkOf(overflow.report, 'overflow')).toMatchObject({ status: 'warn' });
    expect(checkOf(overflow.report, 'overflow').summary).toContain('10 s');

    const barred = await diagnose('--number', '81006');
    expect(barred.code).toBe(1);
    expect(checkOf(barred.report, 'barring').evidence).toMatchObject({
      'barringOptions.permissions': 'local',
    });

    const trunk = await diagnose('--number', '81008');
    expect(trunk.code).toBe(1);
    expect(checkOf(trunk.report, 'trunks')).toMatchObject({
      status: 'fail',
      evidence: { 'Legacy carrier (porting)': 'new, locked', 'Carrier SIP Trunk': 'active' },
    });

    const forked = await diagnose('--number', '81002');
    expect(statusOf(forked.report, 'pstn-forking')).toBe('warn');
  });

  it('fails for a number the CloudPBX does not have, and says unknown when a read is refused', async () => {
    const missing = await diagnose('--number', '89999');
    expect(missing.code).toBe(1);
    expect(statusOf(missing.report, 'subscriber')).toBe('fail');

    kit.simulator.setFaults({ targeted: [{ method: 'GET', path: /\/phone-numbers\/ddi$/, answer: 403 }] });
    const refused = await diagnose('--number', '81001');
    expect(refused.code).toBe(0);
    expect(refused.report.verdict).toBe('unknown');
    expect(statusOf(refused.report, 'ddi')).toBe('unknown');
  });

  it('records every number run in the activity log, with its verdict', async () => {
    const before = auditEntries().filter((entry) => entry.action === 'diagnose.number').length;
    await diagnose('--number', '81006');
    await diagnose('--number', '81001');
    const runs = auditEntries().filter((entry) => entry.action === 'diagnose.number');
    expect(runs.slice(before).map((entry) => entry.details?.verdict)).toEqual(['problem', 'ok']);
  });

  it('refuses a malformed number, or a number and a device at once, with exit 2', async () => {
    expect((await cli(['--number', '12ab'])).code).toBe(2);
    expect((await cli(['--number', '81001', '--mac', '487a550a1b01'])).code).toBe(2);
  });
});
