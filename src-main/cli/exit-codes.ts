import { FieldkitError, type ErrorCode, type FieldkitErrorData } from '../services/errors';
import { ApiError } from '../shared/create-api';

/** Product interface: scripts depend on these numbers. */
export const EXIT = { ok: 0, partial: 1, usage: 2, auth: 3, unreachable: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_CODE: Partial<Record<ErrorCode, ExitCode>> = {
  'invalid-input': EXIT.usage,
  'insecure-host': EXIT.usage,
  'profile-not-found': EXIT.usage,
  'not-found': EXIT.usage,
  'auth-failed': EXIT.auth,
  'app-auth-failed': EXIT.auth,
  forbidden: EXIT.auth,
  'not-signed-in': EXIT.auth,
  'keychain-unavailable': EXIT.auth,
  unreachable: EXIT.unreachable,
  timeout: EXIT.unreachable,
  tls: EXIT.unreachable,
  'rate-limited': EXIT.unreachable,
  'server-error': EXIT.unreachable,
  redirected: EXIT.unreachable,
  // The change may have been made: a partial result, not an unreachable service.
  'outcome-unknown': EXIT.partial,
};

export function exitCodeFor(error: unknown): ExitCode {
  const data = errorData(error);
  return data === undefined ? EXIT.partial : (BY_CODE[data.code] ?? EXIT.partial);
}

/** What the core answered, or what a command found wrong itself; undefined for anything unexpected. */
export function errorData(error: unknown): FieldkitErrorData | undefined {
  if (error instanceof ApiError) return { ...error.data };
  if (error instanceof FieldkitError) return error.toData();
  return undefined;
}
