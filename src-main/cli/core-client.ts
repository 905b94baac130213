import type { Api, Bridge, CallName, EventName } from '../api/contract';
import type { CallResult } from '../api/types';
import { createCore, type CoreOptions } from '../app/core';
import { createApi } from '../shared/create-api';
import type { Redactor } from '../services/log/redactor';

/** The CLI's handle on the one core: the same calls and events as the app's windows, in-process. */
export interface CoreClient {
  api: Api;
  /** Knows every secret the core has seen, so the CLI's own messages can be cleaned too. */
  redactor: Redactor;
  close(): Promise<void>;
}

export function openCoreClient(options: Omit<CoreOptions, 'shell'>): CoreClient {
  const core = createCore({ ...options, shell: 'cli' });
  const call = (name: string, input: unknown): Promise<CallResult<unknown>> =>
    core.router.dispatch(name as CallName, input ?? {});
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) =>
    core.events.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  const bridge = new Proxy({ on } as unknown as Bridge, {
    get: (_, namespace) => {
      if (namespace === 'on') return on;
      if (typeof namespace !== 'string') return undefined;
      return new Proxy(
        {},
        { get: (__, verb) => (input?: unknown) => call(`${namespace}.${String(verb)}`, input) },
      );
    },
  });
  return { api: createApi(bridge), redactor: core.redactor, close: () => core.close() };
}
