import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'fieldkit_session';

export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time check of the per-launch token carried by the session cookie. */
export function hasValidCookie(request: IncomingMessage, token: string): boolean {
  const cookie = parseCookies(request.headers.cookie)[SESSION_COOKIE];
  return cookie !== undefined && sameSecret(cookie, token);
}

export function sameSecret(candidate: string, token: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return cookies;
}
