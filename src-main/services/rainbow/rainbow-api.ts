import { bearerAuthorization } from './auth-headers';
import type { HttpMethod } from './http-transport';
import { DEFAULT_PAGE_SIZE, fetchAllPages, paginate, streamAllPages } from './pagination';
import { isSuccess, type RequestRunner } from './request-runner';
import type { Session } from './session';
import type { ApiList } from './types';

export type QueryValue = string | number | boolean | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

export interface RequestOptions {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Whether sending it twice does no harm. Default: true for GET, PUT and DELETE, false for POST. */
  idempotent?: boolean;
  /** For a non-idempotent call: how to check whether it was acted on when its answer is lost. */
  unknownOutcomeHint?: string;
}

/**
 * The generic calls every endpoint module is written with. `path` starts at the host root
 * (`/api/rainbow/...`, see paths.ts). The answer is typed by the caller from the documented wire shape.
 */
export interface RainbowApi {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  /** Every item of a `{ data, limit, offset, total }` list, fetched page by page as they are consumed. */
  paginate<T>(path: string, query?: Query, pageSize?: number): AsyncGenerator<T>;
  /** Every item of a paginated list, all pages. */
  listAll<T>(path: string, query?: Query, pageSize?: number): Promise<T[]>;
  /** The pages of `listAll`, in order, each as soon as it and the pages before it arrived. */
  listPages<T>(path: string, query?: Query, pageSize?: number): AsyncGenerator<T[]>;
}

function buildUrl(origin: URL, path: string, query: Query | undefined): URL {
  if (!path.startsWith('/api/')) throw new RangeError(`API paths start with /api/: ${path}`);
  const url = new URL(path, origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

export function createRainbowApi(origin: URL, session: Session, runner: RequestRunner): RainbowApi {
  const api: RainbowApi = {
    async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
      const url = buildUrl(origin, path, options.query);
      const idempotent = options.idempotent ?? method !== 'POST';
      const result = await session.withToken((token) =>
        runner.run({
          method,
          url,
          headers: {},
          authorization: () => bearerAuthorization(token()),
          body: options.body,
          idempotent,
          ...(options.unknownOutcomeHint === undefined
            ? {}
            : { unknownOutcomeHint: options.unknownOutcomeHint }),
        }),
      );
      if (!isSuccess(result.response.status)) throw runner.failure(result, 'call');
      return result.response.body as T;
    },

    paginate<T>(path: string, query: Query = {}, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<T> {
      return paginate<T>(
        (offset, limit) => api.request<ApiList<T>>('GET', path, { query: { ...query, limit, offset } }),
        pageSize,
      );
    },

    listAll<T>(path: string, query: Query = {}, pageSize = DEFAULT_PAGE_SIZE): Promise<T[]> {
      return fetchAllPages<T>(
        (offset, limit) => api.request<ApiList<T>>('GET', path, { query: { ...query, limit, offset } }),
        pageSize,
      );
    },

    listPages<T>(path: string, query: Query = {}, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<T[]> {
      return streamAllPages<T>(
        (offset, limit) => api.request<ApiList<T>>('GET', path, { query: { ...query, limit, offset } }),
        pageSize,
      );
    },
  };
  return api;
}
