import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import type { EventBus } from '../../api/events';
import type { Router } from '../../api/router';
import type { CallResult, UploadedFile } from '../../api/types';
import { isFieldkitError } from '../../services/errors';
import type { UploadStore } from '../../services/files/upload-store';
import { APP_ORIGIN } from './app-protocol';
import { CALL_CHANNEL, EVENT_CHANNEL, UPLOAD_CHANNEL } from './channels';

/** Calls only from our own top-level page; anything else (an iframe, a navigated-away page) is refused. */
function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (frame === null || frame.parent !== null || !URL.canParse(frame.url)) return false;
  // Node's URL gives a non-special scheme such as app:// the origin "null": compare scheme and host instead.
  const url = new URL(frame.url);
  return `${url.protocol}//${url.host}` === APP_ORIGIN;
}

const UNTRUSTED = {
  ok: false,
  error: { code: 'forbidden', message: 'Calls are accepted from the Fieldkit window only.' },
} as const;

export function bridgeCalls(router: Router): void {
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return UNTRUSTED;
    return router.dispatch(name, input);
  });
}

/** A file's bytes from the window to the upload store, refused past `maxBytes` before anything is written. */
export function bridgeUploads(uploads: UploadStore, maxBytes: number): void {
  ipcMain.handle(UPLOAD_CHANNEL, async (event, bytes: unknown): Promise<CallResult<UploadedFile>> => {
    if (!isTrustedSender(event.senderFrame)) return UNTRUSTED;
    if (!(bytes instanceof ArrayBuffer) && !ArrayBuffer.isView(bytes)) {
      return { ok: false, error: { code: 'invalid-input', message: 'An upload is a file’s bytes.' } };
    }
    const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
    if (view.byteLength > maxBytes) {
      return {
        ok: false,
        error: { code: 'invalid-input', message: `The file is larger than ${maxBytes / 1024 / 1024} MB.` },
      };
    }
    try {
      const chunk = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      return { ok: true, value: { fileId: await uploads.receive([chunk]) } };
    } catch (error) {
      if (isFieldkitError(error)) return { ok: false, error: error.toData() };
      throw error;
    }
  });
}

export function bridgeEvents(events: EventBus, contents: WebContents): () => void {
  return events.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  });
}
