/** The IPC channels between the preload and the main process; the preload exposes none of them to the page. */
export const CALL_CHANNEL = 'fieldkit:call';
export const EVENT_CHANNEL = 'fieldkit:event';
/** A file's bytes for the core's upload store (an import file picked in the window). */
export const UPLOAD_CHANNEL = 'fieldkit:upload';
