// Loads TypeScript modules in a plain Node process, through Vite's module runner as vitest does. For helper
// processes that tests start in another environment (a namespace, a process without a D-Bus session).
import { createServer, createServerModuleRunner } from 'vite';

/** Imports a `.ts` module and calls `use` with it; the runner is closed afterwards. */
export async function withTypeScriptModule(modulePath, use) {
  const server = await createServer({
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  });
  const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
  try {
    return await use(await runner.import(modulePath));
  } finally {
    await runner.close();
    await server.close();
  }
}
