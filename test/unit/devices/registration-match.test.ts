import { describe, expect, it } from 'vitest';
import { registrationFrom, registrationsKey } from '../../../src-main/services/devices/registration-match';
import type { Registration } from '../../../src-main/services/rainbow/types';

const base: Registration = {
  id: 'uloc-1',
  fullSipURI: 'sip:81002@10.0.0.5:5061',
  expirationDate: '2025-01-01 10:00:00',
};

describe('which phone a registration comes from', () => {
  it('matches the macAddress field in any case', () => {
    expect(
      registrationFrom({ ...base, macAddress: '487A55000002' }, { kind: 'mac', value: '487a55000002' }),
    ).toBe(true);
    expect(
      registrationFrom({ ...base, macAddress: '487A55000003' }, { kind: 'mac', value: '487a55000002' }),
    ).toBe(false);
  });

  it('finds the identifier in the user agent when the fields are missing', () => {
    const deskphone = { ...base, user_agent: 'ALE M5-CE 2.13.0.64 487a55000002' };
    expect(registrationFrom(deskphone, { kind: 'mac', value: '487a55000002' })).toBe(true);
    const dect = {
      ...base,
      macAddress: '00087B1F5759',
      user_agent: 'IPDECT-V2/99.01.0004 (MAC=00087B1F5759; SER= 00000; HW=8);IPEI=03:a8:c0:07:1f;v0690_b0005',
    };
    expect(registrationFrom(dect, { kind: 'ipei', value: '03a8c0071f' })).toBe(true);
    expect(registrationFrom(dect, { kind: 'ipei', value: '03a8c0071e' })).toBe(false);
    expect(
      registrationFrom(
        { ...base, user_agent: 'ALE M5 2.13 ffff487a55000002' },
        { kind: 'mac', value: '487a55000002' },
      ),
    ).toBe(false);
  });

  it('ignores a refreshed expiry when comparing polls', () => {
    const later = { ...base, expirationDate: '2025-01-01 10:30:00' };
    expect(registrationsKey([base])).toBe(registrationsKey([later]));
    expect(registrationsKey([base])).not.toBe(
      registrationsKey([{ ...base, fullSipURI: 'sip:81002@10.0.0.6:5061' }]),
    );
  });
});
