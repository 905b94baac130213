import { FieldkitError, type ErrorCode } from '../errors';
import type { NetworkFailure } from './network-failure';
import { OUTCOME_UNKNOWN_HINT, OutcomeUnknownError } from './outcome-unknown';

/** What the message of an error may say about the request. Never headers: they carry credentials. */
export interface RequestContext {
  method: string;
  /** Path without the query. */
  path: string;
  /** `host[:port]` of the Rainbow server. */
  host: string;
  /** 'login' for the sign-in call itself, 'call' for every call made with a session token. */
  phase: 'login' | 'call';
  attempts: number;
  timeoutMs: number;
  /** The request was not sent again because that could have done the change twice. */
  outcomeUnknown: boolean;
  /** How to check whether that change was made; a generic look-up hint when absent. */
  unknownOutcomeHint?: string;
  /** A `Retry-After` too long to wait for. */
  retryAfterMs?: number;
}

export type Redact = (text: string) => string;

/** Why an unknown outcome is not simply retried, said in the message itself. */
const notSentAgain = ', and Fieldkit did not send it again (that could do it twice)';

interface ErrorBodyFields {
  errorMsg?: string;
  details?: string;
  detailsCode?: number;
}

/** Reads `{ errorCode, errorMsg, errorDetails, errorDetailsCode }`; tolerates any other body. */
export function readErrorBody(body: unknown): ErrorBodyFields {
  if (typeof body !== 'object' || body === null) return {};
  const { errorMsg, errorDetails, errorDetailsCode } = body as Record<string, unknown>;
  const fields: ErrorBodyFields = {};
  if (typeof errorMsg === 'string' && errorMsg !== '') fields.errorMsg = errorMsg;
  if (typeof errorDetails === 'string' && errorDetails.trim() !== '') fields.details = errorDetails.trim();
  if (typeof errorDetails === 'object' && errorDetails !== null) {
    const nested = (errorDetails as Record<string, unknown>)['errorMsg'];
    if (typeof nested === 'string' && nested !== '') fields.details = nested;
  }
  if (typeof errorDetailsCode === 'number') fields.detailsCode = errorDetailsCode;
  return fields;
}

function attemptsSuffix(context: RequestContext): string {
  return context.attempts > 1 ? ` (tried ${context.attempts} times)` : '';
}

function withDetails(sentence: string, details: string | undefined): string {
  return details === undefined ? `${sentence}.` : `${sentence}: ${details.replace(/\.$/, '')}.`;
}

interface ErrorKind {
  code: ErrorCode;
  hint?: string;
}

const LOGIN_ERRORS: Readonly<Record<number, ErrorKind>> = {
  401: { code: 'auth-failed', hint: 'Check the login (the e-mail address of the account) and its password.' },
  403: {
    code: 'app-auth-failed',
    hint: 'Check the application id and secret of the profile; an application that is not deployed only works on sandbox.openrainbow.com.',
  },
};

const CALL_ERRORS: Readonly<Record<number, ErrorKind>> = {
  401: { code: 'auth-failed', hint: 'Sign in again; if it keeps happening, check the account.' },
  403: { code: 'forbidden', hint: 'This needs an administrator role covering this CloudPBX.' },
  404: { code: 'not-found', hint: 'It may have been deleted meanwhile; refresh the list.' },
  409: { code: 'conflict' },
  429: { code: 'rate-limited', hint: 'Wait a minute, then try again.' },
};

const SERVER_ERROR: ErrorKind = {
  code: 'server-error',
  hint: 'Rainbow may be busy or down; try again in a few minutes.',
};

function errorKind(status: number, phase: RequestContext['phase']): ErrorKind {
  const known = (phase === 'login' ? LOGIN_ERRORS[status] : undefined) ?? CALL_ERRORS[status];
  if (known !== undefined) return known;
  return status >= 500 ? SERVER_ERROR : { code: 'api-error' };
}

