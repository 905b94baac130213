/**
 * The one error type that crosses every boundary (router, transports, CLI). Its data is plain JSON so it can
 * travel over IPC or HTTP; `message` is written for a technician, `hint` says what to do about it.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'unknown-call'
  | 'not-signed-in'
  | 'auth-failed'
  | 'app-auth-failed'
  | 'forbidden'
  /** The operating system refused (a firewall, a sandbox, missing privileges) — not Rainbow. */
  | 'permission-denied'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'unreachable'
  | 'timeout'
  | 'tls'
  | 'insecure-host'
  | 'server-error'
  /** A change was sent once and its answer was lost or an error (timeout, 500, 502, 504): it may have been made. */
  | 'outcome-unknown'
  /** The server answered with a redirect; Fieldkit never follows one (credentials stay with the configured host). */
  | 'redirected'
  | 'api-error'
  | 'keychain-unavailable'
  | 'profile-not-found'
  | 'internal';

export interface InputIssue {
  /** Dotted path of the offending field, e.g. `host` or `rows.3.mac`. */
  field: string;
  message: string;
}

export interface FieldkitErrorData {
  code: ErrorCode;
  message: string;
  hint?: string;
  /** HTTP status of the Rainbow API answer, when there was one. */
  status?: number;
  /** `errorDetailsCode` of the Rainbow API answer, when there was one. */
  detailsCode?: number;
  issues?: InputIssue[];
  /** Facts the UI can act on, e.g. `{ deviceId }` of the device a conflict is about (to link to it). */
  details?: Record<string, string>;
}

export class FieldkitError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly status: number | undefined;
  readonly detailsCode: number | undefined;
  readonly issues: InputIssue[] | undefined;
  readonly details: Record<string, string> | undefined;

  constructor(data: FieldkitErrorData, options?: { cause?: unknown }) {
    super(data.message, options);
    this.name = 'FieldkitError';
    this.code = data.code;
    this.hint = data.hint;
    this.status = data.status;
    this.detailsCode = data.detailsCode;
    this.issues = data.issues;
    this.details = data.details;
  }

  toData(): FieldkitErrorData {
    const data: FieldkitErrorData = { code: this.code, message: this.message };
    if (this.hint !== undefined) data.hint = this.hint;
    if (this.status !== undefined) data.status = this.status;
    if (this.detailsCode !== undefined) data.detailsCode = this.detailsCode;
    if (this.issues !== undefined) data.issues = this.issues;
    if (this.details !== undefined) data.details = this.details;
    return data;
  }
}

export function isFieldkitError(error: unknown, code?: ErrorCode): error is FieldkitError {
  return error instanceof FieldkitError && (code === undefined || error.code === code);
}
