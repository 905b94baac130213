import { app, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../app/core';
import { VERSION } from '../../app/version';
import { logLevelFromEnv } from '../../services/log/logger';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { MAX_IMPORT_BYTES } from '../../services/batch/limits';
import { bridgeCalls, bridgeEvents, bridgeUploads } from './ipc';
import { createMainWindow } from './window';

/** The Electron shell: a thin adapter that hosts the core and one locked-down window. */
app.enableSandbox();
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
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
  const window = createMainWindow(fileURLToPath(new URL('../preload/preload.cjs', import.meta.url)));
  const unsubscribe = bridgeEvents(core.events, window.webContents);
  window.webContents.once('did-finish-load', () => process.stdout.write('FIELDKIT_READY\n'));
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  window.on('closed', unsubscribe);
  app.on('window-all-closed', () => {
    void core.close().finally(() => app.quit());
  });
});
