/**
 * What went wrong below HTTP, read from the error a `node:http(s)` request fails with: a Node error code (on the
 * error, its cause, or a member of an AggregateError when several addresses were tried), or one of the
 * transport's own timeouts.
 */
export type NetworkFailureKind = 'refused' | 'dns' | 'unreachable' | 'timeout' | 'reset' | 'tls' | 'other';

export class NetworkFailure extends Error {
  constructor(
    readonly kind: NetworkFailureKind,
    /** The underlying code (`ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`, `TimeoutError`…). */
    readonly code: string,
    /** The request certainly never reached the server (no connection was made). */
    readonly notSent: boolean,
    /** Worth sending again: the cause may be gone in a moment. */
    readonly retryable: boolean,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = 'NetworkFailure';
  }
}

/** The transport's timeout struck before the connection (and TLS) was up: nothing was sent. */
export const CONNECT_TIMEOUT = 'CONNECT_TIMEOUT';

const CONNECT_FAILURES: Record<string, { kind: NetworkFailureKind; retryable: boolean }> = {
  ECONNREFUSED: { kind: 'refused', retryable: true },
  ENOTFOUND: { kind: 'dns', retryable: false },
  EAI_AGAIN: { kind: 'dns', retryable: true },
  EHOSTUNREACH: { kind: 'unreachable', retryable: true },
  ENETUNREACH: { kind: 'unreachable', retryable: true },
  EADDRNOTAVAIL: { kind: 'unreachable', retryable: true },
  [CONNECT_TIMEOUT]: { kind: 'unreachable', retryable: true },
};

/** Failures once a connection existed: the server may have received and acted on the request. */
const IN_FLIGHT_FAILURES: Record<string, NetworkFailureKind> = {
  ETIMEDOUT: 'unreachable',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
};

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

function isTlsCode(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_');
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The first error code found on the error, its cause chain, or the members of an AggregateError. */
function findCode(error: unknown, depth = 0): { code: string; source: unknown } | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const code = errorCode(error);
  if (code !== undefined) return { code, source: error };
  if (error instanceof AggregateError) {
    for (const member of error.errors) {
      const found = findCode(member, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return findCode((error as { cause?: unknown }).cause, depth + 1);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the error a request failed with; `undefined` when it is not a network failure (a programming error). A
 * `TimeoutError` is the transport's timeout once connected: the request may have reached the server.
 */
export function classifyNetworkError(error: unknown): NetworkFailure | undefined {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new NetworkFailure('timeout', error.name, false, true, 'no answer in time', { cause: error });
  }
  const found = findCode(error);
  if (found === undefined) return undefined;
  const detail = `${found.code}: ${messageOf(found.source)}`;
  const connect = CONNECT_FAILURES[found.code];
  if (connect !== undefined) {
    return new NetworkFailure(connect.kind, found.code, true, connect.retryable, detail, { cause: error });
  }
  if (isTlsCode(found.code)) {
    return new NetworkFailure('tls', found.code, true, false, detail, { cause: error });
  }
  const inFlight = IN_FLIGHT_FAILURES[found.code];
  if (inFlight !== undefined) {
    return new NetworkFailure(inFlight, found.code, false, true, detail, { cause: error });
  }
  return new NetworkFailure('other', found.code, false, false, detail, { cause: error });
}
