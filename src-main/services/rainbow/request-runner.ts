import type { FieldkitError } from '../errors';
import type { Logger } from '../log/logger';
import type { Clock } from './clock';
import type { ConnectivityMonitor } from './connectivity';
import { mapNetworkFailure, mapResponseError, type Redact, type RequestContext } from './error-mapping';
import type { HttpResponse, HttpTransport, OutgoingRequest } from './http-transport';
import { NetworkFailure } from './network-failure';
import { decideRetry, parseRetryAfter, type RetryPolicy } from './retry-policy';

export interface RunnableRequest extends OutgoingRequest {
  /**
   * Its Authorization header, asked for again at each attempt: a retry after a wait carries the session's token
   * of that moment, renewed meanwhile, not the one the call started with.
   */
  authorization?: () => string;
  /** Whether sending it twice does no harm; a create (POST) is not. */
  idempotent: boolean;
  /** How to find out whether a non-idempotent request was acted on, when its answer is lost. */
  unknownOutcomeHint?: string;
}

/** The last answer, after the retries it deserved. Any status: 401 is the session's business. */
export interface RunResult {
  request: RunnableRequest;
  response: HttpResponse;
  attempts: number;
  /** Not sent again because the server may already have acted on it. */
  outcomeUnknown: boolean;
  /** Set when a `Retry-After` was too long to wait for. */
  retryAfterMs?: number;
}

export interface RunnerDeps {
  transport: HttpTransport;
  policy: RetryPolicy;
  random: () => number;
  clock: Clock;
  logger: Logger;
  connectivity: ConnectivityMonitor;
  timeoutMs: number;
  redact: Redact;
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Sends a request, and again after a wait when the policy says so. Network failures become FieldkitErrors. */
export class RequestRunner {
  constructor(private readonly deps: RunnerDeps) {}

  async run(request: RunnableRequest): Promise<RunResult> {
    const { policy, random, clock, logger, connectivity } = this.deps;
    for (let attempt = 1; ; attempt += 1) {
      let response: HttpResponse;
      try {
        response = await this.deps.transport(authorized(request));
      } catch (error) {
        if (!(error instanceof NetworkFailure)) throw error;
        if (error.kind !== 'tls') connectivity.networkFailed();
        const outcome = { kind: 'network', retryable: error.retryable, notSent: error.notSent } as const;
        const decision = decideRetry(outcome, attempt, request.idempotent, policy, random);
        if (!decision.retry) {
          const context = this.#context(request, attempt, decision.reason === 'unsafe', 'call');
          throw mapNetworkFailure(error, context, this.deps.redact);
        }
        logger.debug(`retrying ${this.#describe(request)} in ${decision.delayMs} ms (${error.code})`);
        await clock.sleep(decision.delayMs);
        continue;
      }

      connectivity.answered();
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock.now());
      const outcome = { kind: 'status', status: response.status, retryAfterMs } as const;
      const decision = decideRetry(outcome, attempt, request.idempotent, policy, random);
      if (!decision.retry) {
        const result: RunResult = {
          request,
          response,
          attempts: attempt,
          outcomeUnknown: decision.reason === 'unsafe',
        };
        if (decision.reason === 'retry-after-too-long') result.retryAfterMs = retryAfterMs;
        return result;
      }
      logger.debug(
        `retrying ${this.#describe(request)} in ${decision.delayMs} ms (answer ${response.status})`,
      );
      await clock.sleep(decision.delayMs);
    }
  }

  /** The error for a final non-2xx answer. */
  failure(result: RunResult, phase: RequestContext['phase']): FieldkitError {
    const context = this.#context(result.request, result.attempts, result.outcomeUnknown, phase);
    if (result.retryAfterMs !== undefined) context.retryAfterMs = result.retryAfterMs;
    return mapResponseError(result.response.status, result.response.body, context, this.deps.redact);
  }

  #context(
    request: RunnableRequest,
    attempts: number,
    outcomeUnknown: boolean,
    phase: RequestContext['phase'],
  ): RequestContext {
    const context: RequestContext = {
      method: request.method,
      path: request.url.pathname,
      host: request.url.host,
      phase,
      attempts,
      timeoutMs: this.deps.timeoutMs,
      outcomeUnknown,
    };
    if (request.unknownOutcomeHint !== undefined) context.unknownOutcomeHint = request.unknownOutcomeHint;
    return context;
  }

  #describe(request: RunnableRequest): string {
    return `${request.method} ${request.url.pathname}`;
  }
}

/** The request as an attempt sends it: with the Authorization header of the moment, when it has one. */
function authorized(request: RunnableRequest): OutgoingRequest {
  if (request.authorization === undefined) return request;
  return { ...request, headers: { ...request.headers, authorization: request.authorization() } };
}
