import { describe, expect, it } from 'vitest';
import {
  decodeVendorIdentifying,
  decodeVendorSpecific,
  decodeVlanId,
  onlyVoiceVlanHint,
  vendorIdentifyingText,
  vendorSpecificText,
  voiceVlanHintOf,
  voiceVlanHintText,
} from '../../../src-main/services/site-check/vendor-options';

const tlv = (code: number, value: Buffer | string): Buffer => {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'latin1') : value;
  return Buffer.concat([Buffer.from([code, bytes.length]), bytes]);
};

describe('option 43', () => {
  it('is decoded as sub-options: printable values as text, others as hex, pads skipped, stopped at end', () => {
    const vendor = decodeVendorSpecific(
      Buffer.concat([
        tlv(58, 'tftp.site.example'),
        Buffer.from([0]),
        tlv(3, Buffer.from([10, 0, 0, 1])),
        Buffer.from([255, 9]),
      ]),
    );
    expect(vendor.subOptions).toEqual([
      { code: 58, value: 'tftp.site.example', text: true },
      { code: 3, value: '0a000001', text: false },
    ]);
    expect(vendorSpecificText(vendor)).toBe('58="tftp.site.example"; 3=0a000001');
  });

  it('is shown whole when its lengths do not add up to sub-options: as text when printable, else hex', () => {
    const textual = decodeVendorSpecific(Buffer.from('VLAN-A:100+200.\0'));
    expect(textual).toEqual({ subOptions: null, whole: { value: 'VLAN-A:100+200.', text: true } });
    expect(vendorSpecificText(textual)).toBe('"VLAN-A:100+200."');
    const binary = decodeVendorSpecific(Buffer.from([1, 9, 0xff]));
    expect(vendorSpecificText(binary)).toBe('0109ff');
  });
});

describe('option 125', () => {
  it("is decoded per enterprise, each part's sub-options as option 43's, a truncated last part dropped", () => {
    const firstPart = Buffer.concat([tlv(1, 'VLAN-A:210.'), tlv(2, Buffer.from([1, 2]))]);
    const bytes = Buffer.concat([
      Buffer.from([0, 0, 0x0d, 0xe9, firstPart.length]),
      firstPart,
      Buffer.from([0, 0, 0, 9, 20, 1]),
    ]);
    const parts = decodeVendorIdentifying(bytes);
    expect(parts).toHaveLength(1);
    expect(vendorIdentifyingText(parts)).toBe('enterprise 3561: 1="VLAN-A:210."; 2=0102');
    expect(voiceVlanHintOf(null, 300, parts)).toEqual({
      vlans: [210],
      source: 'option 125 enterprise 3561 sub-option 1 (VLAN-A)',
    });
  });
});

describe('voice VLAN hints', () => {
  it('reads a VLAN-A string in a sub-option or in the whole option, "," or "+" between ids, NONE as no VLAN', () => {
    const inSubOption = decodeVendorSpecific(Buffer.concat([tlv(2, 'x'), tlv(7, 'VLAN-A:120,130.')]));
    expect(voiceVlanHintOf(inSubOption, null)).toEqual({
      vlans: [120, 130],
      source: 'option 43 sub-option 7 (VLAN-A)',
    });
    const whole = decodeVendorSpecific(Buffer.from('VLAN-A:NONE.'));
    const hint = voiceVlanHintOf(whole, 300);
    expect(hint).toEqual({ vlans: [], source: 'option 43 (VLAN-A)' });
    expect(voiceVlanHintText(hint ?? { vlans: [1], source: '' })).toBe('none (option 43 (VLAN-A))');
  });

  it('ignores VLAN ids out of 1–4094 and option 43 without a VLAN-A string, falling back to option 132', () => {
    expect(voiceVlanHintOf(decodeVendorSpecific(Buffer.from('VLAN-A:4095.')), null)).toBeNull();
    expect(voiceVlanHintOf(decodeVendorSpecific(tlv(1, 'http://prov')), 42)).toEqual({
      vlans: [42],
      source: 'option 132',
    });
    expect(voiceVlanHintOf(null, null)).toBeNull();
  });

  it('decodes option 132 as a binary id or decimal text', () => {
    expect(decodeVlanId(Buffer.from([0x01, 0x2c]))).toBe(300);
    expect(decodeVlanId(Buffer.from('300'))).toBe(300);
    expect(decodeVlanId(Buffer.from([0]))).toBeNull();
    expect(decodeVlanId(Buffer.alloc(5, 1))).toBeNull();
  });

  it('tells an option 43 that holds only a voice VLAN hint from one that holds more', () => {
    expect(onlyVoiceVlanHint(decodeVendorSpecific(tlv(1, 'VLAN-A:100.')))).toBe(true);
    expect(
      onlyVoiceVlanHint(decodeVendorSpecific(Buffer.concat([tlv(1, 'VLAN-A:100.'), tlv(2, 'http://p')]))),
    ).toBe(false);
    expect(onlyVoiceVlanHint(decodeVendorSpecific(Buffer.from('VLAN-A:100.')))).toBe(true);
  });
});
