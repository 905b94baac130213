import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../../app/core';
import { defaultDataDir } from '../../app/data-dir';
import { logLevelFromEnv } from '../../services/log/logger';
import { VERSION } from '../../app/version';
import { MAX_IMPORT_BYTES } from '../../shared/limits';
import { startWebShell } from './server';

/** `node out/main/web.js [--demo] [--port N]`: the core plus the browser shell, for machines without Electron. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { demo: { type: 'boolean', default: false }, port: { type: 'string', default: '0' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, not "${values.port}"`);
    process.exit(2);
  }
  const core = createCore({
    dataDir: defaultDataDir(),
    shell: 'browser',
    version: VERSION,
    startInDemo: values.demo,
    logLevel: logLevelFromEnv(),
  });
  const shell = await startWebShell({
    router: core.router,
    events: core.events,
    uploads: core.uploads,
    maxUploadBytes: MAX_IMPORT_BYTES,
    staticDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    log: core.log.child('web'),
    port,
  });
  process.stdout.write(`Fieldkit is running in the browser shell: open ${shell.launchUrl}\n`);

  const stop = async (): Promise<void> => {
    await shell.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`Fieldkit could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
