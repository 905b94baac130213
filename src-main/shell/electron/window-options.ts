import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The app window's options, locked down: isolated, sandboxed, no Node. A packaged build has no DevTools at all
 * (they would hand anyone at the keyboard a console holding `window.fieldkit`); a development run keeps them.
 */
export function mainWindowOptions(preload: string, packaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Fieldkit',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: !packaged,
    },
  };
}
