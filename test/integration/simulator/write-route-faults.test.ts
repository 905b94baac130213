import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_SYSTEM_IDS,
  DEVICE_MODEL_IDS,
  startSimulator,
  type RunningSimulator,
} from '../../../src-main/simulator';
import { ADMIN_BASE, RVCP_BASE, apiCaller, expectErrorBody, signIn } from './http-helpers';
import { FakeClock } from '../../support/fake-clock';

const { lyon } = DEMO_SYSTEM_IDS;
const LYON = `${RVCP_BASE}/cloudpbxs/${lyon}`;
const START = Date.UTC(2025, 5, 2, 8, 0, 0);

describe('simulator faults and token lifetime on the device and subscriber routes', () => {
  let simulator: RunningSimulator;
  let call: ReturnType<typeof apiCaller>;
  let clock: FakeClock;
  let requests: [method: string, path: string, body?: unknown][];

  beforeEach(async () => {
    clock = new FakeClock(START);
    simulator = await startSimulator({ now: clock.now, registrationDelayMs: 0, tokenLifetimeSeconds: 600 });
    call = apiCaller(simulator, await signIn(simulator));
    const device = simulator.tenant.listDevices(lyon).find((d) => d.description === 'Reception desk');
    const subscriber = device?.phoneNumberId ?? '';
    const id = device?.id ?? '';
    requests = [
      [
        'POST',
        `${LYON}/devices`,
        { description: 'x', deviceTypeId: DEVICE_MODEL_IDS.ale8018, macAddress: '487a55abcdef' },
      ],
      ['PUT', `${LYON}/devices/${id}`, { description: 'changed' }],
      ['DELETE', `${LYON}/devices/${id}`],
      ['POST', `${LYON}/devices/${id}/reboot`],
      ['POST', `${LYON}/devices/${id}/reset`],
      ['POST', `${LYON}/devices/${id}/debug`],
      ['DELETE', `${LYON}/devices/${id}/debug`],
      ['GET', `${LYON}/devices/${id}/registrations`],
      ['POST', `${LYON}/devices/${id}/modules`, { moduleId: 1, type: 'EM_20' }],
      ['DELETE', `${LYON}/devices/${id}/modules/1`],
      ['POST', `${LYON}/subscribers`, { userId: 'x', shortNumber: '81099' }],
      ['GET', `${LYON}/subscribers/${subscriber}`],
      ['DELETE', `${LYON}/subscribers/${subscriber}`],
      ['GET', `${LYON}/subscribers/${subscriber}/devices`],
      ['POST', `${LYON}/subscribers/${subscriber}/devices`, { deviceId: id }],
      ['GET', `${LYON}/subscribers/${subscriber}/devices/${id}`],
      ['DELETE', `${LYON}/subscribers/${subscriber}/devices/${id}`],
      ['GET', `${LYON}/subscribers/${subscriber}/registrations`],
      ['GET', `${ADMIN_BASE}/users`],
    ];
  });
  afterEach(async () => {
    await simulator.close();
  });

  it('answers 429 with Retry-After on every route and changes nothing', async () => {
    simulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 4 });
    const devicesBefore = simulator.tenant.listDevices(lyon);

    for (const [method, path, body] of requests) {
      const answer = await call(method, path, body);
      expectErrorBody(answer, 429, 429000);
      expect(answer.headers.get('retry-after'), `${method} ${path}`).toBe('4');
    }
    expect(simulator.tenant.listDevices(lyon)).toEqual(devicesBefore);
  });

  it('answers 503 on every route when errorRate is 1', async () => {
    simulator.setFaults({ errorRate: 1 });
    for (const [method, path, body] of requests) expectErrorBody(await call(method, path, body), 503, 503000);
  });

  it('answers 401 "jwt expired" on every route once the token has expired', async () => {
    await clock.advance(600_000);
    for (const [method, path, body] of requests) {
      expectErrorBody(await call(method, path, body), 401, 401522, /jwt expired/);
    }
  });
});
