import { describe, expect, it } from 'vitest';
import { diagnoseRequest } from '@renderer/features/diagnose/diagnose-request';

describe('diagnoseRequest', () => {
  it('reads a MAC or IPEI in any notation, else a device id, or a number as typed', () => {
    expect(diagnoseRequest('sys', 'device', ' 48:7A:55:0A:1B:01 ')).toEqual({
      kind: 'device',
      input: { systemId: 'sys', by: 'mac', identifier: '487a550a1b01' },
    });
    expect(diagnoseRequest('sys', 'device', '03807E7898').input).toMatchObject({ by: 'ipei' });
    expect(diagnoseRequest('sys', 'device', '6650a1c0e100000000000001').input).toEqual({
      systemId: 'sys',
      by: 'device',
      deviceId: '6650a1c0e100000000000001',
    });
    expect(diagnoseRequest('sys', 'number', ' +33478981001 ')).toEqual({
      kind: 'number',
      input: { systemId: 'sys', number: '+33478981001' },
    });
  });
});
