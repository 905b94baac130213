import { describe, expect, it } from 'vitest';
import { FieldkitError } from '../../../src-main/services/errors';
import { Redactor } from '../../../src-main/services/log/redactor';
import {
  mapNetworkFailure,
  mapResponseError,
  readErrorBody,
  type RequestContext,
} from '../../../src-main/services/rainbow/error-mapping';
import type { NetworkFailure } from '../../../src-main/services/rainbow/network-failure';
import { classifyNetworkError } from '../../../src-main/services/rainbow/network-failure';
import { isOutcomeUnknown } from '../../../src-main/services/rainbow/outcome-unknown';

const call: RequestContext = {
  method: 'GET',
  path: '/api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/abc',
  host: 'rainbow.example.net',
  phase: 'call',
  attempts: 1,
  timeoutMs: 15_000,
  outcomeUnknown: false,
};
const login: RequestContext = { ...call, path: '/api/rainbow/authentication/v1.0/login', phase: 'login' };
const keep = (text: string): string => text;

function body(status: number, errorDetails?: unknown, errorDetailsCode?: number): unknown {
  return { errorCode: status, errorMsg: 'Some Error', errorDetails, errorDetailsCode };
}

/** What a node:http request fails with: an Error carrying a Node error code. */
function networkError(code: string, message = `${code} happened`): Error {
  return Object.assign(new Error(message), { code });
}

describe('mapResponseError', () => {
  it.each([
    [login, 401, 'auth-failed', 'The login or password is wrong.'],
    [login, 403, 'app-auth-failed', 'The application id or secret is not accepted by rainbow.example.net.'],
    [
      call,
      401,
      'auth-failed',
      'The Rainbow session has expired and signing in again did not help: jwt expired.',
    ],
    [
      call,
      403,
      'forbidden',
      'The account is not allowed to do GET /api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/abc: jwt expired.',
    ],
    [
      call,
      404,
      'not-found',
      'Rainbow found nothing at GET /api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/abc: jwt expired.',
    ],
    [
      call,
      409,
      'conflict',
      'Rainbow refused GET /api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/abc because of a conflict: jwt expired.',
    ],
    [
      call,
      429,
      'rate-limited',
      'Rainbow is limiting requests and kept refusing GET /api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/abc.',
    ],
    [
      call,
      500,
      'server-error',
      'Rainbow answered 500 Some Error to GET /api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/abc: jwt expired.',
    ],
    [
      call,
      503,
      'server-error',
      'Rainbow answered 503 Some Error to GET /api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/abc: jwt expired.',
    ],
    [
      call,
      400,
      'api-error',
      'Rainbow refused GET /api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/abc (400 Some Error): jwt expired.',
    ],
    [
      call,
      422,
      'api-error',
      'Rainbow refused GET /api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/abc (422 Some Error): jwt expired.',
    ],
  ])('%# maps %s answer %i to %s', (context, status, code, message) => {
    const error = mapResponseError(status, body(status, 'jwt expired', status * 1000 + 1), context, keep);
    expect(error).toBeInstanceOf(FieldkitError);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.detailsCode).toBe(status * 1000 + 1);
    expect(error.message).toBe(message);
    expect(isOutcomeUnknown(error)).toBe(false);
  });

  it('hints what to check on a failed sign-in', () => {
    expect(mapResponseError(401, undefined, login, keep).hint).toMatch(/password/);
    expect(mapResponseError(403, undefined, login, keep).hint).toMatch(/application id and secret/);
  });

  it('uses the errorMsg nested in object details', () => {
    const details = { errorMsg: 'User user1@company.com has expired (timeToLive)', timeToLive: 3600 };
    const error = mapResponseError(401, body(401, details, 401523), call, keep);
    expect(error.message).toContain('User user1@company.com has expired (timeToLive)');
    expect(error.detailsCode).toBe(401523);
  });

  it('copes with a body that is not the documented error body', () => {
    const error = mapResponseError(502, '<html>Bad gateway</html>', { ...call, attempts: 5 }, keep);
    expect(error.code).toBe('server-error');
    expect(error.message).toBe(
      'Rainbow answered 502 to GET /api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/abc (tried 5 times).',
    );
    expect(error.detailsCode).toBeUndefined();
  });

  it('tells how long Rainbow asks to wait when that is too long', () => {
    const error = mapResponseError(429, undefined, { ...call, retryAfterMs: 120_000 }, keep);
    expect(error.code).toBe('rate-limited');
    expect(error.message).toContain('asks to wait 120 s');
  });

  it('reports an unknown outcome for a create that cannot be resent', () => {
    const context = { ...call, method: 'POST', outcomeUnknown: true };
    const error = mapResponseError(502, body(502), context, keep);
    expect(isOutcomeUnknown(error)).toBe(true);
    expect(error.code).toBe('outcome-unknown');
    expect(error.status).toBe(502);
    expect(error.message).toContain('whether the change was made is unknown');
    expect(error.message).toContain('did not send it again');
    expect(mapResponseError(408, undefined, context, keep).code).toBe('outcome-unknown');
  });

  it('says how to check an unknown outcome the way the call asks', () => {
    const context = { ...call, method: 'POST', outcomeUnknown: true, unknownOutcomeHint: 'Watch it.' };
    expect(mapResponseError(504, undefined, context, keep).hint).toBe('Watch it.');
  });

  it('redacts secrets the server echoes', () => {
    const redactor = new Redactor();
    redactor.add('hunter2-secret');
    const error = mapResponseError(400, body(400, 'bad password hunter2-secret'), call, (t) =>
      redactor.redact(t),
    );
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('reads the documented error body', () => {
    expect(readErrorBody(body(400, 'Key type forward not supported ', 400581))).toEqual({
      errorMsg: 'Some Error',
      details: 'Key type forward not supported',
      detailsCode: 400581,
    });
    expect(readErrorBody(null)).toEqual({});
  });
});

describe('classifyNetworkError', () => {
  it.each([
    ['ECONNREFUSED', 'refused', true, true],
    ['ENOTFOUND', 'dns', true, false],
    ['EAI_AGAIN', 'dns', true, true],
    ['EHOSTUNREACH', 'unreachable', true, true],
    ['CONNECT_TIMEOUT', 'unreachable', true, true],
    ['ETIMEDOUT', 'unreachable', false, true],
    ['ECONNRESET', 'reset', false, true],
    ['EPIPE', 'reset', false, true],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls', true, false],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls', true, false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls', true, false],
    ['CERT_HAS_EXPIRED', 'tls', true, false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', true, false],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls', true, false],
    ['ESOMETHINGELSE', 'other', false, false],
  ])('reads %s as %s (notSent %s, retryable %s)', (code, kind, notSent, retryable) => {
    const failure = classifyNetworkError(networkError(code));
    expect(failure).toMatchObject({ kind, code, notSent, retryable });
  });

  it('finds the code inside an AggregateError (several addresses tried)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:9'), { code: 'ECONNREFUSED' });
    const error = new AggregateError([new Error('x'), refused]);
    expect(classifyNetworkError(error)?.kind).toBe('refused');
  });

  it('finds the code in the cause of a wrapping error', () => {
    const error = new Error('request failed', { cause: networkError('ECONNRESET') });
    expect(classifyNetworkError(error)).toMatchObject({ kind: 'reset', code: 'ECONNRESET' });
  });

  it("reads the transport's timeout once connected as a timeout", () => {
    const error = Object.assign(new Error('no answer in time'), { name: 'TimeoutError' });
    expect(classifyNetworkError(error)).toMatchObject({ kind: 'timeout', notSent: false, retryable: true });
  });

  it('does not take a programming error for a network failure', () => {
    expect(classifyNetworkError(new RangeError('bad'))).toBeUndefined();
  });
});

