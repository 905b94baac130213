/** The claims Fieldkit reads from a Rainbow token. The signature is not checked: the server does that. */
export interface TokenTimes {
  /** Seconds since the epoch. */
  issuedAt: number;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/** Decodes the payload of a JWT without verifying it; `undefined` when the token is not a readable JWT. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  const payload = parts[1];
  if (parts.length !== 3 || payload === undefined || !/^[A-Za-z0-9_-]+$/.test(payload)) return undefined;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded)
      ? (decoded as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function readTokenTimes(token: string): TokenTimes | undefined {
  const payload = decodeJwtPayload(token);
  const issuedAt = payload?.['iat'];
  const expiresAt = payload?.['exp'];
  if (typeof issuedAt !== 'number' || typeof expiresAt !== 'number' || expiresAt <= issuedAt)
    return undefined;
  return { issuedAt, expiresAt };
}
