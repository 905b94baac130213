/**
 * Turns a bridge of the contract (calls answering `CallResult` envelopes) into the `Api` every shell's client
 * code uses: calls answer values and throw `ApiError`. Pure: the renderer and the CLI both import it.
 */
import type { Api, Bridge } from '../api/contract';
import type { ErrorCode, FieldkitErrorData } from '../api/types';

/** An error answered by the core, with its data intact (code, hint, field issues). */
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

type Envelope = { ok: true; value: unknown } | { ok: false; error: FieldkitErrorData };
type BridgeNamespace = Record<string, ((input?: unknown) => Promise<unknown>) | undefined>;

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
        const target = (bridge as unknown as Record<string, BridgeNamespace | undefined>)[namespace];
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
              const result = (await call(input)) as Envelope;
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
