import { expect } from 'vitest';
import { createHash } from 'node:crypto';
import type { RunningSimulator, SimulatorCredentials } from '../../../src-main/simulator';

export const AUTH_BASE = '/api/rainbow/authentication/v1.0';
export const RVCP_BASE = '/api/rainbow/rvcpprovisioning/v1.0';
export const ADMIN_BASE = '/api/rainbow/admin/v1.0';

export interface JsonAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** The two sign-in headers, computed independently of the simulator's own code. */
export function signInHeaders(credentials: SimulatorCredentials): Record<string, string> {
  const proof = createHash('sha256')
    .update(credentials.appSecret + credentials.password)
    .digest('hex');
  return {
    authorization: `Basic ${Buffer.from(`${credentials.login}:${credentials.password}`).toString('base64')}`,
    'x-rainbow-app-auth': `Basic ${Buffer.from(`${credentials.appId}:${proof}`).toString('base64')}`,
  };
}

export async function getJson<T = unknown>(
  simulator: RunningSimulator,
  path: string,
  options: { token?: string; headers?: Record<string, string>; method?: string } = {},
): Promise<JsonAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  const response = await fetch(`${simulator.url}${path}`, { method: options.method ?? 'GET', headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

export async function signIn(simulator: RunningSimulator): Promise<string> {
  const answer = await getJson<{ token: string }>(simulator, `${AUTH_BASE}/login`, {
    headers: signInHeaders(simulator.credentials),
  });
  if (answer.status !== 200) throw new Error(`sign-in failed with ${answer.status}`);
  return answer.body.token;
}

export function decodeClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Any method with an optional JSON body. */
export async function sendJson<T = unknown>(
  simulator: RunningSimulator,
  method: string,
  path: string,
  options: { token: string; body?: unknown },
): Promise<JsonAnswer<T>> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${options.token}`,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${simulator.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

/** A signed-in client of one simulator: `call('POST', path, body)`. */
export function apiCaller(simulator: RunningSimulator, token: string) {
  return <T = unknown>(method: string, path: string, body?: unknown): Promise<JsonAnswer<T>> =>
    sendJson<T>(simulator, method, path, { token, body });
}

/** The documented error body, exactly its four fields. */
export function expectErrorBody(
  answer: JsonAnswer,
  status: number,
  detailsCode: number,
  details?: RegExp,
): void {
  expect(answer.status).toBe(status);
  expect(Object.keys(answer.body as object).sort()).toEqual([
    'errorCode',
    'errorDetails',
    'errorDetailsCode',
    'errorMsg',
  ]);
  expect(answer.body).toMatchObject({
    errorCode: status,
    errorDetailsCode: detailsCode,
    errorDetails: details === undefined ? expect.any(String) : expect.stringMatching(details),
  });
}
