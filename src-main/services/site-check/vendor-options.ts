// DHCP options whose content is vendor-defined, decoded for a technician: option 43 (vendor-specific information,
// RFC 2132 §8.4) as its sub-options, option 125 (vendor-identifying, RFC 3925) as its enterprises' sub-options,
// and the voice VLAN hints a phone may read from a DHCP answer.
//
// No ALE reference says which sub-options ALE phones read, so options 43 and 125 are decoded generically (code,
// length, value) and only two documented forms are called a voice VLAN hint: the "VLAN-A:" string of the
// DHCP VLAN discovery (Nortel/Avaya deskphones, also used by other vendors), wherever it appears in option 43 or
// 125, and option 132, which IANA lists as "IEEE 802.1Q VLAN ID".

/** One encapsulated option: printable values as text, others as hex. */
export interface VendorSubOption {
  readonly code: number;
  readonly value: string;
  readonly text: boolean;
}

export interface VendorSpecific {
  /** The sub-options, when the bytes are a well-formed code/length/value list; null when they are not. */
  readonly subOptions: readonly VendorSubOption[] | null;
  /** The whole option, as text when printable, else as hex. */
  readonly whole: { readonly value: string; readonly text: boolean };
}

/** One enterprise's part of option 125: its IANA enterprise number and its sub-options. */
export interface VendorIdentifying extends VendorSpecific {
  readonly enterprise: number;
}

export interface VoiceVlanHint {
  /** VLAN ids in the order given; an empty list means "no VLAN" (`VLAN-A:NONE`). */
  readonly vlans: readonly number[];
  /** Where it was read, e.g. `option 43 sub-option 1 (VLAN-A)` or `option 132`. */
  readonly source: string;
}

const SUB_OPTION_PAD = 0;
const SUB_OPTION_END = 255;
const MAX_VLAN_ID = 4094;

/** Text when every byte is printable ASCII (trailing NULs dropped, as RFC 2132 tells receivers to), else hex. */
function shown(bytes: Buffer): { value: string; text: boolean } {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  const body = bytes.subarray(0, end);
  const printable = body.length > 0 && body.every((byte) => byte >= 0x20 && byte <= 0x7e);
  return printable
    ? { value: body.toString('latin1'), text: true }
    : { value: bytes.toString('hex'), text: false };
}

/** The sub-options of option 43, or null when its bytes do not add up to a code/length/value list. */
function subOptionsOf(bytes: Buffer): VendorSubOption[] | null {
  const subOptions: VendorSubOption[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const code = bytes[offset] as number;
    if (code === SUB_OPTION_END) return subOptions.length > 0 ? subOptions : null;
    if (code === SUB_OPTION_PAD) {
      offset += 1;
      continue;
    }
    const length = bytes[offset + 1];
    if (length === undefined || offset + 2 + length > bytes.length) return null;
    subOptions.push({ code, ...shown(bytes.subarray(offset + 2, offset + 2 + length)) });
    offset += 2 + length;
  }
  return subOptions.length > 0 ? subOptions : null;
}

export function decodeVendorSpecific(bytes: Buffer): VendorSpecific {
  return { subOptions: subOptionsOf(bytes), whole: shown(bytes) };
}

/** Option 125: enterprise number (4 bytes), data length, data; a truncated last part is dropped. */
export function decodeVendorIdentifying(bytes: Buffer): VendorIdentifying[] {
  const parts: VendorIdentifying[] = [];
  for (let offset = 0; offset + 5 <= bytes.length;) {
    const enterprise = bytes.readUInt32BE(offset);
    const length = bytes[offset + 4] as number;
    if (offset + 5 + length > bytes.length) break;
    parts.push({ enterprise, ...decodeVendorSpecific(bytes.subarray(offset + 5, offset + 5 + length)) });
    offset += 5 + length;
  }
  return parts;
}

