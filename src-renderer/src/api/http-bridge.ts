import type { Bridge, CallName, EventName } from '@api/contract';
import type { CallResult, UploadedFile } from '@api/types';

type AnyListener = (payload: unknown) => void;

/**
 * The browser shell's `window.fieldkit`: one `POST /rpc/<call>` per call and one `EventSource` for events. The
 * per-launch token travels as an HttpOnly cookie set by the host, so no script here ever holds it.
 */
export function createHttpBridge(): Bridge {
  const listeners = new Map<string, Set<AnyListener>>();
  let source: EventSource | undefined;

  const ensureEventSource = (event: string): void => {
    source ??= new EventSource('/events');
    if (listeners.has(event)) return;
    listeners.set(event, new Set());
    source.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };

  const call = async (name: string, input: unknown): Promise<CallResult<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return hostError('The Fieldkit host is not answering. Is `npm start` still running?');
    }
    if (response.status === 401 || response.status === 403) {
      return hostError('This page is not authorised any more: open the address `npm start` printed.');
    }
    if (!response.ok) return hostError(`The Fieldkit host answered ${response.status}.`);
    return (await response.json()) as CallResult<unknown>;
  };

  /** The file's raw bytes as one streamed body: a call's JSON body is capped, an upload only at the file limit. */
  const upload = async (bytes: ArrayBuffer): Promise<CallResult<UploadedFile>> => {
    let response: Response;
    try {
      response = await fetch('/upload', {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        credentials: 'same-origin',
        body: bytes,
      });
    } catch {
      return hostError('The Fieldkit host is not answering. Is `npm start` still running?');
    }
    if (response.status === 413) {
      return { ok: false, error: { code: 'invalid-input', message: 'The file is larger than 64 MB.' } };
    }
    if (response.status === 401 || response.status === 403) {
      return hostError('This page is not authorised any more: open the address `npm start` printed.');
    }
    if (!response.ok) return hostError(`The Fieldkit host answered ${response.status}.`);
    return (await response.json()) as CallResult<UploadedFile>;
  };

  const on = (event: EventName, listener: AnyListener): (() => void) => {
    ensureEventSource(event);
    listeners.get(event)?.add(listener);
    return () => listeners.get(event)?.delete(listener);
  };

  const namespaces = new Map<string, object>();
  return new Proxy({ on, upload } as unknown as Bridge, {
    get(target, namespace) {
      if (namespace === 'on') return on;
      if (namespace === 'upload') return upload;
      if (typeof namespace !== 'string') return undefined;
      let functions = namespaces.get(namespace);
      if (!functions) {
        functions = new Proxy(
          {},
          {
            get: (_, verb) =>
              typeof verb === 'string'
                ? (input?: unknown) => call(`${namespace}.${verb}` as CallName, input)
                : undefined,
          },
        );
        namespaces.set(namespace, functions);
      }
      return functions;
    },
  });
}

function hostError(message: string): CallResult<never> {
  return { ok: false, error: { code: 'unreachable', message } };
}
