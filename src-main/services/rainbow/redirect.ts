import { FieldkitError } from '../errors';
import type { OutgoingRequest } from './http-transport';

/** Enough of a `Location` to recognise it; a hostile server must not fill the message. */
const MAX_LOCATION_LENGTH = 200;

export function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

function describeLocation(location: string | null, base: URL): string {
  if (location === null || location.trim() === '') return 'without saying where';
  let target: string;
  try {
    target = new URL(location, base).href;
  } catch {
    target = location;
  }
  const shown = target.length > MAX_LOCATION_LENGTH ? `${target.slice(0, MAX_LOCATION_LENGTH)}…` : target;
  return `pointing to ${shown}`;
}

/**
 * A 3xx answer. Following it would send the sign-in headers or the bearer token to wherever it points (even
 * over plain http), so the request ends here and the technician learns where the server wanted it to go.
 */
export function redirectRefused(
  request: OutgoingRequest,
  status: number,
  location: string | null,
  redact: (text: string) => string,
): FieldkitError {
  const host = request.url.host;
  const where = describeLocation(location, request.url);
  return new FieldkitError({
    code: 'redirected',
    status,
    // A Location may echo what was sent (a hostile server reflecting the sign-in header): redacted too.
    message: redact(
      `${host} answered ${status} to ${request.method} ${request.url.pathname}, ${where}. Fieldkit never follows redirects: credentials only go to ${host}.`,
    ),
    hint: 'Check the Rainbow host of the profile. If Rainbow really moved, enter the new host yourself, once you trust it.',
  });
}
