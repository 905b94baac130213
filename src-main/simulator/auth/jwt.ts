import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of a Rainbow token: who, through which application, issued and expiring when (seconds). */
export interface TokenClaims {
  user: { id: string; loginEmail: string };
  app: { id: string; name: string };
  countRenewed: number;
  /** Unique per token, so two tokens issued in the same second can be revoked one without the other. */
  jti: string;
  iat: number;
  exp: number;
}

export type JwtVerdict =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'invalid-signature' };

const HEADER = { alg: 'HS256', typ: 'JWT' } as const;

export function signJwt(claims: TokenClaims, secret: Buffer): string {
  const unsigned = `${encodeJson(HEADER)}.${encodeJson(claims)}`;
  return `${unsigned}.${signature(unsigned, secret).toString('base64url')}`;
}

/** Checks structure and signature only; expiry and revocation depend on the clock and are the caller's job. */
export function verifyJwt(token: string, secret: Buffer): JwtVerdict {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [encodedHeader = '', encodedClaims = '', encodedSignature = ''] = parts;
  const header = decodeJson(encodedHeader);
  const claims = decodeJson(encodedClaims);
  if (!isHs256Header(header) || !isTokenClaims(claims)) return { ok: false, reason: 'malformed' };
  const expected = signature(`${encodedHeader}.${encodedClaims}`, secret);
  const given = Buffer.from(encodedSignature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'invalid-signature' };
  }
  return { ok: true, claims };
}

function signature(unsigned: string, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(unsigned).digest();
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeJson(encoded: string): unknown {
  try {
    return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHs256Header(value: unknown): boolean {
  return isRecord(value) && value['alg'] === HEADER.alg;
}

function isTokenClaims(value: unknown): value is TokenClaims {
  if (!isRecord(value)) return false;
  const { user, app } = value;
  return (
    isRecord(user) &&
    typeof user['id'] === 'string' &&
    typeof user['loginEmail'] === 'string' &&
    isRecord(app) &&
    typeof app['id'] === 'string' &&
    typeof app['name'] === 'string' &&
    typeof value['countRenewed'] === 'number' &&
    typeof value['jti'] === 'string' &&
    typeof value['iat'] === 'number' &&
    typeof value['exp'] === 'number'
  );
}
