import { STATUS_CODES } from 'node:http';
import type { ApiErrorBody, ApiItem, ApiList } from '../../services/rainbow/types';

/**
 * `errorDetailsCode` values the simulator answers with. The reference shows only 400581 and 401523; every
 * other value here is an assumption (same shape: the HTTP status followed by three digits), kept in this one
 * table so it can be corrected in one place.
 */
export const ERROR_DETAILS_CODES = {
  invalidParameter: 400000,
  invalidJsonBody: 400001,
  invalidCredentials: 401500,
  missingToken: 401520,
  invalidToken: 401521,
  expiredToken: 401522,
  revokedToken: 401524,
  unknownApplication: 403100,
  applicationNotAuthorised: 403101,
  systemOfAnotherCompany: 403200,
  unknownRoute: 404000,
  cloudPbxNotFound: 404200,
  deviceNotFound: 404300,
  resourceNotFound: 404900,
  methodNotAllowed: 405000,
  conflict: 409000,
  bodyTooLarge: 413000,
  rateLimited: 429000,
  internal: 500000,
  unavailable: 503000,
} as const;

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
