/** The two IPC channels between the preload and the main process; the preload exposes neither to the page. */
export const CALL_CHANNEL = 'fieldkit:call';
export const EVENT_CHANNEL = 'fieldkit:event';
