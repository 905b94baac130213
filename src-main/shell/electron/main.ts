import { app, Menu, shell, type BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../app/core';
import { VERSION } from '../../app/version';
import { logLevelFromEnv } from '../../services/log/logger';
import { applicationMenu } from './app-menu';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { bringToFront } from './bring-to-front';
import { MAX_IMPORT_BYTES } from '../../shared/limits';
import { bridgeCalls, bridgeEvents, bridgeUploads } from './ipc';
import { createMainWindow } from './window';

/** The Electron shell: a thin adapter that hosts the core and one locked-down window. */
function start(): void {
  let mainWindow: BrowserWindow | undefined;
  app.on('second-instance', () => bringToFront(mainWindow));

  app.whenReady().then(() => {
    const menu = applicationMenu(app.isPackaged, process.platform);
    if (menu !== 'default') Menu.setApplicationMenu(menu === null ? null : Menu.buildFromTemplate(menu));
    const core = createCore({
      dataDir: process.env.FIELDKIT_DATA_DIR ?? app.getPath('userData'),
      shell: 'electron',
      version: VERSION,
      startInDemo: process.argv.includes('--demo'),
      logLevel: logLevelFromEnv(),
      openExternal: (url) => shell.openExternal(url),
    });
    serveRenderer(fileURLToPath(new URL('../renderer', import.meta.url)));
    bridgeCalls(core.router);
    bridgeUploads(core.uploads, MAX_IMPORT_BYTES);
    const preload = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
    const window = createMainWindow(preload, app.isPackaged);
    mainWindow = window;
    const unsubscribe = bridgeEvents(core.events, window.webContents);
    window.webContents.once('did-finish-load', () => process.stdout.write('FIELDKIT_READY\n'));
    void window.loadURL(`${APP_ORIGIN}/index.html`);
    window.on('closed', () => {
      unsubscribe();
      mainWindow = undefined;
    });
    app.on('window-all-closed', () => {
      void core.close().finally(() => app.quit());
    });
  });
}

app.enableSandbox();
registerAppScheme();
// A second launch hands over to the first one (which comes to the front) and ends before building anything.
if (app.requestSingleInstanceLock()) start();
else app.quit();
