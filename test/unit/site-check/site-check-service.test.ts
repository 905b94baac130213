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
