import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import type { EventBus } from '../../api/events';
import type { Router } from '../../api/router';
import { APP_ORIGIN } from './app-protocol';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

/** Calls only from our own top-level page; anything else (an iframe, a navigated-away page) is refused. */
function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (frame === null || frame.parent !== null || !URL.canParse(frame.url)) return false;
  // Node's URL gives a non-special scheme such as app:// the origin "null": compare scheme and host instead.
  const url = new URL(frame.url);
  return `${url.protocol}//${url.host}` === APP_ORIGIN;
}

export function bridgeCalls(router: Router): void {
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Calls are accepted from the Fieldkit window only.' },
      };
    }
    return router.dispatch(name, input);
  });
}

export function bridgeEvents(events: EventBus, contents: WebContents): () => void {
  return events.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  });
}