describe('mapNetworkFailure', () => {
  const failure = (code: string): NetworkFailure => {
    const classified = classifyNetworkError(networkError(code, `connect ${code} 10.0.0.1:443`));
    if (classified === undefined) throw new Error('not classified');
    return classified;
  };

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET'])(
    'maps %s to unreachable with a hint',
    (code) => {
      const error = mapNetworkFailure(failure(code), call, keep);
      expect(error.code).toBe('unreachable');
      expect(error.message).toMatch(new RegExp(`^Cannot reach rainbow\\.example\\.net: .*\\(${code}\\)\\.$`));
      expect(error.hint).toMatch(/network.*host name/);
    },
  );

  it.each([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
  ])('maps %s to tls, saying verification stays on', (code) => {
    const error = mapNetworkFailure(failure(code), call, keep);
    expect(error.code).toBe('tls');
    expect(error.message).toContain(`The certificate of rainbow.example.net could not be verified (${code})`);
    expect(error.message).toContain('TLS verification stays on');
  });

  it('maps a timeout to timeout', () => {
    const timeout = classifyNetworkError(
      Object.assign(new Error('no answer in time'), { name: 'TimeoutError' }),
    );
    if (timeout === undefined) throw new Error('not classified');
    const error = mapNetworkFailure(timeout, { ...call, attempts: 5 }, keep);
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(
      'rainbow.example.net did not answer GET /api/rainbow/rvcpprovisioning/v1.0/cloudpbxs/abc: no answer within 15 s (tried 5 times).',
    );
  });

  it('reports an unknown outcome when a create may have reached the server', () => {
    const error = mapNetworkFailure(
      failure('ECONNRESET'),
      { ...call, method: 'POST', outcomeUnknown: true },
      keep,
    );
    expect(isOutcomeUnknown(error)).toBe(true);
    expect(error.code).toBe('outcome-unknown');
    expect(error.message).toContain('whether the change was made is unknown');
    expect(error.hint).toMatch(/MAC address/);
  });

  it('says how to check an unknown outcome the way the call asks', () => {
    const context = { ...call, method: 'POST', outcomeUnknown: true, unknownOutcomeHint: 'Watch it.' };
    expect(mapNetworkFailure(failure('ECONNRESET'), context, keep).hint).toBe('Watch it.');
  });
});
