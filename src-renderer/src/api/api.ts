import type { Api, Bridge } from '@api/contract';
import type { ErrorCode, FieldkitErrorData } from '@api/types';
import { createHttpBridge } from './http-bridge';

/** An error answered by the core, with its data intact for the UI (code, hint, field issues). */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly data: FieldkitErrorData;

  constructor(data: FieldkitErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.data = data;
  }
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser shell. */
    fieldkit?: Bridge;
  }
}

/** Wraps a bridge so calls answer values and throw `ApiError`, the way renderer code wants them. */
export function createApi(bridge: Bridge): Api {
  const namespaces = new Map<string, object>();
  return new Proxy({} as Api, {
    get(_, namespace) {
      if (namespace === 'on') return bridge.on.bind(bridge);
      if (namespace === 'upload') {
        return async (file: Blob) => {
          const result = await bridge.upload(await file.arrayBuffer());
          if (!result.ok) throw new ApiError(result.error);
          return result.value;
        };
      }
      if (typeof namespace !== 'string') return undefined;
      let functions = namespaces.get(namespace);
      if (!functions) {
        const target = (
          bridge as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>
        )[namespace];
        functions = new Proxy(
          {},
          {
            get: (__, verb) => async (input?: unknown) => {
              const call = typeof verb === 'string' ? target?.[verb] : undefined;
              if (!call)
                throw new ApiError({
                  code: 'unknown-call',
                  message: `Unknown call ${namespace}.${String(verb)}`,
                });
              const result = (await call(input)) as
                { ok: true; value: unknown } | { ok: false; error: FieldkitErrorData };
              if (!result.ok) throw new ApiError(result.error);
              return result.value;
            },
          },
        );
        namespaces.set(namespace, functions);
      }
      return functions;
    },
  });
}

/** The Electron preload provides `window.fieldkit`; the browser shell gets the HTTP transport. */
export const api: Api = createApi(window.fieldkit ?? createHttpBridge());
