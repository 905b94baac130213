import { describe, expect, it } from 'vitest';
import { confirmsReset } from '../../../src-main/shared/reset-confirmation';

const deskphone = { macAddress: '487a55000002', shortNumber: '81002' };
const handset = { ipei: '03807e7898' };

describe('factory reset confirmation', () => {
  it('accepts the MAC in any case and notation, the IPEI or the short number, and nothing else', () => {
    for (const typed of [
      '48:7a:55:00:00:02',
      '48-7A-55-00-00-02',
      '487A.5500.0002',
      ' 487a55000002 ',
      '81002',
    ]) {
      expect(confirmsReset(deskphone, typed), typed).toBe(true);
    }
    for (const typed of ['', '81003', '48:7a:55:00:00:03', 'yes', '8100']) {
      expect(confirmsReset(deskphone, typed), typed).toBe(false);
    }
    expect(confirmsReset(handset, '14343 0948376 *')).toBe(true);
    expect(confirmsReset(handset, '03807E7898')).toBe(true);
    expect(confirmsReset(handset, '81002')).toBe(false);
  });
});
