// Runs `main(args)` of a TypeScript module in this fresh Node process (through Vite's module runner, as the
// tests do) and prints what it returns as one line of JSON. The vault tests use it to run the vault in an
// environment that their own process cannot have, such as one without a D-Bus session.
//
//   node run-typescript.mjs <module.ts> [args...]
import { createServer, createServerModuleRunner } from 'vite';

const [modulePath, ...args] = process.argv.slice(2);
if (!modulePath) throw new Error('usage: node run-typescript.mjs <module.ts> [args...]');

const server = await createServer({
  configFile: false,
  logLevel: 'silent',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
});
const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
try {
  const module = await runner.import(modulePath);
  process.stdout.write(`${JSON.stringify(await module.main(args))}\n`);
} finally {
  await runner.close();
  await server.close();
}
