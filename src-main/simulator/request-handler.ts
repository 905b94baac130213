import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { TokenAuthority } from './auth/token-authority';
import { pickFault, retryAfterSeconds, strikeTargetedFault, type FaultVerdict } from './faults';
import {
  ApiError,
  ERROR_DETAILS_CODES,
  TENANT_ERROR_STATUS,
  TENANT_RULE_DETAILS_CODES,
  errorBody,
  type Reply,
} from './http/responses';
import { capPageLimit } from './http/query';
import type { Router } from './http/router';
import type { SimulatorFaults, TargetedFault } from './options';
import type { RequestLog } from './request-log';
import { TenantError, type SimulatorTenant } from './tenant/tenant';

const MAX_BODY_BYTES = 1024 * 1024;

export interface RequestHandlerDependencies {
  router: Router;
  tenant: SimulatorTenant;
  authority: TokenAuthority;
  faults: () => SimulatorFaults;
  random: () => number;
  log: RequestLog;
  hold: (socket: Socket) => void;
  /** How often each targeted fault has struck, across requests. */
  strikes: Map<TargetedFault, number>;
  /** Most items a list page holds (SimulatorOptions.pageCap). */
  pageCap: number | undefined;
}

/** One request: read the body, apply faults, route, check the bearer token, answer JSON. Never rejects. */
export async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  dependencies: RequestHandlerDependencies,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://simulator.invalid');
  const method = request.method ?? 'GET';
  const received = dependencies.log.step();
  const record = (status: number): void =>
    dependencies.log.add({
      method,
      path: url.pathname,
      query: url.search.slice(1),
      status,
      received,
      answered: dependencies.log.step(),
    });
  try {
    const rawBody = await readBody(request);
    const faults = dependencies.faults();
    if ((faults.latencyMs ?? 0) > 0) await delay(faults.latencyMs);
    const fate = decideFate(faults, method, url, request, rawBody, dependencies);
    if (fate === 'hold' || fate === 'cut') {
      record(0);
      if (fate === 'hold') dependencies.hold(request.socket);
      else request.socket.destroy();
      return;
    }
    send(response, fate);
    record(fate.status);
  } catch (error) {
    const reply = errorReply(error);
    send(response, reply);
    record(reply.status);
  }
}

/** An answer, or no answer at all: 'hold' keeps the socket open until the client gives up, 'cut' resets it. */
type Fate = Reply | 'hold' | 'cut';

function decideFate(
  faults: SimulatorFaults,
  method: string,
  url: URL,
  request: IncomingMessage,
  rawBody: Buffer | undefined,
  dependencies: RequestHandlerDependencies,
): Fate {
  const targeted = strikeTargetedFault(faults, method, url.pathname, dependencies.strikes);
  if (targeted !== undefined) {
    if (targeted.afterActing === true) dispatch(method, url, request, rawBody, dependencies);
    if (targeted.answer === 'timeout') return 'hold';
    if (targeted.answer === 'reset') return 'cut';
    const status = targeted.answer;
    return { status, body: errorBody(status, `Injected fault ${status}`, status * 1000) };
  }
  const verdict = pickFault(faults, dependencies.random);
  if (verdict === 'timeout') return 'hold';
  return verdict === 'none'
    ? dispatch(method, url, request, rawBody, dependencies)
    : faultReply(verdict, faults);
}

function dispatch(
  method: string,
  url: URL,
  request: IncomingMessage,
  rawBody: Buffer | undefined,
  { router, tenant, authority, pageCap }: RequestHandlerDependencies,
): Reply {
  try {
    const match = router.match(method, url.pathname);
    if (match.kind === 'not-found') {
      throw new ApiError(404, `Resource ${url.pathname} not found`, ERROR_DETAILS_CODES.unknownRoute);
    }
    if (match.kind === 'method-not-allowed') {
      throw new ApiError(
        405,
        `Method ${method} is not allowed on ${url.pathname}`,
        ERROR_DETAILS_CODES.methodNotAllowed,
        { allow: match.allowed.join(', ') },
      );
    }
    const context = {
      params: match.params,
      query: method === 'GET' ? capPageLimit(url.searchParams, pageCap) : url.searchParams,
      headers: request.headers,
      body: parseJson(rawBody),
      tenant,
    };
    const { route } = match;
    if (route.access === 'public') return route.handle(context);
    return route.handle(context, authority.authenticate(request.headers.authorization));
  } catch (error) {
    return errorReply(error);
  }
}

function faultReply(verdict: Exclude<FaultVerdict, 'none' | 'timeout'>, faults: SimulatorFaults): Reply {
  if (verdict === 'rate-limit') {
    const seconds = retryAfterSeconds(faults);
    return {
      status: 429,
      body: errorBody(429, `Too many requests, retry after ${seconds} s`, ERROR_DETAILS_CODES.rateLimited),
      headers: { 'retry-after': String(seconds) },
    };
  }
  return {
    status: 503,
    body: errorBody(503, 'Service temporarily unavailable', ERROR_DETAILS_CODES.unavailable),
  };
}

function errorReply(error: unknown): Reply {
  if (error instanceof ApiError)
    return { status: error.status, body: error.toBody(), headers: { ...error.headers } };
  if (error instanceof TenantError) {
    const status = TENANT_ERROR_STATUS[error.kind];
    return { status, body: errorBody(status, error.message, TENANT_RULE_DETAILS_CODES[error.rule]) };
  }
  const details = error instanceof Error ? error.message : String(error);
  return { status: 500, body: errorBody(500, `Simulator error: ${details}`, ERROR_DETAILS_CODES.internal) };
}

/** Read with the stream's events: its async iterator cost a small request more than routing and answering it. */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.once('end', () => {
      if (size <= MAX_BODY_BYTES) resolve(size === 0 ? undefined : Buffer.concat(chunks));
      else {
        reject(
          new ApiError(
            413,
            `Request body larger than ${MAX_BODY_BYTES} bytes`,
            ERROR_DETAILS_CODES.bodyTooLarge,
          ),
        );
      }
    });
    request.once('error', reject);
    // Closed before its end (the client went away): nothing to answer. After the end, this changes nothing.
    request.once('close', () => reject(new Error('the request closed before its body ended')));
  });
}

function parseJson(rawBody: Buffer | undefined): unknown {
  if (rawBody === undefined) return undefined;
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new ApiError(400, 'Request body is not valid JSON', ERROR_DETAILS_CODES.invalidJsonBody);
  }
}

function send(response: ServerResponse, reply: Reply): void {
  if (response.destroyed) return;
  const payload = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    ...reply.headers,
  });
  response.end(payload);
}
