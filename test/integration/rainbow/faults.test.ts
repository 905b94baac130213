import { afterEach, describe, expect, it } from 'vitest';
import { isFieldkitError, type FieldkitError } from '../../../src-main/services/errors';
import {
  isOutcomeUnknown,
  PROVISIONING_ROOT,
  signIn,
  type ClientDeps,
  type ConnectivityState,
  type HttpTransport,
  type RainbowClient,
} from '../../../src-main/services/rainbow';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { FakeClock } from '../../support/fake-clock';
import { draws, QUICK_RETRY } from './support';

/** A path no route serves: faults strike before routing, so a POST here can never create anything. */
const NOWHERE = `${PROVISIONING_ROOT}/fieldkit-test-nowhere`;

async function failureOf(promise: Promise<unknown>): Promise<FieldkitError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isFieldkitError(outcome)) throw new Error(`expected a FieldkitError, got ${String(outcome)}`);
  return outcome;
}

describe('retries against a faulty simulator', () => {
  let simulator: RunningSimulator;
  let client: RainbowClient;

  afterEach(async () => {
    client.close();
    await simulator.close();
  });

  /**
   * Signs in fault-free, then turns the faults on; `faultDraws` decide which later requests are hit. `sentAt`
   * holds the client's clock time of every request sent.
   */
  async function setUp(
    faultDraws: number[],
    deps: ClientDeps = {},
  ): Promise<{ clock: FakeClock; sentAt: number[] }> {
    simulator = await startSimulator({ port: 0, random: draws(...faultDraws) });
    const clock = new FakeClock();
    const sentAt: number[] = [];
    const timed =
      (send: HttpTransport): HttpTransport =>
      (request) => {
        sentAt.push(clock.now());
        return send(request);
      };
    client = await signIn(
      { host: simulator.url, ...simulator.credentials },
      { clock, wrapTransport: timed, ...deps, retry: { ...QUICK_RETRY, ...deps.retry } },
    );
    return { clock, sentAt };
  }

  const statuses = (path: string): number[] =>
    simulator
      .requests()
      .filter((request) => request.path.endsWith(path))
      .map((request) => request.status);

  it('retries 503 answers with backoff until one succeeds', async () => {
    const { clock } = await setUp([0.1, 0.1]);
    simulator.setFaults({ errorRate: 0.5 });

    expect(await client.listSystems()).not.toHaveLength(0);
    expect(statuses('/cloudpbxs')).toEqual([503, 503, 200]);
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps[0]).toBeLessThan(QUICK_RETRY.baseDelayMs);
    expect(clock.sleeps[1]).toBeLessThan(QUICK_RETRY.baseDelayMs * 2);
  });

  it('waits the Retry-After of a 429 before trying again', async () => {
    const { clock, sentAt } = await setUp([0.1]);
    simulator.setFaults({ rateLimitRate: 0.5, retryAfterSeconds: 1 });

    const before = clock.now();
    await client.listSystems();
    expect(statuses('/cloudpbxs')).toEqual([429, 200]);
    expect(clock.sleeps).toEqual([1_000]);
    expect(sentAt.slice(-2)).toEqual([before, before + 1_000]);
  });

  it('gives up after the last attempt with a server error', async () => {
    await setUp([], { retry: { maxAttempts: 3 } });
    simulator.setFaults({ errorRate: 1 });

    const error = await failureOf(client.listSystems());
    expect(error).toMatchObject({ code: 'server-error', status: 503, detailsCode: 503000 });
    expect(error.message).toContain('(tried 3 times)');
    expect(statuses('/cloudpbxs')).toEqual([503, 503, 503]);
  });

  it('gives up on a rate limit that does not lift', async () => {
    await setUp([], { retry: { maxAttempts: 2 } });
    simulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 0 });

    const error = await failureOf(client.listSystems());
    expect(error).toMatchObject({ code: 'rate-limited', status: 429 });
    expect(statuses('/cloudpbxs')).toEqual([429, 429]);
  });

  it('does not wait for a Retry-After longer than the policy accepts', async () => {
    const { clock } = await setUp([0.1]);
    simulator.setFaults({ rateLimitRate: 0.5, retryAfterSeconds: 120 });

    const error = await failureOf(client.listSystems());
    expect(error.code).toBe('rate-limited');
    expect(error.message).toContain('asks to wait 120 s');
    expect(clock.sleeps).toEqual([]);
  });

  it('gives up on an unanswered request and tries again, reporting offline then online', async () => {
    const states: ConnectivityState[] = [];
    await setUp([0.1], { requestTimeoutMs: 300, onConnectivity: (state) => states.push(state) });
    simulator.setFaults({ timeoutRate: 0.5 });

    expect(await client.listSystems()).not.toHaveLength(0);
    expect(statuses('/cloudpbxs')).toEqual([0, 200]);
    expect(states).toEqual(['offline', 'online']);
  });

  it('says when Rainbow never answers', async () => {
    await setUp([], { requestTimeoutMs: 200, retry: { maxAttempts: 2 } });
    simulator.setFaults({ timeoutRate: 1 });

    const error = await failureOf(client.listSystems());
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(
      /did not answer GET .*cloudpbxs: no answer within 200 ms \(tried 2 times\)/,
    );
  });

  describe('a request that is not idempotent (POST)', () => {
    it.each([500, 502, 504])('is not sent again after a %i: its outcome is unknown', async (status) => {
      await setUp([]);
      simulator.setFaults({ targeted: [{ method: 'POST', path: /nowhere$/, answer: status, times: 1 }] });

      const error = await failureOf(client.request('POST', NOWHERE, { body: { description: 'x' } }));
      expect(isOutcomeUnknown(error)).toBe(true);
      expect(error).toMatchObject({ code: 'outcome-unknown', status });
      expect(error.message).toContain('whether the change was made is unknown');
      expect(statuses('/fieldkit-test-nowhere')).toEqual([status]);
    });

    it('is sent again after a 503, which the server answers without acting', async () => {
      await setUp([0.1]);
      simulator.setFaults({ errorRate: 0.5 });

      const error = await failureOf(client.request('POST', NOWHERE, { body: {} }));
      expect(error.code).toBe('not-found');
      expect(statuses('/fieldkit-test-nowhere')).toEqual([503, 404]);
    });

    it('is not sent again after losing its answer', async () => {
      await setUp([0.1], { requestTimeoutMs: 200 });
      simulator.setFaults({ timeoutRate: 0.5 });

      const error = await failureOf(client.request('POST', NOWHERE, { body: {} }));
      expect(isOutcomeUnknown(error)).toBe(true);
      expect(error.code).toBe('outcome-unknown');
      expect(statuses('/fieldkit-test-nowhere')).toEqual([0]);
    });

    it('is sent again after a 429, which the server answers without acting', async () => {
      await setUp([0.1]);
      simulator.setFaults({ rateLimitRate: 0.5, retryAfterSeconds: 0 });

      const error = await failureOf(client.request('POST', NOWHERE, { body: {} }));
      expect(error.code).toBe('not-found');
      expect(statuses('/fieldkit-test-nowhere')).toEqual([429, 404]);
    });

    it('may be declared idempotent by its caller', async () => {
      await setUp([]);
      simulator.setFaults({ targeted: [{ method: 'POST', path: /nowhere$/, answer: 504, times: 1 }] });

      const error = await failureOf(client.request('POST', NOWHERE, { body: {}, idempotent: true }));
      expect(error.code).toBe('not-found');
      expect(statuses('/fieldkit-test-nowhere')).toEqual([504, 404]);
    });
  });
});
