import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFieldkitError, type FieldkitError } from '../../../src-main/services/errors';
import { isOutcomeUnknown, signIn, type RainbowClient } from '../../../src-main/services/rainbow';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { QUICK_RETRY } from './support';

const lyon = DEMO_SYSTEM_IDS.lyon;
let simulator: RunningSimulator;
let client: RainbowClient;
let deviceId: string;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  client = await signIn({ host: simulator.url, ...simulator.credentials }, { retry: QUICK_RETRY });
  deviceId =
    simulator.tenant.listDevices(lyon).find((device) => device.description === 'Director office')?.id ?? '';
});

afterAll(async () => {
  client.close();
  await simulator.close();
});

async function failureOf(promise: Promise<unknown>): Promise<FieldkitError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isFieldkitError(outcome)) throw new Error(`expected a FieldkitError, got ${String(outcome)}`);
  return outcome;
}

const keyStatuses = (method: string): number[] =>
  simulator
    .requests()
    .filter((request) => request.method === method && /\/devices\/[^/]+\/keys/.test(request.path))
    .map((request) => request.status);

describe('key writes are not idempotent', () => {
  it.each([
    ['POST', () => client.createDeviceKey(lyon, deviceId, { moduleId: 0, keyNum: 3, keyType: 'headset' })],
    ['PUT', () => client.replaceModuleKeys(lyon, deviceId, 0, [])],
    ['DELETE', () => client.deleteDeviceKey(lyon, deviceId, 0, 1)],
  ] as const)(
    'a %s whose answer is a 502 is reported as unknown, never sent twice',
    async (method, write) => {
      const before = simulator.tenant.listKeys(lyon, deviceId);
      simulator.setFaults({ targeted: [{ method, path: /\/keys(\/\d+)?$/, answer: 502, times: 1 }] });
      const error = await failureOf(write());
      expect(isOutcomeUnknown(error)).toBe(true);
      expect(error.hint).toContain('fieldkit device keys');
      expect(keyStatuses(method)).toEqual([502]);
      expect(simulator.tenant.listKeys(lyon, deviceId)).toEqual(before);
      simulator.setFaults({});
    },
  );

  it('is sent again after a 503, which the server answers without acting, and then done once', async () => {
    simulator.setFaults({ targeted: [{ method: 'DELETE', path: /\/keys\/1$/, answer: 503, times: 1 }] });
    await client.deleteDeviceKey(lyon, deviceId, 0, 1);
    expect(keyStatuses('DELETE').slice(-2)).toEqual([503, 200]);
    expect(simulator.tenant.listKeys(lyon, deviceId).map((key) => key.keyNum)).toEqual([10]);
    simulator.setFaults({});
  });
});
