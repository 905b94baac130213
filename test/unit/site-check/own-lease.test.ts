import { describe, expect, it } from 'vitest';
import { parseDhclientLeases, parseKeyValueLease } from '../../../src-main/services/site-check/own-lease';

describe("the laptop's own lease", () => {
  it('reads a systemd-networkd / NetworkManager lease file', () => {
    const text =
      '# This is private data. Do not parse.\nADDRESS=192.168.1.20\nNETMASK=255.255.255.0\nSERVER_ADDRESS=192.168.1.1\nDNS=192.168.1.1\n';
    expect(parseKeyValueLease(text, '/run/systemd/netif/leases/2')).toEqual({
      address: '192.168.1.20',
      server: '192.168.1.1',
      source: '/run/systemd/netif/leases/2',
    });
    expect(parseKeyValueLease('ADDRESS=192.168.1.20\n', 'x')).toBeUndefined();
  });

  it("takes the interface's last lease from an ISC dhclient file", () => {
    const text = [
      'lease {\n  interface "eth0";\n  fixed-address 192.168.1.20;\n  option dhcp-server-identifier 192.168.1.1;\n}',
      'lease {\n  interface "wlan0";\n  fixed-address 10.0.0.5;\n  option dhcp-server-identifier 10.0.0.1;\n}',
      'lease {\n  interface "eth0";\n  fixed-address 192.168.1.21;\n  option dhcp-server-identifier 192.168.1.254;\n}',
    ].join('\n');
    expect(parseDhclientLeases(text, 'eth0', 'f')).toEqual({
      address: '192.168.1.21',
      server: '192.168.1.254',
      source: 'f',
    });
    expect(parseDhclientLeases(text, 'eth1', 'f')).toBeUndefined();
  });
});
