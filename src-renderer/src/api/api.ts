import type { Api, Bridge } from '@api/contract';
import { createApi } from '@shared/create-api';
import { createHttpBridge } from './http-bridge';

export { ApiError, createApi } from '@shared/create-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser shell. */
    fieldkit?: Bridge;
  }
}

/** The Electron preload provides `window.fieldkit`; the browser shell gets the HTTP transport. */
export const api: Api = createApi(window.fieldkit ?? createHttpBridge());
