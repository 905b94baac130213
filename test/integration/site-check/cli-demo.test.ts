// `fieldkit site-check --demo`: the CLI through the one core to the demo's simulated site. Nothing is sent on any
// network; the report says so, has one fault per check, and keeps the product's flags, exit codes and JSON shape.
// With --system it is joined with the demo CloudPBX's diagnosis of the simulated site's phones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteCheckReport } from '../../../src-main/api/types';
import type { CliIo } from '../../../src-main/cli/io';
import { runCli } from '../../../src-main/cli/run';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';

let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'fieldkit-site-check-'));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { FIELDKIT_DATA_DIR: dataDir },
    untilInterrupted: () => new Promise<void>(() => undefined),
  };
  const code = await runCli(['site-check', '--demo', ...args], io, {
    keychainService: 'fieldkit-site-check-test',
  });
  return { code, stdout, stderr };
}

describe('fieldkit site-check --demo', () => {
  it('answers the simulated site as diagnose shapes a ladder, one fault per check, and exits 1', async () => {
    const { code, stdout } = await cli(['--json']);
    const report = JSON.parse(stdout) as SiteCheckReport;
    expect(code).toBe(1);
    expect(Object.keys(report)).toEqual(['subject', 'verdict', 'checks']);
    expect(report.subject).toEqual({
      interface: 'sim0',
      mac: '02:00:5e:00:53:17',
      addresses: ['192.0.2.23/24'],
      simulated: true,
    });
    expect(report.verdict).toBe('problem');
    expect(report.checks.map((check) => [check.id, check.status])).toEqual([
      ['link', 'fail'],
      ['lldp', 'warn'],
      ['dhcp', 'fail'],
      ['dns', 'fail'],
      ['ntp', 'fail'],
      ['tls', 'fail'],
    ]);
    for (const check of report.checks) expect(check.fix).toEqual(expect.any(String));
  });

  it('says in plain text that the site is simulated', async () => {
    const { code, stdout } = await cli([]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Simulated site \(demo\): nothing was sent on any network\.\n/);
    expect(stdout).toMatch(
      /\[FAIL\] tls: openrainbow\.com:443 is intercepted by a Fortinet TLS-inspecting proxy/,
    );
  });

  it('runs only the checks asked for, and exits 0 when none fails', async () => {
    const { code, stdout } = await cli(['--only', 'lldp', '--json', '--listen-lldp', '5']);
    const report = JSON.parse(stdout) as SiteCheckReport;
    expect(report.checks.map((check) => check.id)).toEqual(['lldp']);
    expect(report.verdict).toBe('ok');
    expect(code).toBe(0);
  });

  it("with --system, also resolves and reaches the CloudPBX's SIP domain", async () => {
    const { stdout } = await cli(['--system', DEMO_SYSTEM_IDS.lyon, '--only', 'dns,tls', '--json']);
    const report = JSON.parse(stdout) as SiteCheckReport;
    const tls = report.checks.find((check) => check.id === 'tls');
    expect(Object.keys(tls?.evidence ?? {})).toEqual([
      'openrainbow.com:443',
      expect.stringMatching(/:5061$/),
    ]);
  });

  it('with --system, joins the simulated site with what the demo CloudPBX says of its phones', async () => {
    const { code, stdout } = await cli(['--system', DEMO_SYSTEM_IDS.lyon, '--json']);
    const report = JSON.parse(stdout) as SiteCheckReport;
    expect(code).toBe(1);
    expect(report.checks.map((check) => check.id)).toEqual([
      'link',
      'lldp',
      'dhcp',
      'dns',
      'ntp',
      'tls',
      'cloudpbx',
    ]);
    const cloudPbx = report.checks.at(-1);
    expect(cloudPbx).toMatchObject({
      status: 'fail',
      summary: expect.stringMatching(
        /^LAN fails at link, dhcp, dns, ntp, tls; phone [0-9a-f]{12} \(198\.18\.\d+\.\d+\): .*SIP ALG/,
      ),
      evidence: { 'phones.diagnosed': 10, 'phones.seen': expect.any(Number) },
      fix: expect.stringMatching(/Turn off the SIP ALG/),
    });
    const phoneVerdicts = Object.entries(cloudPbx?.evidence ?? {}).filter(([field]) =>
      field.startsWith('phone.'),
    );
    expect(phoneVerdicts).toHaveLength(10);
    expect(phoneVerdicts.map(([, value]) => value)).toContainEqual(expect.stringMatching(/: ok$/));
  });

  it.each([
    [['--only', 'dhcp,vlan'], /"vlan" is not a check; the checks are link, lldp, dhcp, dns, ntp, tls/],
    [['--listen-lldp', '0'], /--listen-lldp must be a whole number of seconds from 1 to 120/],
    [['--listen-lldp', '2.5'], /--listen-lldp must be a whole number/],
    [['--system', 'not an id'], /--system "not an id" is not a CloudPBX id/],
    [['--interface', 'eth9'], /There is no interface "eth9" here\.\nInterfaces: sim0\./],
  ])('refuses %j with exit 2 and says why', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
