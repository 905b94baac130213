import { describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../src-main/services/audit/audit-trail';
import { createDeviceOnce } from '../../../src-main/services/devices/register-device';
import { FieldkitError } from '../../../src-main/services/errors';
import { silentLogger } from '../../../src-main/services/log/logger';
import { Redactor } from '../../../src-main/services/log/redactor';
import { OutcomeUnknownError } from '../../../src-main/services/rainbow';
import type { Device, DeviceModel } from '../../../src-main/services/rainbow/types';

const m5: DeviceModel = { id: 23, vendor: 'ALE', model: 'M5', category: 'deskphone' };
const created: Device = {
  id: 'dev9',
  systemId: 'sys1',
  description: 'M5 0C0001',
  macAddress: '487a550c0001',
  deviceType: { id: 23, vendor: 'ALE', model: 'M5' },
};
const audit = new AuditTrail({
  scope: () => undefined,
  now: () => 0,
  redactor: new Redactor(),
  logger: silentLogger,
});
const lostAnswer = new OutcomeUnknownError({
  code: 'timeout',
  message: 'The connection failed during POST.',
});

function attempt(findExisting: () => Promise<Device | undefined>, bodies: unknown[] = []) {
  return createDeviceOnce({
    client: {
      createDevice: (_systemId, body) => {
        bodies.push(body);
        return Promise.reject(lostAnswer);
      },
    },
    audit,
    systemId: 'sys1',
    identifier: { kind: 'mac', value: '487a550c0001' },
    model: m5,
    findExisting,
  });
}

describe('creating a device when the answer is lost', () => {
  it('looks the device up instead of posting again, and answers it when it was created', async () => {
    const bodies: unknown[] = [];
    await expect(attempt(() => Promise.resolve(created), bodies)).resolves.toEqual(created);
    expect(bodies).toEqual([{ description: 'M5 0C0001', deviceTypeId: 23, macAddress: '487a550c0001' }]);
  });

  it('says registering again is safe when the look-up finds nothing', async () => {
    const error = (await attempt(() => Promise.resolve(undefined)).catch(
      (caught: unknown) => caught,
    )) as FieldkitError;
    expect(error).toBeInstanceOf(FieldkitError);
    expect(error.message).toContain('was not created, so registering it again is safe');
  });

  it('reports the original unknown outcome when even the look-up fails', async () => {
    const error = await attempt(() => Promise.reject(new Error('offline'))).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBe(lostAnswer);
  });
});
