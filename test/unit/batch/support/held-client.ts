import type { ApplyClient } from '../../../../src-main/services/batch/apply/apply-row';
import type { DeviceCreation } from '../../../../src-main/services/rainbow';
import type { Device } from '../../../../src-main/services/rainbow/types';

interface HeldCall {
  body: DeviceCreation;
  answer(): void;
  fail(error: Error): void;
}

/**
 * An apply client whose creates wait until the test answers them, one by one: the test decides which lines
 * are in flight. Every other call answers at once. Pure logic only (unit tests of the run's control).
 */
export function heldClient(): {
  client: ApplyClient;
  calls: HeldCall[];
  waitForCalls(count: number): Promise<void>;
} {
  const calls: HeldCall[] = [];
  const waiters: { count: number; resolve(): void }[] = [];
  let next = 0;
  const device = (body: DeviceCreation): Device =>
    ({
      id: `created-${(next += 1)}`,
      description: body.description,
      systemId: 'sys1',
      macAddress: body.macAddress,
      deviceType: { id: body.deviceTypeId, model: '8028s' },
    }) as Device;
  const client: ApplyClient = {
    createDevice: (_systemId, body) =>
      new Promise<Device>((resolve, reject) => {
        calls.push({ body, answer: () => resolve(device(body)), fail: reject });
        for (const waiter of waiters.filter((candidate) => calls.length >= candidate.count)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }),
    assignDevice: () => Promise.reject(new Error('not expected')),
    unassignDevice: () => Promise.reject(new Error('not expected')),
    listDevices: () => Promise.resolve([]),
    getDevice: () => Promise.reject(new Error('not expected')),
  };
  return {
    client,
    calls,
    waitForCalls: (count) =>
      calls.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
  };
}
