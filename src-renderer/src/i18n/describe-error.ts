import type { ErrorCode, FieldkitErrorData } from '@api/types';
import type { MessageSchema } from '@renderer/i18n/messages';

type ErrorKey = `errors.${keyof MessageSchema['errors']}`;

/** Codes with a message of our own; any other code shows the core's message as it is. */
const errorKeys: Partial<Record<ErrorCode, ErrorKey>> = {
  'auth-failed': 'errors.authFailed',
  'app-auth-failed': 'errors.appAuthFailed',
  unreachable: 'errors.unreachable',
  tls: 'errors.tls',
  'keychain-unavailable': 'errors.keychainUnavailable',
  'insecure-host': 'errors.insecureHost',
  'profile-not-found': 'errors.profileNotFound',
  timeout: 'errors.timeout',
  'rate-limited': 'errors.rateLimited',
  'server-error': 'errors.serverError',
  'not-signed-in': 'errors.notSignedIn',
  forbidden: 'errors.forbidden',
  'not-found': 'errors.notFound',
  'outcome-unknown': 'errors.outcomeUnknown',
  redirected: 'errors.redirected',
};

export interface ErrorDescription {
  /** Translated sentence for the code, or the core's message when the code has none. */
  summary: string;
  /** The core's own message when it says more than the summary (host names, server answers). */
  detail?: string;
  hint?: string;
}

export function describeError(
  translate: (key: ErrorKey) => string,
  error: FieldkitErrorData,
): ErrorDescription {
  const key = errorKeys[error.code];
  const summary = key ? translate(key) : error.message;
  const description: ErrorDescription = { summary };
  if (error.message !== summary && error.message.trim() !== '') description.detail = error.message;
  if (error.hint) description.hint = error.hint;
  return description;
}
