// DHCP (RFC 2131/2132) as a phone speaks it: the one DISCOVER a site check sends, and the OFFERs it reads back.
import {
  decodeVendorIdentifying,
  decodeVendorSpecific,
  decodeVlanId,
  voiceVlanHintOf,
  type VendorIdentifying,
  type VendorSpecific,
  type VoiceVlanHint,
} from './vendor-options';

const BOOTREQUEST = 1;
const BOOTREPLY = 2;
const HARDWARE_ETHERNET = 1;
const MAGIC_COOKIE = 0x63825363;
const HEADER_LENGTH = 236;
const BROADCAST_FLAG = 0x8000;

export const DHCP_MESSAGE_TYPE = { discover: 1, offer: 2, request: 3, ack: 5, release: 7 } as const;

const OPTION = {
  pad: 0,
  subnetMask: 1,
  router: 3,
  dnsServers: 6,
  domainName: 15,
  ntpServers: 42,
  vendorSpecific: 43,
  requestedAddress: 50,
  leaseTime: 51,
  messageType: 53,
  serverId: 54,
  parameterList: 55,
  vendorClass: 60,
  tftpServerName: 66,
  vendorIdentifying: 125,
  bootFile: 67,
  sipServers: 120,
  // IANA: "IEEE 802.1Q VLAN ID" (a site-specific voice VLAN hint some phones read).
  vlanId: 132,
  tftpServers: 150,
  // Option 160: provisioning URL read by ALE and Polycom phones when 66 is missing.
  provisioningUrl: 160,
  end: 255,
} as const;

/**
 * The options a phone asks for (option 55), in the order a Myriad deskphone sends them, then 125 and 132 so that a
 * server giving a voice VLAN hint there (it sends only what was asked for) shows it.
 */
const PHONE_PARAMETERS = [
  OPTION.subnetMask,
  OPTION.router,
  OPTION.dnsServers,
  OPTION.domainName,
  OPTION.ntpServers,
  OPTION.vendorSpecific,
  OPTION.tftpServerName,
  OPTION.bootFile,
  OPTION.sipServers,
  OPTION.tftpServers,
  OPTION.provisioningUrl,
  OPTION.vendorIdentifying,
  OPTION.vlanId,
];

/** The vendor class (option 60) an ALE deskphone announces, so servers answer with what they give phones. */
export const PHONE_VENDOR_CLASS = 'alcatel.int-ip.0';

export interface DiscoverOptions {
  readonly transactionId: number;
  /** 6 bytes: the client hardware address (the laptop's MAC). */
  readonly mac: Buffer;
  readonly vendorClass?: string;
}

export function encodeDiscover(options: DiscoverOptions): Buffer {
  if (options.mac.length !== 6) throw new Error('A DHCP client hardware address has 6 bytes');
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt8(BOOTREQUEST, 0);
  header.writeUInt8(HARDWARE_ETHERNET, 1);
  header.writeUInt8(6, 2);
  header.writeUInt32BE(options.transactionId >>> 0, 4);
  // The laptop has no address the server could answer to yet as far as DHCP is concerned: ask for broadcast.
  header.writeUInt16BE(BROADCAST_FLAG, 10);
  options.mac.copy(header, 28);
  const vendorClass = Buffer.from(options.vendorClass ?? PHONE_VENDOR_CLASS, 'ascii');
  const cookie = Buffer.alloc(4);
  cookie.writeUInt32BE(MAGIC_COOKIE);
  return Buffer.concat([
    header,
    cookie,
    Buffer.from([OPTION.messageType, 1, DHCP_MESSAGE_TYPE.discover]),
    Buffer.from([OPTION.vendorClass, vendorClass.length]),
    vendorClass,
    Buffer.from([OPTION.parameterList, PHONE_PARAMETERS.length, ...PHONE_PARAMETERS]),
    Buffer.from([OPTION.end]),
  ]);
}

/** The options of an OFFER a phone uses, decoded. */
export interface DhcpOffer {
  readonly transactionId: number;
  readonly messageType: number;
  /** Option 54, else the sender's address. */
  readonly server: string;
  readonly offeredAddress: string;
  readonly subnetMask: string | null;
  readonly routers: readonly string[];
  readonly dnsServers: readonly string[];
  readonly domainName: string | null;
  readonly ntpServers: readonly string[];
  /** Option 43, its content vendor-defined: decoded as sub-options where it is a well-formed list of them. */
  readonly vendorSpecific: VendorSpecific | null;
  /** Option 125, one part per enterprise; empty without it. */
  readonly vendorIdentifying: readonly VendorIdentifying[];
  /** Option 132. */
  readonly vlanId: number | null;
  /** The voice VLAN a phone would be told to use, from option 43, 125 or 132. */
  readonly voiceVlanHint: VoiceVlanHint | null;
  readonly tftpServerName: string | null;
  readonly bootFile: string | null;
  readonly sipServers: readonly string[];
  readonly tftpServers: readonly string[];
  readonly provisioningUrl: string | null;
  readonly leaseSeconds: number | null;
}

