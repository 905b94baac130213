import { BrowserWindow, session } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import { mainWindowOptions } from './window-options';

/** The app window, locked down: no pop-ups, no navigation, no permissions (its options: window-options.ts). */
export function createMainWindow(preload: string, packaged: boolean): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preload, packaged));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  return window;
}
