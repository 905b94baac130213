import { describe, expect, it } from 'vitest';
import { decodeJwtPayload, readTokenTimes } from '../../../src-main/services/rainbow/jwt';

function jwt(payload: unknown): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.c2lnbmF0dXJl`;
}

describe('JWT payload', () => {
  it('decodes the payload without checking the signature', () => {
    const token = jwt({ user: { id: 'u1' }, app: { id: 'a1' }, iat: 1_700_000_000, exp: 1_700_003_600 });
    expect(decodeJwtPayload(token)).toEqual({
      user: { id: 'u1' },
      app: { id: 'a1' },
      iat: 1_700_000_000,
      exp: 1_700_003_600,
    });
  });

  it('reads base64url characters (- and _) that plain base64 would not', () => {
    const token = jwt({ name: '>>>???', iat: 1, exp: 2 });
    expect(token.split('.')[1]).toMatch(/[-_]/);
    expect(decodeJwtPayload(token)?.['name']).toBe('>>>???');
  });

  it('reads issued-at and expiry', () => {
    expect(readTokenTimes(jwt({ iat: 100, exp: 3700 }))).toEqual({ issuedAt: 100, expiresAt: 3700 });
  });

  it.each([
    ['not a token', 'opaque-token'],
    ['two parts', 'abc.def'],
    ['payload not JSON', 'abc.bm90IGpzb24.sig'],
    ['payload an array', jwt([1, 2])],
    ['padding characters', 'abc.eyJpYXQiOjF9==.sig'],
  ])('returns undefined for %s', (_label, token) => {
    expect(decodeJwtPayload(token)).toBeUndefined();
  });

  it.each([
    ['no exp', { iat: 100 }],
    ['string times', { iat: '100', exp: '200' }],
    ['exp before iat', { iat: 200, exp: 100 }],
  ])('has no lifetime with %s', (_label, payload) => {
    expect(readTokenTimes(jwt(payload))).toBeUndefined();
  });
});
