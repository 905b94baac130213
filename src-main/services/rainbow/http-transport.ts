import { FieldkitError } from '../errors';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redactor';
import type { Clock } from './clock';
import { classifyFetchError } from './network-failure';
import { isRedirect, redirectRefused } from './redirect';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface OutgoingRequest {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, the raw text when the body is not JSON, `undefined` when empty. */
  body: unknown;
}

/**
 * Sends one request, once. Rejects with a `NetworkFailure` when no HTTP answer came back, and with a
 * 'redirected' FieldkitError on a 3xx: redirects are never followed.
 */
export type HttpTransport = (request: OutgoingRequest) => Promise<HttpResponse>;

export interface TransportDeps {
  fetch: typeof fetch;
  timeoutMs: number;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createHttpTransport(deps: TransportDeps): HttpTransport {
  return async (request) => {
    const started = deps.clock.now();
    const line = `${request.method} ${request.url.pathname}${request.url.search}`;
    const elapsed = (): string => `(${deps.clock.now() - started} ms)`;
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    try {
      // One signal covers connecting, the headers and reading the body.
      const response = await deps.fetch(request.url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(deps.timeoutMs),
      });
      if (isRedirect(response.status)) {
        // Whatever the body holds is not read; a failure to discard it must not hide the redirect.
        await response.body?.cancel().catch(() => undefined);
        deps.logger.debug(`${line} → ${response.status}, not followed ${elapsed()}`);
        const location = response.headers.get('location');
        throw redirectRefused(request, response.status, location, (text) => deps.redactor.redact(text));
      }
      const body = parseBody(await response.text());
      deps.logger.debug(`${line} → ${response.status} ${elapsed()}`);
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      if (error instanceof FieldkitError) throw error;
      const failure = classifyFetchError(error);
      if (failure === undefined) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new FieldkitError({
          code: 'internal',
          message: deps.redactor.redact(
            `Sending ${request.method} ${request.url.pathname} failed: ${detail}`,
          ),
        });
      }
      deps.logger.debug(`${line} → ${failure.code} ${elapsed()}`);
      throw failure;
    }
  };
}
