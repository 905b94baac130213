import { STATUS_CODES } from 'node:http';
import type { ApiErrorBody, ApiItem, ApiList } from '../../services/rainbow/types';
import type { TenantErrorKind, TenantRule } from '../tenant/tenant-error';

/**
 * `errorDetailsCode` values the simulator answers with. The reference shows only 400581 and 401523; every
 * other value here is an assumption (same shape: the HTTP status followed by three digits), kept in this one
 * table so it can be corrected in one place.
 */
export const ERROR_DETAILS_CODES = {
  invalidParameter: 400000,
  invalidJsonBody: 400001,
  /** The one key code the reference shows: a key type the model does not support. */
  keyTypeNotSupported: 400581,
  invalidCredentials: 401500,
  missingToken: 401520,
  invalidToken: 401521,
  expiredToken: 401522,
  revokedToken: 401524,
  unknownApplication: 403100,
  applicationNotAuthorised: 403101,
  systemOfAnotherCompany: 403200,
  debugDurationNotAllowed: 403300,
  keyLocked: 403320,
  unknownRoute: 404000,
  userNotFound: 404100,
  cloudPbxNotFound: 404200,
  deviceNotFound: 404300,
  moduleNotFound: 404310,
  keyNotFound: 404320,
  subscriberNotFound: 404400,
  methodNotAllowed: 405000,
  userExists: 409100,
  identifierInUse: 409300,
  deviceAssigned: 409301,
  deviceAlreadyAssigned: 409302,
  modulePositionTaken: 409310,
  keyTaken: 409320,
  shortNumberInUse: 409400,
  userHasSubscriber: 409401,
  bodyTooLarge: 413000,
  rateLimited: 429000,
  internal: 500000,
  unavailable: 503000,
} as const;

/** The HTTP status of each kind of tenant refusal. */
export const TENANT_ERROR_STATUS: Record<TenantErrorKind, number> = {
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  invalid: 400,
};

/** The `errorDetailsCode` of each tenant rule (assumed, like the rest of the table above). */
export const TENANT_RULE_DETAILS_CODES: Record<TenantRule, number> = {
  'cloudpbx-not-found': ERROR_DETAILS_CODES.cloudPbxNotFound,
  'device-not-found': ERROR_DETAILS_CODES.deviceNotFound,
  'subscriber-not-found': ERROR_DETAILS_CODES.subscriberNotFound,
  'user-not-found': ERROR_DETAILS_CODES.userNotFound,
  'module-not-found': ERROR_DETAILS_CODES.moduleNotFound,
  'identifier-in-use': ERROR_DETAILS_CODES.identifierInUse,
  'device-assigned': ERROR_DETAILS_CODES.deviceAssigned,
  'device-already-assigned': ERROR_DETAILS_CODES.deviceAlreadyAssigned,
  'module-position-taken': ERROR_DETAILS_CODES.modulePositionTaken,
  'short-number-in-use': ERROR_DETAILS_CODES.shortNumberInUse,
  'user-has-subscriber': ERROR_DETAILS_CODES.userHasSubscriber,
  'user-exists': ERROR_DETAILS_CODES.userExists,
  'unknown-device-type': ERROR_DETAILS_CODES.invalidParameter,
  'identifier-mismatch': ERROR_DETAILS_CODES.invalidParameter,
  'module-not-supported': ERROR_DETAILS_CODES.invalidParameter,
  'outside-numbering-plan': ERROR_DETAILS_CODES.invalidParameter,
  'not-a-deskphone': ERROR_DETAILS_CODES.invalidParameter,
  'key-not-found': ERROR_DETAILS_CODES.keyNotFound,
  'key-taken': ERROR_DETAILS_CODES.keyTaken,
  'key-type-not-supported': ERROR_DETAILS_CODES.keyTypeNotSupported,
  'key-out-of-range': ERROR_DETAILS_CODES.invalidParameter,
  'key-invalid': ERROR_DETAILS_CODES.invalidParameter,
  'key-locked': ERROR_DETAILS_CODES.keyLocked,
};

/** Thrown by handlers and helpers; the request handler turns it into the documented error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly details: string;
  readonly detailsCode: number;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, details: string, detailsCode: number, headers: Record<string, string> = {}) {
    super(details);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
    this.detailsCode = detailsCode;
    this.headers = headers;
  }

  static badRequest(details: string): ApiError {
    return new ApiError(400, details, ERROR_DETAILS_CODES.invalidParameter);
  }

  toBody(): ApiErrorBody {
    return errorBody(this.status, this.details, this.detailsCode);
  }
}

export function errorBody(status: number, details: string, detailsCode: number): ApiErrorBody {
  return {
    errorCode: status,
    errorMsg: STATUS_CODES[status] ?? 'Error',
    errorDetails: details,
    errorDetailsCode: detailsCode,
  };
}

/** What a handler answers: a status, a JSON body and any extra headers. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function okReply(body: unknown): Reply {
  return { status: 200, body };
}

export function itemEnvelope<T>(data: T, status?: string): ApiItem<T> {
  return status === undefined ? { data } : { status, data };
}

export function listEnvelope<T>(
  data: T[],
  page: { limit: number; offset: number },
  total: number,
): ApiList<T> {
  return { data, limit: page.limit, offset: page.offset, total };
}
