import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, eventNames, splitCallName, type Bridge } from '../../../src-main/api/contract';
import { CALL_CHANNEL, EVENT_CHANNEL, UPLOAD_CHANNEL } from '../../../src-main/shell/electron/channels';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'answer' })),
  listeners: new Map<string, Set<IpcListener>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: IpcListener) => {
      const set = electron.listeners.get(channel) ?? new Set();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: IpcListener) =>
      electron.listeners.get(channel)?.delete(listener),
  },
}));

/** What the main process sends on the event channel. */
function sendEvent(name: string, payload: unknown): void {
  for (const listener of electron.listeners.get(EVENT_CHANNEL) ?? []) listener({}, name, payload);
}

let bridge: Bridge;

beforeEach(async () => {
  vi.resetModules();
  electron.exposed.clear();
  electron.listeners.clear();
  electron.invoke.mockClear();
  await import('../../../src-main/shell/electron/preload');
  bridge = electron.exposed.get('fieldkit') as Bridge;
});

describe('Electron preload', () => {
  it('exposes one `fieldkit` object: a function per contract call, `on` and `upload`, nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['fieldkit']);
    const namespaces = [...new Set(callNames.map((name) => splitCallName(name)[0]))];
    expect(Object.keys(bridge).sort()).toEqual([...namespaces, 'on', 'upload'].sort());
    const exposed = bridge as unknown as Record<string, Record<string, unknown>>;
    for (const name of callNames) {
      const [namespace, verb] = splitCallName(name);
      expect(typeof exposed[namespace]?.[verb], name).toBe('function');
    }
    const functions = Object.entries(exposed).flatMap(([namespace, verbs]) =>
      namespace === 'on' || namespace === 'upload'
        ? []
        : Object.keys(verbs).map((verb) => `${namespace}.${verb}`),
    );
    expect(functions.sort()).toEqual([...callNames].sort());
  });

  it("hands a file's bytes to the main process on the upload channel only", async () => {
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    await bridge.upload(bytes);
    expect(electron.invoke).toHaveBeenCalledWith(UPLOAD_CHANNEL, bytes);
    expect(electron.invoke).toHaveBeenCalledTimes(1);
  });

  it('never hands the page a raw channel', () => {
    const exposed = bridge as unknown as Record<string, unknown>;
    for (const raw of ['invoke', 'send', 'sendSync', 'ipcRenderer', 'removeListener']) {
      expect(exposed[raw], raw).toBeUndefined();
    }
  });

  it('sends a call by its contract name on the call channel, with `{}` for a missing input', async () => {
    const exposed = bridge as unknown as Record<
      string,
      Record<string, (input?: unknown) => Promise<unknown>>
    >;
    const [name] = callNames;
    if (name === undefined) throw new Error('the contract has no call');
    const [namespace, verb] = splitCallName(name);
    await expect(exposed[namespace]?.[verb]?.({ systemId: 'x' })).resolves.toEqual({
      ok: true,
      value: 'answer',
    });
    await exposed[namespace]?.[verb]?.();
    expect(electron.invoke.mock.calls).toEqual([
      [CALL_CHANNEL, name, { systemId: 'x' }],
      [CALL_CHANNEL, name, {}],
    ]);
  });

  it('delivers only the subscribed event, until unsubscribed', () => {
    const [event, other] = eventNames;
    if (event === undefined || other === undefined) throw new Error('the contract has fewer than two events');
    const received: unknown[] = [];
    const stop = bridge.on(event, (payload) => received.push(payload));
    sendEvent(other, 'not this one');
    sendEvent(event, { n: 1 });
    stop();
    sendEvent(event, { n: 2 });
    expect(received).toEqual([{ n: 1 }]);
    expect(electron.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });

  it('refuses to listen to an event the contract does not name', () => {
    const on = bridge.on as (event: string, listener: () => void) => () => void;
    expect(() => on('shell.exec', () => undefined)).toThrow('Unknown event: shell.exec');
    expect(electron.listeners.get(EVENT_CHANNEL)?.size ?? 0).toBe(0);
  });
});
