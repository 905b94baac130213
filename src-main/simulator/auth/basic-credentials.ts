import { createHash, timingSafeEqual } from 'node:crypto';

export interface BasicCredentials {
  name: string;
  secret: string;
}

/** Reads `Basic base64(name:secret)`; the secret may itself contain colons. */
export function parseBasicAuthorization(header: string | string[] | undefined): BasicCredentials | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { name: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** The application proof Rainbow expects: lowercase hex SHA-256 of app secret + user password. */
export function applicationProof(appSecret: string, password: string): string {
  return createHash('sha256')
    .update(appSecret + password)
    .digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
