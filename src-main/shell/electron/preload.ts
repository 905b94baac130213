import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callNames, isEventName, splitCallName, type Bridge, type EventName } from '../../api/contract';
import { CALL_CHANNEL, EVENT_CHANNEL, UPLOAD_CHANNEL } from './channels';

/** Named functions only, derived from the contract; the page never gets a raw channel. */
function buildBridge(): Bridge {
  const namespaces: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of callNames) {
    const [namespace, verb] = splitCallName(name);
    namespaces[namespace] ??= {};
    namespaces[namespace][verb] = (input?: unknown) => ipcRenderer.invoke(CALL_CHANNEL, name, input ?? {});
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    const forward = (_: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  };
  const upload = (bytes: ArrayBuffer): Promise<unknown> => ipcRenderer.invoke(UPLOAD_CHANNEL, bytes);
  return { ...namespaces, on, upload } as unknown as Bridge;
}

contextBridge.exposeInMainWorld('fieldkit', buildBridge());
