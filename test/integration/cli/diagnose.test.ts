import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditFilePath } from '../../../src-main/services/audit/audit-log';
import type { AuditEntry } from '../../../src-main/services/audit/types';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { DEVICE_CHECK_IDS } from '../../../src-main/services/diagnose/device-checks';
import { cli as runCli, envFor, scratchDir } from '../batch/support';

const lyon = DEMO_SYSTEM_IDS.lyon;
let simulator: RunningSimulator;
let dataDir: ReturnType<typeof scratchDir>;

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

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, registrationDelayMs: 0 });
  dataDir = scratchDir();
});

afterAll(async () => {
  await simulator.close();
  dataDir.remove();
});

afterEach(() => simulator.setFaults({}));

function cli(args: string[]) {
  return runCli(['diagnose', ...args, '--system', lyon], envFor(simulator, dataDir.path));
}

async function diagnose(...args: string[]): Promise<{ code: number; report: JsonReport }> {
  const { code, stdout } = await cli([...args, '--json']);
  return { code, report: JSON.parse(stdout) as JsonReport };
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

    simulator.tenant.setBehindSipAlg('3c28a6110204', false);
    try {
      const after = await diagnose('--mac', '3c28a6110204');
      expect(after.code).toBe(0);
      expect(statusOf(after.report, 'nat')).toBe('ok');
    } finally {
      simulator.tenant.setBehindSipAlg('3c28a6110204', true);
    }
  });

  it('fails `assigned` for the unassigned phone, and turns ok once it is assigned', async () => {
    const device = simulator.tenant.listDevices(lyon).find((d) => d.macAddress === '487a550a1b0c');
    if (device === undefined) throw new Error('seed changed: no unassigned meeting-room phone');
    const before = await diagnose('--device', device.id);
    expect(before.code).toBe(1);
    expect(statusOf(before.report, 'assigned')).toBe('fail');
    expect(statusOf(before.report, 'registered')).toBe('skipped');

    const free = simulator.tenant.listSubscribers(lyon).find((s) => s.shortNumber === '81090');
    if (free === undefined) throw new Error('seed changed: no number 81090');
    simulator.tenant.assignDevice(lyon, device.id, free.id);
    try {
      const after = await diagnose('--device', device.id);
      expect(after.report.verdict).toBe('ok');
      expect(statusOf(after.report, 'registered')).toBe('ok');
    } finally {
      simulator.tenant.unassignDevice(lyon, device.id);
    }
  });

  it('fails `registered` for a phone that is off', async () => {
    simulator.tenant.setPhoneOnline('487a550a1b02', false);
    try {
      const { code, report } = await diagnose('--mac', '487a550a1b02');
      expect(code).toBe(1);
      expect(statusOf(report, 'registered')).toBe('fail');
      expect(statusOf(report, 'nat')).toBe('skipped');
    } finally {
      simulator.tenant.setPhoneOnline('487a550a1b02', true);
    }
  });

  it('reports a refused registrations call as unknown, never as a problem', async () => {
    simulator.setFaults({ targeted: [{ method: 'GET', path: /\/registrations$/, answer: 403 }] });
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
    const entries = readFileSync(auditFilePath(dataDir.path, { kind: 'env' }), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEntry);
    expect(
      entries.some((entry) => entry.action === 'diagnose.device' && entry.details?.verdict === 'problem'),
    ).toBe(true);
  });

  it('refuses bad input with exit 2 and unreachable Rainbow with exit 4', async () => {
    expect((await cli(['--mac', 'not-a-mac'])).code).toBe(2);
    expect((await cli(['--mac', '487a550a1b01', '--device', 'x'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
    simulator.setFaults({ targeted: [{ method: 'GET', path: /\/devices$/, answer: 'reset' }] });
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

    const device = simulator.tenant.listDevices(lyon).find((d) => d.macAddress === '487a550a1b0c');
    const free = simulator.tenant.listSubscribers(lyon).find((s) => s.shortNumber === '81090');
    if (device === undefined || free === undefined) throw new Error('seed changed');
    simulator.tenant.assignDevice(lyon, device.id, free.id);
    try {
      const after = await diagnose('--number', '81090');
      expect(statusOf(after.report, 'devices')).toBe('ok');
      expect(after.code).toBe(0);
    } finally {
      simulator.tenant.unassignDevice(lyon, device.id);
    }
  });

  it('fails `ddi` for the installation number, which reaches the reception group', async () => {
    const { code, report } = await diagnose('--number', '+33478980000');
    expect(code).toBe(1);
    const ddi = checkOf(report, 'ddi');
    expect(ddi.status).toBe('fail');
    expect(ddi.evidence).toMatchObject({
      group: 'Reception',
      'groupForwards.overflow': 'voicemail after 20 s',
    });
    expect(statusOf(report, 'subscriber')).toBe('skipped');
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

    simulator.setFaults({ targeted: [{ method: 'GET', path: /\/phone-numbers\/ddi$/, answer: 403 }] });
    const refused = await diagnose('--number', '81001');
    expect(refused.code).toBe(0);
    expect(refused.report.verdict).toBe('unknown');
    expect(statusOf(refused.report, 'ddi')).toBe('unknown');
  });

  it('refuses a malformed number, or a number and a device at once, with exit 2', async () => {
    expect((await cli(['--number', '12ab'])).code).toBe(2);
    expect((await cli(['--number', '81001', '--mac', '487a550a1b01'])).code).toBe(2);
  });
});