const ipv4At = (bytes: Buffer, offset: number): string =>
  `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;

function addresses(value: Buffer | undefined): string[] {
  if (!value || value.length % 4 !== 0) return [];
  const list: string[] = [];
  for (let offset = 0; offset < value.length; offset += 4) list.push(ipv4At(value, offset));
  return list;
}

const text = (value: Buffer | undefined): string | null =>
  value === undefined ? null : value.toString('latin1').replace(/\0+$/, '');

/**
 * Option 120 (RFC 3361): encoding 0 is a list of DNS names (label-encoded), encoding 1 a list of addresses.
 */
function sipServers(value: Buffer | undefined): string[] {
  if (!value || value.length < 2) return [];
  const body = value.subarray(1);
  if (value[0] === 1) return addresses(body);
  if (value[0] !== 0) return [];
  const names: string[] = [];
  let labels: string[] = [];
  for (let offset = 0; offset < body.length;) {
    const length = body[offset] ?? 0;
    offset += 1;
    if (length === 0) {
      if (labels.length > 0) names.push(labels.join('.'));
      labels = [];
      continue;
    }
    if (length > 63 || offset + length > body.length) return names; // compression pointers are not followed
    labels.push(body.subarray(offset, offset + length).toString('latin1'));
    offset += length;
  }
  return names;
}

/** Options of a DHCP message, concatenated when an option appears more than once (RFC 3396). */
function readOptions(bytes: Buffer, start: number): Map<number, Buffer> {
  const options = new Map<number, Buffer>();
  for (let offset = start; offset < bytes.length;) {
    const code = bytes[offset] ?? OPTION.end;
    if (code === OPTION.end) break;
    if (code === OPTION.pad) {
      offset += 1;
      continue;
    }
    const length = bytes[offset + 1];
    if (length === undefined || offset + 2 + length > bytes.length) break;
    const value = bytes.subarray(offset + 2, offset + 2 + length);
    const previous = options.get(code);
    options.set(code, previous ? Buffer.concat([previous, value]) : value);
    offset += 2 + length;
  }
  return options;
}

/** The reply to `transactionId`, or undefined for anything else (another client's reply, junk, a request). */
export function decodeOffer(
  bytes: Buffer,
  transactionId: number,
  senderAddress: string,
): DhcpOffer | undefined {
  if (bytes.length < HEADER_LENGTH + 4 || bytes[0] !== BOOTREPLY) return undefined;
  if (bytes.readUInt32BE(4) !== transactionId >>> 0 || bytes.readUInt32BE(HEADER_LENGTH) !== MAGIC_COOKIE)
    return undefined;
  const options = readOptions(bytes, HEADER_LENGTH + 4);
  const messageType = options.get(OPTION.messageType)?.[0];
  if (messageType === undefined) return undefined;
  const serverId = addresses(options.get(OPTION.serverId))[0];
  const lease = options.get(OPTION.leaseTime);
  const vendorBytes = options.get(OPTION.vendorSpecific);
  const vendorSpecific = vendorBytes ? decodeVendorSpecific(vendorBytes) : null;
  const vlanBytes = options.get(OPTION.vlanId);
  const vlanId = vlanBytes ? decodeVlanId(vlanBytes) : null;
  const identifyingBytes = options.get(OPTION.vendorIdentifying);
  const vendorIdentifying = identifyingBytes ? decodeVendorIdentifying(identifyingBytes) : [];
  return {
    transactionId,
    messageType,
    server: serverId ?? senderAddress,
    offeredAddress: ipv4At(bytes, 16),
    subnetMask: addresses(options.get(OPTION.subnetMask))[0] ?? null,
    routers: addresses(options.get(OPTION.router)),
    dnsServers: addresses(options.get(OPTION.dnsServers)),
    domainName: text(options.get(OPTION.domainName)),
    ntpServers: addresses(options.get(OPTION.ntpServers)),
    vendorSpecific,
    vendorIdentifying,
    vlanId,
    voiceVlanHint: voiceVlanHintOf(vendorSpecific, vlanId, vendorIdentifying),
    tftpServerName: text(options.get(OPTION.tftpServerName)),
    bootFile: text(options.get(OPTION.bootFile)),
    sipServers: sipServers(options.get(OPTION.sipServers)),
    tftpServers: addresses(options.get(OPTION.tftpServers)),
    provisioningUrl: text(options.get(OPTION.provisioningUrl)),
    leaseSeconds: lease?.length === 4 ? lease.readUInt32BE(0) : null,
  };
}
