import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { AUTH_BASE, RVCP_BASE, getJson, signIn, signInHeaders } from './http-helpers';

describe('simulator HTTP behaviour and faults', () => {
  let simulator: RunningSimulator;
  let token: string;

  beforeEach(async () => {
    simulator = await startSimulator();
    token = await signIn(simulator);
  });
  afterEach(async () => {
    await simulator.close();
  });

  it('answers 404 with the error body for an unknown path, even without a token', async () => {
    const answer = await getJson(simulator, `${RVCP_BASE}/nothing-here`);

    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      errorCode: 404,
      errorMsg: 'Not Found',
      errorDetails: `Resource ${RVCP_BASE}/nothing-here not found`,
      errorDetailsCode: 404000,
    });
  });

  it('reads a request body whole, refusing one over 1 MB (413) and one that is not JSON (400)', async () => {
    const post = async (body: string) => {
      const response = await fetch(`${simulator.url}${RVCP_BASE}/cloudpbxs/no-such-system/devices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      return { status: response.status, body: (await response.json()) as { errorDetailsCode: number } };
    };

    expect(await post(JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }))).toMatchObject({
      status: 413,
      body: { errorDetailsCode: 413000 },
    });
    expect(await post('{"description": ')).toMatchObject({ status: 400, body: { errorDetailsCode: 400001 } });
    // Read whole and parsed (in several chunks at this size), the body reaches the route, which finds no CloudPBX.
    expect(await post(JSON.stringify({ description: 'x'.repeat(200_000) }))).toMatchObject({ status: 404 });
  });

  it('answers 405 with an Allow header for a wrong method', async () => {
    const answer = await getJson<Record<string, unknown>>(simulator, `${RVCP_BASE}/cloudpbxs`, {
      token,
      method: 'DELETE',
    });

    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET');
    expect(answer.body).toMatchObject({
      errorCode: 405,
      errorMsg: 'Method Not Allowed',
      errorDetailsCode: 405000,
    });
  });

  it('logs method, path, query, status and order of every request, never headers', async () => {
    await getJson(simulator, `${RVCP_BASE}/cloudpbxs?limit=1`, { token });

    const log = simulator.requests();
    expect(log).toEqual([
      { method: 'GET', path: `${AUTH_BASE}/login`, query: '', status: 200, received: 1, answered: 2 },
      {
        method: 'GET',
        path: `${RVCP_BASE}/cloudpbxs`,
        query: 'limit=1',
        status: 200,
        received: 3,
        answered: 4,
      },
    ]);
    expect(JSON.stringify(log)).not.toMatch(/Basic|Bearer|eyJ/);
  });

  it('answers 429 with Retry-After when rateLimitRate is 1, and recovers when faults go back to zero', async () => {
    simulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const limited = await getJson(simulator, `${RVCP_BASE}/cloudpbxs`, { token });
    const login = await getJson(simulator, `${AUTH_BASE}/login`, {
      headers: signInHeaders(simulator.credentials),
    });

    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body).toMatchObject({
      errorCode: 429,
      errorMsg: 'Too Many Requests',
      errorDetailsCode: 429000,
    });
    expect(login.status).toBe(429);

    simulator.setFaults({});
    expect((await getJson(simulator, `${RVCP_BASE}/cloudpbxs`, { token })).status).toBe(200);
  });

  it('answers 503 with the error body when errorRate is 1', async () => {
    simulator.setFaults({ errorRate: 1 });
    const answer = await getJson(simulator, `${RVCP_BASE}/cloudpbxs`, { token });

    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      errorCode: 503,
      errorMsg: 'Service Unavailable',
      errorDetailsCode: 503000,
    });
  });

  it('draws faults from the injected random source', async () => {
    const draws = [0.1, 0.9, 0.4];
    const seeded = await startSimulator({ faults: { errorRate: 0.5 }, random: () => draws.shift() ?? 0.99 });
    try {
      const statuses = [];
      for (let index = 0; index < 3; index += 1) {
        statuses.push((await getJson(seeded, `${RVCP_BASE}/cloudpbxs`)).status);
      }
      expect(statuses).toEqual([503, 401, 503]);
    } finally {
      await seeded.close();
    }
  });

  it('delays answers by latencyMs', async () => {
    simulator.setFaults({ latencyMs: 80 });
    const started = performance.now();
    const answer = await getJson(simulator, `${RVCP_BASE}/cloudpbxs`, { token });

    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('holds requests hit by a timeout fault until close(), which destroys their sockets', async () => {
    simulator.setFaults({ timeoutRate: 1 });
    const pending = fetch(`${simulator.url}${RVCP_BASE}/cloudpbxs`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const outcome = pending.then(
      () => 'answered',
      () => 'failed',
    );

    await vi.waitFor(() =>
      expect(simulator.requests().at(-1)).toMatchObject({ path: `${RVCP_BASE}/cloudpbxs`, status: 0 }),
    );
    await simulator.close();

    expect(await outcome).toBe('failed');
  });

  it('lets a client give up on a held request', async () => {
    simulator.setFaults({ timeoutRate: 1 });
    const attempt = fetch(`${simulator.url}${RVCP_BASE}/cloudpbxs`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(200),
    });

    await expect(attempt).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('refuses fault rates outside 0..1', () => {
    expect(() => simulator.setFaults({ errorRate: 1.5 })).toThrow(RangeError);
    expect(() => simulator.setTokenLifetime(-1)).toThrow(RangeError);
  });
});
