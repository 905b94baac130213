import { describe, expect, it } from 'vitest';
import type { Check } from '../../../src-main/shared/check-ladder';
import {
  SiteCheckService,
  type CloudPbxSide,
} from '../../../src-main/services/site-check/site-check-service';
import { createSimulatedSite } from '../../../src-main/services/site-check/simulated-site';

const NOW = 1_780_000_000_000;
const targets = { rainbowHost: 'openrainbow.com', sipProxy: '5.eu1.sip.openrainbow.com' };
const service = (cloudPbx?: CloudPbxSide) =>
  new SiteCheckService(() => createSimulatedSite(() => NOW), cloudPbx);

describe('SiteCheckService on the simulated site', () => {
  it('shows only the checks asked for, yet runs what they need first (tls needs dns and ntp)', async () => {
    const report = await service().run({ only: ['tls'], targets });
    expect(report.checks.map((check) => check.id)).toEqual(['tls']);
    expect(Object.keys(report.checks[0]?.evidence ?? {})).toEqual([
      'openrainbow.com:443',
      '5.eu1.sip.openrainbow.com:5061',
    ]);
    expect(report.checks[0]?.summary).toMatch(/intercepted by a Fortinet/);
  });

  it('adds what the CloudPBX side says after the LAN ladder, given that ladder, when a CloudPBX is chosen', async () => {
    const seen: { systemId: string; lan: readonly string[] }[] = [];
    const cloudPbx: CloudPbxSide = {
      checks: (systemId, lan) => {
        seen.push({ systemId, lan: lan.checks.map((check) => `${check.id}:${check.status}`) });
        const declared: Check = {
          id: 'cloudpbx',
          status: 'ok',
          summary: 'phones declared',
          evidence: {},
          fix: null,
        };
        return Promise.resolve([declared]);
      },
    };
    const withSystem = await service(cloudPbx).run({ only: ['dhcp'], targets, systemId: 'pbx-1' });
    expect(withSystem.checks.map((check) => check.id)).toEqual(['dhcp', 'cloudpbx']);
    expect(seen).toEqual([{ systemId: 'pbx-1', lan: ['dhcp:fail'] }]);
    const without = await service(cloudPbx).run({ only: ['dhcp'], targets });
    expect(without.checks.map((check) => check.id)).toEqual(['dhcp']);
  });

  it('refuses an interface that is not there, naming those that are', async () => {
    await expect(service().run({ interface: 'eth9', targets })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'There is no interface "eth9" here.',
      hint: 'Interfaces: sim0.',
    });
  });
});

describe('ntp without an NTP server from DHCP', () => {
  it('only resolves the public pool a phone would fall back to, through the DHCP resolver, and never queries it', async () => {
    const site = createSimulatedSite(() => NOW);
    const asked: string[] = [];
    const withoutOption42 = {
      ...site,
      probeDhcp: async (iface: Parameters<typeof site.probeDhcp>[0]) => {
        const result = await site.probeDhcp(iface);
        return result.kind === 'heard'
          ? { ...result, offers: result.offers.map((offer) => ({ ...offer, ntpServers: [] })) }
          : result;
      },
      resolve: (name: string, server: string) => {
        asked.push(`${name} @${server}`);
        return site.resolve(name, server);
      },
      sntp: (server: string) => {
        asked.push(`sntp ${server}`);
        return site.sntp(server);
      },
    };
    const report = await new SiteCheckService(() => withoutOption42).run({ only: ['ntp'], targets });
    expect(report.checks[0]).toMatchObject({
      id: 'ntp',
      status: 'warn',
      summary: 'DHCP hands out no NTP server (option 42)',
      evidence: { 'pool.ntp.org (resolved, not queried)': '203.0.113.10' },
    });
    expect(asked).toEqual(['pool.ntp.org @192.0.2.1']);
  });
});
