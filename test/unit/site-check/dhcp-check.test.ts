import { describe, expect, it } from 'vitest';
import { dhcpCheck } from '../../../src-main/services/site-check/dhcp-check';
import type { DhcpOffer } from '../../../src-main/services/site-check/dhcp-message';
import { decodeVendorSpecific } from '../../../src-main/services/site-check/vendor-options';

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
  vendorIdentifying: [],
  vlanId: null,
  voiceVlanHint: null,
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
    const with43 = offer('192.168.1.1', {
      tftpServerName: null,
      vendorSpecific: decodeVendorSpecific(Buffer.from('0102abcd', 'hex')),
    });
    expect(dhcpCheck({ kind: 'heard', offers: [with43] })).toMatchObject({
      status: 'ok',
      summary: '192.168.1.1 offers 192.168.1.50, provisioning option 43 (1=abcd)',
      evidence: { 'vendor (43)': '1=abcd' },
    });
  });

  it('does not take an option 43 holding only a voice VLAN hint as provisioning, and shows the hint', () => {
    const vendorSpecific = decodeVendorSpecific(Buffer.from([1, 11, ...Buffer.from('VLAN-A:100.')]));
    const hint = { vlans: [100], source: 'option 43 sub-option 1 (VLAN-A)' };
    const onlyHint = offer('192.168.1.1', { tftpServerName: null, vendorSpecific, voiceVlanHint: hint });
    const check = dhcpCheck({ kind: 'heard', offers: [onlyHint] });
    expect(check.status).toBe('fail');
    expect(check.summary).toMatch(/gives no provisioning server/);
    expect(check.evidence).toMatchObject({
      'vendor (43)': '1="VLAN-A:100."',
      voiceVlanHint: '100 (option 43 sub-option 1 (VLAN-A))',
    });
    const withProvisioning = offer('192.168.1.1', { vendorSpecific, voiceVlanHint: hint });
    expect(dhcpCheck({ kind: 'heard', offers: [withProvisioning] }).summary).toBe(
      '192.168.1.1 offers 192.168.1.50, provisioning http://prov.example, voice VLAN hint 100 (option 43 sub-option 1 (VLAN-A))',
    );
  });

  it("warns when the server of the laptop's own lease did not answer", () => {
    const check = dhcpCheck(
      { kind: 'heard', offers: [offer('192.168.1.66')] },
      { address: '192.168.1.20', server: '192.168.1.1', source: 'lease' },
    );
    expect(check).toMatchObject({ status: 'warn', evidence: { ownLeaseServer: '192.168.1.1' } });
    expect(check.summary).toBe("this laptop's lease is from 192.168.1.1, which did not answer now");
  });

  it("names the server of the laptop's own lease when nobody answers", () => {
    const check = dhcpCheck(
      { kind: 'heard', offers: [] },
      { address: '192.168.1.20', server: '192.168.1.1', source: 'lease' },
    );
    expect(check).toMatchObject({ status: 'fail', evidence: { servers: 0, ownLeaseServer: '192.168.1.1' } });
    expect(check.summary).toBe(
      "no DHCP server answered a phone's DISCOVER; this laptop's lease is from 192.168.1.1, which did not answer now",
    );
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
