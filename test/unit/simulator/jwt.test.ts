import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt, type TokenClaims } from '../../../src-main/simulator/auth/jwt';

const SECRET = Buffer.from('0123456789abcdef0123456789abcdef');
const CLAIMS: TokenClaims = {
  user: { id: 'u1', loginEmail: 'tech@demo.fieldkit.invalid' },
  app: { id: 'a1', name: 'Fieldkit' },
  countRenewed: 0,
  jti: 'j1',
  iat: 1_700_000_000,
  exp: 1_700_003_600,
};

function part(token: string, index: number): string {
  return token.split('.')[index] ?? '';
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('signJwt / verifyJwt', () => {
  it('round-trips the claims in a three-part base64url HS256 token', () => {
    const token = signJwt(CLAIMS, SECRET);

    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(JSON.parse(Buffer.from(part(token, 0), 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
    expect(verifyJwt(token, SECRET)).toEqual({ ok: true, claims: CLAIMS });
  });

  it('produces a signature any HS256 implementation would accept', async () => {
    const token = signJwt(CLAIMS, SECRET);
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', SECRET)
      .update(`${part(token, 0)}.${part(token, 1)}`)
      .digest('base64url');

    expect(part(token, 2)).toBe(expected);
  });

  it('rejects changed claims and another key as an invalid signature', () => {
    const token = signJwt(CLAIMS, SECRET);
    const forged = `${part(token, 0)}.${encode({ ...CLAIMS, exp: CLAIMS.exp + 1 })}.${part(token, 2)}`;

    expect(verifyJwt(forged, SECRET)).toEqual({ ok: false, reason: 'invalid-signature' });
    expect(verifyJwt(token, Buffer.from('another key, same length, 32 b!'))).toEqual({
      ok: false,
      reason: 'invalid-signature',
    });
  });

  it('rejects malformed tokens, other algorithms and incomplete claims', () => {
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(CLAIMS)}.`;
    const { jti: _jti, ...withoutJti } = CLAIMS;

    expect(verifyJwt('a.b', SECRET)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt('not.json.atall', SECRET)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt(unsigned, SECRET)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt(signJwt(withoutJti as TokenClaims, SECRET), SECRET)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