function statusMessage(status: number, body: ErrorBodyFields, context: RequestContext): string {
  const request = `${context.method} ${context.path}`;
  const answer = `${status}${body.errorMsg === undefined ? '' : ` ${body.errorMsg}`}`;
  if (context.phase === 'login' && status === 401) return 'The login or password is wrong.';
  if (context.phase === 'login' && status === 403) {
    return `The application id or secret is not accepted by ${context.host}.`;
  }
  if (status === 401) {
    return withDetails('The Rainbow session has expired and signing in again did not help', body.details);
  }
  if (status === 403) return withDetails(`The account is not allowed to do ${request}`, body.details);
  if (status === 404) return withDetails(`Rainbow found nothing at ${request}`, body.details);
  if (status === 409) return withDetails(`Rainbow refused ${request} because of a conflict`, body.details);
  if (status === 429) {
    if (context.retryAfterMs !== undefined) {
      return `Rainbow is limiting requests and asks to wait ${Math.ceil(context.retryAfterMs / 1000)} s before ${request}.`;
    }
    return `Rainbow is limiting requests and kept refusing ${request}${attemptsSuffix(context)}.`;
  }
  if (status >= 500)
    return withDetails(`Rainbow answered ${answer} to ${request}${attemptsSuffix(context)}`, body.details);
  return withDetails(`Rainbow refused ${request} (${answer})`, body.details);
}

/** Turns a final non-2xx answer into the error a technician reads. */
export function mapResponseError(
  status: number,
  body: unknown,
  context: RequestContext,
  redact: Redact,
): FieldkitError {
  const fields = readErrorBody(body);
  const { code, hint } = errorKind(status, context.phase);
  const data = { status, detailsCode: fields.detailsCode };
  if (context.outcomeUnknown) {
    return new OutcomeUnknownError({
      ...data,
      code: 'outcome-unknown',
      message: redact(
        `Rainbow answered ${status} to ${context.method} ${context.path}; whether the change was made is unknown${notSentAgain}.`,
      ),
      hint: context.unknownOutcomeHint ?? OUTCOME_UNKNOWN_HINT,
    });
  }
  return new FieldkitError({ ...data, code, hint, message: redact(statusMessage(status, fields, context)) });
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function reason(failure: NetworkFailure, context: RequestContext): string {
  switch (failure.kind) {
    case 'refused':
      return `the connection was refused (${failure.code})`;
    case 'dns':
      return `the host name could not be resolved (${failure.code})`;
    case 'unreachable':
      return `the host could not be reached (${failure.code})`;
    case 'reset':
      return `the connection was cut (${failure.code})`;
    case 'timeout':
      return `no answer within ${formatDuration(context.timeoutMs)}`;
    case 'tls':
    case 'other':
      return failure.message;
  }
}

/** Turns a failure below HTTP (after the retries it deserved) into the error a technician reads. */
export function mapNetworkFailure(
  failure: NetworkFailure,
  context: RequestContext,
  redact: Redact,
): FieldkitError {
  const request = `${context.method} ${context.path}`;
  const options = { cause: failure };
  if (failure.kind === 'tls') {
    const certificate = !failure.code.startsWith('ERR_SSL_') && failure.code !== 'EPROTO';
    const sentence = certificate
      ? `The certificate of ${context.host} could not be verified (${failure.code})`
      : `The secure connection to ${context.host} failed (${failure.code})`;
    return new FieldkitError(
      {
        code: 'tls',
        message: redact(
          `${sentence}. TLS verification stays on: Fieldkit does not talk to a server it cannot verify.`,
        ),
        hint: 'Check the host name and the computer’s date and time. Behind a proxy that inspects HTTPS, its root certificate must be trusted (NODE_EXTRA_CA_CERTS).',
      },
      options,
    );
  }
  if (context.outcomeUnknown) {
    return new OutcomeUnknownError(
      {
        code: 'outcome-unknown',
        message: redact(
          `The connection to ${context.host} failed during ${request} (${reason(failure, context)}); whether the change was made is unknown${notSentAgain}.`,
        ),
        hint: context.unknownOutcomeHint ?? OUTCOME_UNKNOWN_HINT,
      },
      options,
    );
  }
  if (failure.kind === 'timeout') {
    return new FieldkitError(
      {
        code: 'timeout',
        message: redact(
          `${context.host} did not answer ${request}: ${reason(failure, context)}${attemptsSuffix(context)}.`,
        ),
        hint: 'Check the network connection; Rainbow may be slow, try again.',
      },
      options,
    );
  }
  return new FieldkitError(
    {
      code: 'unreachable',
      message: redact(`Cannot reach ${context.host}: ${reason(failure, context)}${attemptsSuffix(context)}.`),
      hint: 'Check the network connection and the host name.',
    },
    options,
  );
}