/** `1="VLAN-A:100."; 2=c6120301`, or the whole option when it has no sub-options. */
export function vendorSpecificText(vendor: VendorSpecific): string {
  const value = (shownValue: { value: string; text: boolean }): string =>
    shownValue.text ? `"${shownValue.value}"` : shownValue.value;
  return vendor.subOptions
    ? vendor.subOptions.map((subOption) => `${subOption.code}=${value(subOption)}`).join('; ')
    : value(vendor.whole);
}

const VLAN_A = /VLAN-A:(NONE|\d{1,4}(?:[+,]\d{1,4})*)/i;

/** The VLAN ids of a `VLAN-A:100+200.` string (`,` or `+` between ids), or undefined when there is none. */
function vlanDiscoveryIds(text: string): number[] | undefined {
  const list = VLAN_A.exec(text)?.[1];
  if (list === undefined) return undefined;
  if (list.toUpperCase() === 'NONE') return [];
  const ids = list.split(/[+,]/).map(Number);
  return ids.every((id) => id >= 1 && id <= MAX_VLAN_ID) ? ids : undefined;
}

/** `enterprise 3561: 1="…"` for each part of option 125. */
export function vendorIdentifyingText(parts: readonly VendorIdentifying[]): string {
  return parts.map((part) => `enterprise ${part.enterprise}: ${vendorSpecificText(part)}`).join(' | ');
}

/** A VLAN-A string in vendor options: in one of their sub-options, else in them as a whole. */
function vlanDiscoveryHint(vendor: VendorSpecific, where: string): VoiceVlanHint | undefined {
  for (const subOption of vendor.subOptions ?? []) {
    const vlans = subOption.text ? vlanDiscoveryIds(subOption.value) : undefined;
    if (vlans) return { vlans, source: `${where} sub-option ${subOption.code} (VLAN-A)` };
  }
  const vlans = vendor.whole.text ? vlanDiscoveryIds(vendor.whole.value) : undefined;
  return vlans && { vlans, source: `${where} (VLAN-A)` };
}

/** Option 132: a binary VLAN id (1 to 4 bytes) or the same in decimal text, as servers send either. */
export function decodeVlanId(bytes: Buffer): number | null {
  const textual = shown(bytes);
  const id =
    textual.text && /^\d{1,4}$/.test(textual.value)
      ? Number(textual.value)
      : bytes.length >= 1 && bytes.length <= 4
        ? bytes.readUIntBE(0, bytes.length)
        : undefined;
  return id !== undefined && id >= 1 && id <= MAX_VLAN_ID ? id : null;
}

/** True when option 43 holds a VLAN-A string and nothing else: then it tells a phone nothing about provisioning. */
export function onlyVoiceVlanHint(vendor: VendorSpecific): boolean {
  const isHint = (value: { value: string; text: boolean }): boolean =>
    value.text && vlanDiscoveryIds(value.value) !== undefined;
  return vendor.subOptions ? vendor.subOptions.every(isHint) : isHint(vendor.whole);
}

/** The voice VLAN a phone would be told to move to, from option 43, else 125, else 132. */
export function voiceVlanHintOf(
  vendor: VendorSpecific | null,
  vlanId: number | null,
  vendorIdentifying: readonly VendorIdentifying[] = [],
): VoiceVlanHint | null {
  const inVendorOptions = [
    ...(vendor ? [{ options: vendor, where: 'option 43' }] : []),
    ...vendorIdentifying.map((part) => ({
      options: part,
      where: `option 125 enterprise ${part.enterprise}`,
    })),
  ];
  for (const { options, where } of inVendorOptions) {
    const hint = vlanDiscoveryHint(options, where);
    if (hint) return hint;
  }
  return vlanId === null ? null : { vlans: [vlanId], source: 'option 132' };
}

/** `100, 200 (option 43 sub-option 1 (VLAN-A))`; `none (…)` for an explicit "no VLAN". */
export function voiceVlanHintText(hint: VoiceVlanHint): string {
  return `${hint.vlans.join(', ') || 'none'} (${hint.source})`;
}
