import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { MAX_APPLY_CONCURRENCY } from '../../shared/limits';
import { FieldkitError } from '../errors';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redactor';
import type { Clock } from './clock';
import { classifyNetworkError, CONNECT_TIMEOUT } from './network-failure';
import { isRedirect, redirectRefused } from './redirect';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface OutgoingRequest {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
}

/** What callers read of an answer's headers (a `Headers` fits too). */
export interface ResponseHeaders {
  /** The header's value (repeated ones joined by ", "), `null` when absent; the name in any case. */
  get(name: string): string | null;
}

export interface HttpResponse {
  status: number;
  headers: ResponseHeaders;
  /** Parsed JSON, the raw text when the body is not JSON, `undefined` when empty. */
  body: unknown;
}

/**
 * Sends one request, once. Rejects with a `NetworkFailure` when no HTTP answer came back, and with a
 * 'redirected' FieldkitError on a 3xx: redirects are never followed.
 */
export type HttpTransport = (request: OutgoingRequest) => Promise<HttpResponse>;

export interface TransportDeps {
  timeoutMs: number;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
}

/** An answer as it came off the wire. */
interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** Empty for a redirect: its body is discarded unread. */
  body: Buffer;
}

/**
 * Connections kept open between requests, so that a run of calls pays for TCP and TLS once per socket. As many
 * idle ones are kept as the widest apply runs at once; the agent closes them a second before the server's
 * announced keep-alive timeout (4 s without one), and they never keep the process alive.
 */
function keepAliveAgents(): { http: HttpAgent; https: HttpsAgent } {
  const options = { keepAlive: true, maxFreeSockets: MAX_APPLY_CONCURRENCY, timeout: 4_000, noDelay: true };
  return { http: new HttpAgent(options), https: new HttpsAgent(options) };
}

function responseHeaders(headers: IncomingHttpHeaders): ResponseHeaders {
  return {
    get: (name) => {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

function parseBody(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Only a body that is not JSON is looked at twice: blank, it is no body at all.
    return text.trim() === '' ? undefined : text;
  }
}

/** The timeout of the whole exchange, told apart by whether the request could have left yet. */
function timeoutError(connected: boolean): Error {
  if (connected) return Object.assign(new Error('no answer in time'), { name: 'TimeoutError' });
  return Object.assign(new Error('no connection in time'), { code: CONNECT_TIMEOUT });
}

export function createHttpTransport(deps: TransportDeps): HttpTransport {
  const agents = keepAliveAgents();

  /** A request that failed for another reason than the network: a bug, reported as such. */
  const internalFailure = (request: OutgoingRequest, error: unknown): FieldkitError => {
    const detail = error instanceof Error ? error.message : String(error);
    return new FieldkitError({
      code: 'internal',
      message: deps.redactor.redact(`Sending ${request.method} ${request.url.pathname} failed: ${detail}`),
    });
  };

  /** One exchange; a single timer covers connecting, the headers and reading the body. TLS verification stays on. */
  const exchange = (request: OutgoingRequest, headers: Record<string, string>, payload?: string) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const secure = request.url.protocol === 'https:';
      let connected = false;
      let outgoing: ClientRequest;
      try {
        outgoing = (secure ? httpsRequest : httpRequest)(
          request.url,
          { method: request.method, headers, agent: secure ? agents.https : agents.http },
          onAnswer,
        );
      } catch (error) {
        // Node refused the request before anything left (a header value it will not send): not the network.
        reject(internalFailure(request, error));
        return;
      }
      function onAnswer(incoming: IncomingMessage): void {
        const status = incoming.statusCode ?? 0;
        if (isRedirect(status)) {
          // Whatever the body holds is not read: the connection goes with it, however much was coming.
          incoming.destroy();
          finish();
          resolve({ status, headers: incoming.headers, body: Buffer.alloc(0) });
          return;
        }
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.once('end', () => {
          finish();
          resolve({ status, headers: incoming.headers, body: Buffer.concat(chunks) });
        });
        incoming.once('error', fail);
      }
      const timer = setTimeout(() => fail(timeoutError(connected)), deps.timeoutMs);
      function finish(): void {
        clearTimeout(timer);
      }
      function fail(error: Error): void {
        finish();
        outgoing.destroy();
        reject(error);
      }
      outgoing.once('socket', (socket: Socket) => {
        if (outgoing.reusedSocket) connected = true;
        else socket.once(secure ? 'secureConnect' : 'connect', () => (connected = true));
      });
      outgoing.once('error', fail);
      outgoing.end(payload);
    });

  return async (request) => {
    const started = deps.clock.now();
    const line = `${request.method} ${request.url.pathname}${request.url.search}`;
    const elapsed = (): string => `(${deps.clock.now() - started} ms)`;
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    try {
      const answer = await exchange(request, headers, payload);
      const answerHeaders = responseHeaders(answer.headers);
      if (isRedirect(answer.status)) {
        deps.logger.debug(`${line} → ${answer.status}, not followed ${elapsed()}`);
        const location = answerHeaders.get('location');
        throw redirectRefused(request, answer.status, location, (text) => deps.redactor.redact(text));
      }
      const body = parseBody(answer.body);
      deps.logger.debug(`${line} → ${answer.status} ${elapsed()}`);
      return { status: answer.status, headers: answerHeaders, body };
    } catch (error) {
      if (error instanceof FieldkitError) throw error;
      const failure = classifyNetworkError(error);
      if (failure === undefined) throw internalFailure(request, error);
      deps.logger.debug(`${line} → ${failure.code} ${elapsed()}`);
      throw failure;
    }
  };
}
