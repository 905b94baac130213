/** API roots on a Rainbow host (rainbow-api-notes.md). Endpoint modules build their paths from these. */
export const AUTHENTICATION_ROOT = '/api/rainbow/authentication/v1.0';
export const PROVISIONING_ROOT = '/api/rainbow/rvcpprovisioning/v1.0';
export const ADMIN_ROOT = '/api/rainbow/admin/v1.0';

/** Encodes each id so that a stray `/` or `?` in an identifier cannot change the request's path. */
export function apiPath(root: string, ...segments: string[]): string {
  return [root, ...segments.map((segment) => encodeURIComponent(segment))].join('/');
}
