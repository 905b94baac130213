// The site check on a real LAN port: the site-check lab (test/lan/site-lab.ts), with the check running inside the
// laptop's namespace. Each fault of issue 12 must be named by the right check with the right fix, and the clean
// site must give all `ok`. Also the laptop's own lease from a real dhclient, and the CLI's CloudPBX join from the
// laptop's neighbour table, against the simulator in the laptop's namespace.
// Needs root: `npx vitest run --project integration test/integration/site-check`.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteLab, LAB_VOICE_VLAN, type SiteFault, type SiteLab } from '../../lan/site-lab';
import type { SiteCheckReport } from '../../../src-main/services/site-check/types';
import type { LabSiteCheck } from './support/run-site-check';
import { RUN_CLI, simulatorInLab } from '../../lan/lab-simulator';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';

const RUN_TYPESCRIPT = fileURLToPath(new URL('../vault/support/run-typescript.mjs', import.meta.url));
const RUNNER = fileURLToPath(new URL('./support/run-site-check.ts', import.meta.url));

let site: SiteLab;

beforeAll(async () => {
  site = await createSiteLab();
});

afterAll(async () => {
  await site?.teardown();
});

async function siteCheck(
  faults: readonly SiteFault[],
  options: { only?: LabSiteCheck['request']['only']; dhclientLeaseFile?: string } = {},
): Promise<SiteCheckReport> {
  await site.setFaults(faults);
  const input: LabSiteCheck = {
    request: {
      interface: 'eth0',
      listenLldpSeconds: 15,
      targets: { rainbowHost: site.rainbowHost, sipProxy: site.sipProxy },
      ...(options.only ? { only: options.only } : {}),
    },
    lldpSocket: site.lldpSocket,
    extraCa: site.caPem,
    ...(options.dhclientLeaseFile === undefined ? {} : { dhclientLeaseFile: options.dhclientLeaseFile }),
  };
  const result = await site.lab.exec([process.execPath, RUN_TYPESCRIPT, RUNNER, JSON.stringify(input)], {
    in: 'laptop',
    timeoutMs: 60_000,
  });
  if (result.code !== 0) throw new Error(`site check failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as SiteCheckReport;
}

/** `fieldkit ARGS` from the sources, inside the laptop's namespace, with `env`. */
function cliInLaptop(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = site.lab.spawnIn('laptop', process.execPath, [RUN_CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const byId = (report: SiteCheckReport) => Object.fromEntries(report.checks.map((check) => [check.id, check]));

describe('site check in the lab', () => {
  it('gives all ok on the clean site, with what the switch and DHCP announce', async () => {
    const report = await siteCheck([]);
    const checks = byId(report);
    expect(report.checks.map((check) => [check.id, check.status])).toEqual([
      ['link', 'ok'],
      ['lldp', 'ok'],
      ['dhcp', 'ok'],
      ['dns', 'ok'],
      ['ntp', 'ok'],
      ['tls', 'ok'],
    ]);
    expect(report.verdict).toBe('ok');
    expect(report.subject).toMatchObject({
      interface: 'eth0',
      addresses: ['198.18.3.10/24'],
      simulated: false,
    });
    expect(checks.lldp?.evidence).toMatchObject({
      switch: 'lab-switch',
      voiceVlan: LAB_VOICE_VLAN,
      voiceDscp: 46,
    });
    expect(checks.dhcp?.evidence).toMatchObject({
      servers: 1,
      server: site.router,
      'ntp (42)': site.router,
      'vendor (43)': `1="VLAN-A:${LAB_VOICE_VLAN}."`,
      voiceVlanHint: `${LAB_VOICE_VLAN} (option 43 sub-option 1 (VLAN-A))`,
    });
  });

  it("reads the laptop's own lease from a real DHCP client, and says when its server no longer answers", async () => {
    const dhclientLeaseFile = await site.takeLaptopLease();
    const served = byId(await siteCheck([], { only: ['dhcp'], dhclientLeaseFile })).dhcp;
    expect(served).toMatchObject({
      status: 'ok',
      evidence: { servers: 1, server: site.router, ownLeaseServer: site.router },
    });
    const silenced = byId(await siteCheck(['dhcp-silent'], { only: ['dhcp'], dhclientLeaseFile })).dhcp;
    expect(silenced).toMatchObject({
      status: 'fail',
      evidence: { servers: 0, ownLeaseServer: site.router },
    });
    expect(silenced?.summary).toBe(
      `no DHCP server answered a phone's DISCOVER; this laptop's lease is from ${site.router}, which did not answer now`,
    );
    expect(silenced?.fix).toContain(`Check the DHCP server ${site.router}`);
  });

  it('names a missing option 66 and a rogue DHCP server in dhcp, an NXDOMAIN in dns, a blocked NTP in ntp, a certificate not yet valid in tls', async () => {
    const report = await siteCheck([
      'no-option-66',
      'rogue-dhcp',
      'nxdomain',
      'ntp-blocked',
      'cert-not-yet-valid',
    ]);
    const checks = byId(report);
    expect(report.verdict).toBe('problem');
    expect(checks.link?.status).toBe('ok');
    expect(checks.lldp?.status).toBe('ok');
    expect(checks.dhcp).toMatchObject({
      status: 'fail',
      evidence: { servers: 2, otherServer1: '198.18.3.66' },
    });
    expect(checks.dhcp?.summary).toMatch(/gives no provisioning server \(no option 66, 160 or 43\)/);
    expect(checks.dhcp?.summary).toMatch(/2 DHCP servers answered/);
    expect(checks.dhcp?.fix).toMatch(/Add option 66/);
    expect(checks.dhcp?.fix).toMatch(/switch off the other \(a rogue server\)/);
    expect(checks.dns).toMatchObject({ status: 'fail' });
    expect(checks.dns?.summary).toBe(`${site.router} says ${site.sipProxy} does not exist`);
    expect(checks.ntp).toMatchObject({ status: 'fail', summary: `${site.router} does not answer NTP` });
    expect(checks.ntp?.fix).toMatch(/Allow UDP 123/);
    expect(checks.tls?.status).toBe('fail');
    expect(checks.tls?.summary).toMatch(
      /rainbow\.lab\.test:443's certificate is not yet valid by this laptop's clock/,
    );
    expect(checks.tls?.summary).toMatch(/sip\.lab\.test:5061 not tried: the name did not resolve/);
  });

  it('names an NTP server with a wrong clock in ntp and a blocked 5061 in tls', async () => {
    const report = await siteCheck(['wrong-clock', 'sip-tls-blocked']);
    const checks = byId(report);
    expect(checks.ntp?.status).toBe('fail');
    expect(checks.ntp?.summary).toMatch(/is 10\d{3} s off this laptop's clock/);
    expect(checks.ntp?.fix).toMatch(/Fix the time of the NTP server/);
    expect(checks.tls?.status).toBe('fail');
    expect(checks.tls?.summary).toMatch(/sip\.lab\.test:5061 is blocked \(connection refused\)/);
    expect(checks.tls?.fix).toMatch(/Allow TCP 5061/);
    expect(checks.tls?.summary).not.toMatch(/rainbow\.lab\.test/);
    expect(checks.dhcp?.status).toBe('ok');
    expect(checks.dns?.status).toBe('ok');
  });

  it('joins the CloudPBX on a real site from the neighbour table: `fieldkit site-check --system` names the phone not declared', async () => {
    await site.setFaults([]);
    const declared = site.lab.host('declared-phone');
    const undeclared = site.lab.host('new-phone');
    // The laptop talks to both phones, as it would have on site, so its neighbour table knows them.
    for (const phone of [declared, undeclared]) {
      const ping = await site.lab.exec(['ping', '-c', '1', '-W', '5', phone.ip], { in: 'laptop' });
      expect(ping.code, ping.stderr).toBe(0);
    }
    const simulator = await simulatorInLab(site.lab, 'laptop');
    const { code, stdout, stderr } = await cliInLaptop(
      ['site-check', '--interface', 'eth0', '--system', DEMO_SYSTEM_IDS.lyon, '--only', 'link', '--json'],
      simulator.env,
    ).finally(simulator.stop);
    const report = JSON.parse(stdout) as SiteCheckReport;
    expect(
      report.checks.map((check) => [check.id, check.status]),
      stderr,
    ).toEqual([
      ['link', 'ok'],
      ['cloudpbx', 'fail'],
    ]);
    expect(code).toBe(1);
    const cloudpbx = byId(report).cloudpbx;
    const macOf = (host: { mac: string }): string => host.mac.replaceAll(':', '');
    expect(cloudpbx?.evidence).toMatchObject({
      'phones.seen': 2,
      'phones.diagnosed': 2,
      'phones.source': "this laptop's neighbour table for eth0 (no discovery this session)",
      'phones.caveat': expect.stringMatching(/run `fieldkit discover` \(or the Discover screen\) first/),
      [`phone.${macOf(undeclared)}`]: `${undeclared.ip}: problem (declared)`,
    });
    expect(cloudpbx?.evidence[`phone.${macOf(declared)}`]).toBe(`${declared.ip}: ok`);
    expect(cloudpbx?.summary).toBe(
      `LAN fine; phone ${macOf(undeclared)} (${undeclared.ip}): No CloudPBX of the account has a device with MAC address 00:80:9F:00:77:01.`,
    );
    expect(cloudpbx?.fix).toBe('Register the phone on this CloudPBX.');
  });

  // Last: the switch stays CDP-only until the lab is torn down.
  it('reports the switch when it speaks CDP only', async () => {
    await site.speakCdpOnly();
    const report = await siteCheck([]);
    const lldp = byId(report).lldp;
    expect(lldp?.status).not.toBe('fail');
    expect(lldp?.evidence).toMatchObject({
      protocol: 'CDPv2',
      switch: 'lab-switch',
    });
    expect(lldp?.summary).toMatch(/lab-switch/);
  });
});
