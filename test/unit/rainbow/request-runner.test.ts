import { describe, expect, it } from 'vitest';
import { isFieldkitError } from '../../../src-main/services/errors';
import { silentLogger } from '../../../src-main/services/log/logger';
import { ConnectivityMonitor, type ConnectivityState } from '../../../src-main/services/rainbow/connectivity';
import type { HttpResponse, HttpTransport } from '../../../src-main/services/rainbow/http-transport';
import { classifyNetworkError } from '../../../src-main/services/rainbow/network-failure';
import { isOutcomeUnknown } from '../../../src-main/services/rainbow/outcome-unknown';
import { RequestRunner, type RunnableRequest } from '../../../src-main/services/rainbow/request-runner';
import { FakeClock } from '../../support/fake-clock';

type Step = number | { status: number; retryAfter: string } | string;

/** A transport playing a script: a status, a status with Retry-After, or a network error code. */
function scripted(steps: Step[]): { transport: HttpTransport; sent: () => number } {
  let sent = 0;
  const transport: HttpTransport = async () => {
    const step = steps[sent++];
    if (step === undefined) throw new Error('script exhausted');
    if (typeof step === 'string') {
      throw classifyNetworkError(Object.assign(new Error(step), { code: step }));
    }
    const status = typeof step === 'number' ? step : step.status;
    const headers = new Headers(typeof step === 'number' ? {} : { 'retry-after': step.retryAfter });
    const response: HttpResponse = { status, headers, body: { data: [] } };
    return response;
  };
  return { transport, sent: () => sent };
}

function setup(steps: Step[]) {
  const { transport, sent } = scripted(steps);
  return { ...withTransport(transport), sent };
}

function withTransport(transport: HttpTransport) {
  const clock = new FakeClock();
  const states: ConnectivityState[] = [];
  const runner = new RequestRunner({
    transport,
    policy: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 10_000 },
    random: () => 0.5,
    clock,
    logger: silentLogger,
    connectivity: new ConnectivityMonitor(silentLogger, (state) => states.push(state)),
    timeoutMs: 15_000,
    redact: (text) => text,
  });
  return { runner, clock, states };
}

const get: RunnableRequest = {
  method: 'GET',
  url: new URL('https://h.example/api/x'),
  headers: {},
  idempotent: true,
};
const create: RunnableRequest = { ...get, method: 'POST', idempotent: false };

describe('RequestRunner', () => {
  it('retries transient answers with backoff and returns the success', async () => {
    const { runner, clock, sent } = setup([503, 502, 200]);
    const result = await runner.run(get);
    expect(result.response.status).toBe(200);
    expect(result.attempts).toBe(3);
    expect(sent()).toBe(3);
    expect(clock.sleeps).toEqual([50, 100]);
  });

  it('asks for the Authorization header again at each attempt', async () => {
    const answers = [503, 200];
    const seen: (string | undefined)[] = [];
    const { runner } = withTransport(async (request) => {
      seen.push(request.headers.authorization);
      return { status: answers[seen.length - 1] ?? 500, headers: new Headers(), body: {} };
    });
    let token = 0;
    const result = await runner.run({ ...get, authorization: () => `Bearer t${(token += 1)}` });
    expect(result.response.status).toBe(200);
    expect(seen).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('waits what Retry-After says', async () => {
    const { runner, clock } = setup([{ status: 429, retryAfter: '3' }, 200]);
    await runner.run(get);
    expect(clock.sleeps).toEqual([3_000]);
  });

  it('returns the last answer once the attempts are spent', async () => {
    const { runner, sent } = setup([500, 500, 500, 500, 200]);
    const result = await runner.run(get);
    expect(result.response.status).toBe(500);
    expect(sent()).toBe(4);
    expect(runner.failure(result, 'call').message).toContain('(tried 4 times)');
  });

  it('sends a create once when its outcome is unknown', async () => {
    const { runner, sent } = setup([502, 200]);
    const result = await runner.run(create);
    expect(sent()).toBe(1);
    expect(result.outcomeUnknown).toBe(true);
    expect(isOutcomeUnknown(runner.failure(result, 'call'))).toBe(true);
  });

  it('sends a create again after a 429 or a refused connection', async () => {
    const { runner, sent } = setup([429, 'ECONNREFUSED', 201]);
    expect((await runner.run(create)).response.status).toBe(201);
    expect(sent()).toBe(3);
  });

  it('throws an unknown outcome when a create loses its connection', async () => {
    const { runner, sent } = setup(['ECONNRESET', 201]);
    await expect(runner.run(create)).rejects.toSatisfy(
      (error) => isOutcomeUnknown(error) && isFieldkitError(error, 'outcome-unknown'),
    );
    expect(sent()).toBe(1);
  });

  it('maps network failures that outlast the retries', async () => {
    const { runner, sent } = setup(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
    await expect(runner.run(get)).rejects.toSatisfy((error) => isFieldkitError(error, 'unreachable'));
    expect(sent()).toBe(4);
  });

  it('does not retry a certificate failure', async () => {
    const { runner, sent, states } = setup(['DEPTH_ZERO_SELF_SIGNED_CERT', 200]);
    await expect(runner.run(get)).rejects.toSatisfy((error) => isFieldkitError(error, 'tls'));
    expect(sent()).toBe(1);
    expect(states).toEqual([]);
  });

  it('reports offline on a network failure and online on the next answer, once each', async () => {
    const { runner, states } = setup(['ECONNREFUSED', 'ECONNRESET', 503, 200, 200]);
    await runner.run(get);
    expect(states).toEqual(['offline', 'online']);
    await runner.run(get);
    expect(states).toEqual(['offline', 'online']);
  });
});
