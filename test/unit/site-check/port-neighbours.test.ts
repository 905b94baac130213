import { describe, expect, it } from 'vitest';
import { parseProcNetArp } from '../../../src-main/services/discovery/neighbour-parsers';
import {
  neighbourPhoneReader,
  phonesInNeighbourTable,
} from '../../../src-main/services/site-check/port-neighbours';
import type { SiteCheckSubject } from '../../../src-main/services/site-check/types';

const port: SiteCheckSubject = {
  interface: 'eth0',
  mac: '02:00:5e:10:00:10',
  addresses: ['198.18.3.10/24'],
  simulated: false,
};

// /proc/net/arp of a laptop on a site: two ALE deskphones and an RTX DECT base on eth0, a PC, a deskphone seen on
// another interface, and a phone that did not answer (flags 0x0).
const PROC_NET_ARP = `IP address       HW type     Flags       HW address            Mask     Device
198.18.3.21      0x1         0x2         48:7a:55:0a:1b:01     *        eth0
198.18.3.22      0x1         0x2         00:80:9f:00:00:22     *        eth0
198.18.3.23      0x1         0x2         00:08:7b:00:00:23     *        eth0
198.18.3.30      0x1         0x2         52:54:00:12:34:56     *        eth0
10.9.0.21        0x1         0x2         48:7a:55:0a:1b:09     *        wlan0
198.18.3.24      0x1         0x0         00:00:00:00:00:00     *        eth0
`;

describe('the phones of the neighbour table on a port', () => {
  it('keeps the ALE deskphones and DECT bases of this interface only', () => {
    expect(phonesInNeighbourTable(parseProcNetArp(PROC_NET_ARP), port)).toEqual([
      { mac: '487a550a1b01', ip: '198.18.3.21' },
      { mac: '00809f000022', ip: '198.18.3.22' },
      { mac: '00087b000023', ip: '198.18.3.23' },
    ]);
  });

  it("takes Windows' table, which names the interface by its address", () => {
    const entries = [
      { ip: '198.18.3.21', mac: '487a550a1b01', device: '198.18.3.10' },
      { ip: '10.9.0.21', mac: '487a550a1b09', device: '10.9.0.5' },
    ];
    expect(phonesInNeighbourTable(entries, port)).toEqual([{ mac: '487a550a1b01', ip: '198.18.3.21' }]);
  });

  it('reads the table through the reader it is given', async () => {
    const read = neighbourPhoneReader(() => Promise.resolve(parseProcNetArp(PROC_NET_ARP)));
    expect(await read(port)).toHaveLength(3);
  });
});
