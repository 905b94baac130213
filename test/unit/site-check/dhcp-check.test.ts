import { describe, expect, it } from 'vitest';
import { dhcpCheck } from '../../../src-main/services/site-check/dhcp-check';
import type { DhcpOffer } from '../../../src-main/services/site-check/dhcp-message';

const offer = (server: string, overrides: Partial<DhcpOffer> = {}): DhcpOffer => ({
  transactionId: 1,
  messageType: 2,
  server,
  offeredAddress: '192.168.1.50',
  subnetMask: '255.255.255.0',
  routers: ['192.168.1.1'],
  dnsServers: ['192.168.1.1'],
  domainName: null,
  ntpServers: [],
  vendorSpecific: null,
  tftpServerName: 'http://prov.example',
  bootFile: null,
  sipServers: [],
  tftpServers: [],
  provisioningUrl: null,
  leaseSeconds: 3600,
  ...overrides,
});

describe('dhcp check', () => {
  it('is ok for one server giving a provisioning server and DNS', () => {
    expect(dhcpCheck({ kind: 'heard', offers: [offer('192.168.1.1')] })).toMatchObject({ status: 'ok' });
  });

  it('takes option 160 or 43 as provisioning when 66 is missing', () => {
    const with160 = offer('192.168.1.1', { tftpServerName: null, provisioningUrl: 'https://dm.example/' });
    expect(dhcpCheck({ kind: 'heard', offers: [with160] }).status).toBe('ok');
    const with43 = offer('192.168.1.1', { tftpServerName: null, vendorSpecific: '0102abcd' });
    expect(dhcpCheck({ kind: 'heard', offers: [with43] }).status).toBe('ok');
  });

  it("warns when the server of the laptop's own lease did not answer", () => {
    const check = dhcpCheck(
      { kind: 'heard', offers: [offer('192.168.1.66')] },
      { address: '192.168.1.20', server: '192.168.1.1', source: 'lease' },
    );
    expect(check).toMatchObject({ status: 'warn', evidence: { ownLeaseServer: '192.168.1.1' } });
    expect(check.summary).toBe("this laptop's lease is from 192.168.1.1, which did not answer now");
  });

  it('fails when nobody answers, and says how to get the privileges it lacks', () => {
    expect(dhcpCheck({ kind: 'heard', offers: [] })).toMatchObject({
      status: 'fail',
      evidence: { servers: 0 },
    });
    const refused = dhcpCheck({
      kind: 'needs-privileges',
      reason: 'binding UDP port 68 was refused (EACCES)',
    });
    expect(refused.status).toBe('unknown');
    expect(refused.fix).toMatch(/sudo fieldkit site-check.*setcap.*macOS.*Windows/s);
  });
});
