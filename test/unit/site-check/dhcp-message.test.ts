import { describe, expect, it } from 'vitest';
import {
  decodeOffer,
  encodeDiscover,
  PHONE_VENDOR_CLASS,
} from '../../../src-main/services/site-check/dhcp-message';

const MAC = Buffer.from('02005e100010', 'hex');
const XID = 0xdeadbeef;

/** An OFFER as a server would build it, with `options` as [code, bytes] pairs. */
function offer(options: [number, Buffer][], transactionId = XID): Buffer {
  const header = Buffer.alloc(236);
  header[0] = 2;
  header.writeUInt32BE(transactionId, 4);
  Buffer.from([198, 18, 3, 120]).copy(header, 16);
  const body = options.flatMap(([code, value]) => [Buffer.from([code, value.length]), value]);
  return Buffer.concat([header, Buffer.from([0x63, 0x82, 0x53, 0x63]), ...body, Buffer.from([255])]);
}
const ip = (text: string): Buffer => Buffer.from(text.split('.').map(Number));

describe('DHCP DISCOVER', () => {
  it("is a broadcast BOOTREQUEST with the laptop's MAC, a phone's vendor class and the options a phone asks for", () => {
    const bytes = encodeDiscover({ transactionId: XID, mac: MAC });
    expect(bytes[0]).toBe(1);
    expect(bytes.readUInt32BE(4)).toBe(XID);
    expect(bytes.readUInt16BE(10)).toBe(0x8000);
    expect(bytes.subarray(28, 34)).toEqual(MAC);
    expect(bytes.readUInt32BE(236)).toBe(0x63825363);
    const options = bytes.subarray(240);
    expect([...options.subarray(0, 3)]).toEqual([53, 1, 1]);
    expect(options.subarray(5, 5 + PHONE_VENDOR_CLASS.length).toString()).toBe(PHONE_VENDOR_CLASS);
    expect(options.includes(Buffer.from([66, 67, 120, 150, 160, 125, 132]))).toBe(true);
    expect(options.at(-1)).toBe(255);
  });

  it('refuses a hardware address that is not 6 bytes', () => {
    expect(() => encodeDiscover({ transactionId: 1, mac: Buffer.alloc(5) })).toThrow(/6 bytes/);
  });
});

describe('DHCP OFFER', () => {
  it('decodes every option a phone uses', () => {
    const sip = Buffer.concat([
      Buffer.from([0, 3]),
      Buffer.from('sip'),
      Buffer.from([3]),
      Buffer.from('lab'),
      Buffer.from([4]),
      Buffer.from('test'),
      Buffer.from([0]),
    ]);
    const decoded = decodeOffer(
      offer([
        [53, Buffer.from([2])],
        [54, ip('198.18.3.1')],
        [1, ip('255.255.255.0')],
        [3, ip('198.18.3.1')],
        [6, Buffer.concat([ip('198.18.3.1'), ip('198.18.3.2')])],
        [15, Buffer.from('lab.test\0')],
        [42, ip('198.18.3.1')],
        [43, Buffer.from([1, 2, 0xab, 0xcd])],
        [66, Buffer.from('https://prov.lab.test')],
        [67, Buffer.from('m7.cfg')],
        [120, sip],
        [150, ip('198.18.3.5')],
        [160, Buffer.from('https://dm.lab.test/')],
        [51, Buffer.from([0, 0, 2, 88])],
      ]),
      XID,
      '198.18.3.99',
    );
    expect(decoded).toEqual({
      transactionId: XID,
      messageType: 2,
      server: '198.18.3.1',
      offeredAddress: '198.18.3.120',
      subnetMask: '255.255.255.0',
      routers: ['198.18.3.1'],
      dnsServers: ['198.18.3.1', '198.18.3.2'],
      domainName: 'lab.test',
      ntpServers: ['198.18.3.1'],
      vendorSpecific: {
        subOptions: [{ code: 1, value: 'abcd', text: false }],
        whole: { value: '0102abcd', text: false },
      },
      vendorIdentifying: [],
      vlanId: null,
      voiceVlanHint: null,
      tftpServerName: 'https://prov.lab.test',
      bootFile: 'm7.cfg',
      sipServers: ['sip.lab.test'],
      tftpServers: ['198.18.3.5'],
      provisioningUrl: 'https://dm.lab.test/',
      leaseSeconds: 600,
    });
  });

  it('takes option 120 as addresses with encoding 1, and the sender when there is no server identifier', () => {
    const decoded = decodeOffer(
      offer([
        [53, Buffer.from([2])],
        [120, Buffer.concat([Buffer.from([1]), ip('198.18.3.7')])],
      ]),
      XID,
      '198.18.3.99',
    );
    expect(decoded).toMatchObject({
      server: '198.18.3.99',
      sipServers: ['198.18.3.7'],
      tftpServerName: null,
    });
  });

  // An option 43 of two sub-options closed by an end marker (RFC 2132 §8.4), and option 132 given as text.
  it('decodes option 43 into sub-options and reads the voice VLAN hint from its VLAN-A string before option 132', () => {
    const decoded = decodeOffer(
      offer([
        [53, Buffer.from([2])],
        [43, Buffer.from('010b564c414e2d413a3130302e0204c6120301ff', 'hex')],
        [132, Buffer.from('200')],
      ]),
      XID,
      '198.18.3.1',
    );
    expect(decoded).toMatchObject({
      vendorSpecific: {
        subOptions: [
          { code: 1, value: 'VLAN-A:100.', text: true },
          { code: 2, value: 'c6120301', text: false },
        ],
      },
      vlanId: 200,
      voiceVlanHint: { vlans: [100], source: 'option 43 sub-option 1 (VLAN-A)' },
    });
  });

  it('takes option 132 as the voice VLAN hint when option 43 has none, binary or text', () => {
    const binary = decodeOffer(
      offer([
        [53, Buffer.from([2])],
        [132, Buffer.from([0, 0, 0, 100])],
      ]),
      XID,
      '198.18.3.1',
    );
    expect(binary).toMatchObject({ vlanId: 100, voiceVlanHint: { vlans: [100], source: 'option 132' } });
    const outOfRange = decodeOffer(
      offer([
        [53, Buffer.from([2])],
        [132, Buffer.from('5000')],
      ]),
      XID,
      '198.18.3.1',
    );
    expect(outOfRange).toMatchObject({ vlanId: null, voiceVlanHint: null });
  });

  it("ignores another client's reply, a request and truncated junk", () => {
    expect(decodeOffer(offer([[53, Buffer.from([2])]], 42), XID, '198.18.3.1')).toBeUndefined();
    const request = offer([[53, Buffer.from([2])]]);
    request[0] = 1;
    expect(decodeOffer(request, XID, '198.18.3.1')).toBeUndefined();
    expect(decodeOffer(Buffer.alloc(100), XID, '198.18.3.1')).toBeUndefined();
    // An option running past the end stops the reading instead of reading outside the message.
    const cut = Buffer.concat([
      offer([[53, Buffer.from([2])]]).subarray(0, -1),
      Buffer.from([66, 200, 1, 2]),
    ]);
    expect(decodeOffer(cut, XID, '198.18.3.1')).toMatchObject({ messageType: 2, tftpServerName: null });
  });
});
