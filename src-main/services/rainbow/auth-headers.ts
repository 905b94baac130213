import { createHash } from 'node:crypto';

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** `Authorization` of the login call: Basic base64(login:password). */
export function basicAuthorization(login: string, password: string): string {
  return `Basic ${base64(`${login}:${password}`)}`;
}

/**
 * `x-rainbow-app-auth` of the login call: Basic base64(appId:sha256hex(appSecret + password)), the digest in
 * lowercase hex over the app secret and the password concatenated without a separator.
 */
export function applicationAuthorization(appId: string, appSecret: string, password: string): string {
  const digest = createHash('sha256')
    .update(appSecret + password, 'utf8')
    .digest('hex');
  return `Basic ${base64(`${appId}:${digest}`)}`;
}

export function bearerAuthorization(token: string): string {
  return `Bearer ${token}`;
}
