import { describe, expect, it } from 'vitest';
import {
  assertModelFits,
  defaultDescription,
  modelsFitting,
  readIdentifier,
  swapRefusal,
} from '../../../src-main/services/devices/device-rules';
import { isFieldkitError } from '../../../src-main/services/errors';
import type { Device, DeviceModel } from '../../../src-main/services/rainbow/types';

const m5: DeviceModel = { id: 23, vendor: 'ALE', model: 'M5', category: 'deskphone' };
const m7: DeviceModel = { id: 24, vendor: 'ALE', model: 'M7', category: 'deskphone' };
const generic: DeviceModel = { id: 999999, vendor: 'ALE', model: 'Generic SIP', category: 'uncategorized' };
const dect: DeviceModel = { id: 999998, vendor: 'ALE', model: '8214DECT', category: 'dectmobile' };

const deskphone: Pick<Device, 'macAddress' | 'ipei' | 'shortNumber' | 'deviceType'> = {
  macAddress: '487a55000002',
  shortNumber: '81002',
  deviceType: { id: 23, vendor: 'ALE', model: 'M5' },
};
const handset: Pick<Device, 'macAddress' | 'ipei' | 'shortNumber' | 'deviceType'> = {
  ipei: '03807e7898',
  deviceType: { id: 999998, vendor: 'ALE', model: '8214DECT' },
};

describe('identifiers and models', () => {
  it('reads any notation, and refuses with the reason on the named field', () => {
    expect(readIdentifier('48:7A:55:00:00:02', 'identifier')).toEqual({ kind: 'mac', value: '487a55000002' });
    expect(readIdentifier('14343 0948376 *', 'identifier')).toEqual({ kind: 'ipei', value: '03807e7898' });
    let caught: unknown;
    try {
      readIdentifier('03807E7898', 'mac', 'mac');
    } catch (error) {
      caught = error;
    }
    expect(isFieldkitError(caught, 'invalid-input')).toBe(true);
    expect((caught as { issues: unknown }).issues).toEqual([{ field: 'mac', message: expect.any(String) }]);
  });

  it('fits MACs to deskphone and generic models, IPEIs to DECT models', () => {
    const models = [m5, generic, dect];
    expect(modelsFitting('mac', models)).toEqual([m5, generic]);
    expect(modelsFitting('ipei', models)).toEqual([dect]);
    expect(() => assertModelFits('mac', m5, 'deviceTypeId')).not.toThrow();
    expect(() => assertModelFits('ipei', m5, 'deviceTypeId')).toThrow(/M5 is a deskphone model/);
    expect(() => assertModelFits('mac', dect, 'deviceTypeId')).toThrow(/choose a deskphone/);
  });

  it('describes a new device by model and short number, else by the last 6 of its identifier', () => {
    expect(defaultDescription(m5, { kind: 'mac', value: '487a550c0001' }, '81002')).toBe('M5 81002');
    expect(defaultDescription(m5, { kind: 'mac', value: '487a550c0001' })).toBe('M5 0C0001');
    expect(defaultDescription(dect, { kind: 'ipei', value: '03807e7898' })).toBe('8214DECT 7E7898');
  });
});

describe('swap compatibility', () => {
  it('accepts a new MAC for a deskphone of the same model', () => {
    expect(swapRefusal(deskphone, m5, { kind: 'mac', value: '487a55000009' })).toBeUndefined();
    expect(swapRefusal(deskphone, m5, { kind: 'mac', value: '487a55000009' }, m5)).toBeUndefined();
  });

  it('explains each refusal', () => {
    expect(swapRefusal(deskphone, m5, { kind: 'ipei', value: '03807e7898' })).toMatch(
      /an IPEI cannot replace it/,
    );
    expect(swapRefusal(handset, dect, { kind: 'mac', value: '487a55000009' })).toMatch(/DECT handset/);
    expect(swapRefusal(deskphone, m5, { kind: 'mac', value: '487a55000002' })).toMatch(/already has/);
    expect(swapRefusal(deskphone, m5, { kind: 'mac', value: '487a55000009' }, m7)).toMatch(
      /keeps the device's model \(M5\); the replacement is a M7/,
    );
    expect(swapRefusal({ deviceType: generic }, generic, { kind: 'mac', value: '487a55000009' })).toMatch(
      /neither a MAC address nor an IPEI/,
    );
  });
});
