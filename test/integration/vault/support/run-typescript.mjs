// Runs `main(args)` of a TypeScript module in this fresh Node process (through Vite's module runner, as the
// tests do) and prints what it returns as one line of JSON. The vault tests use it to run the vault in an
// environment that their own process cannot have, such as one without a D-Bus session.
//
//   node run-typescript.mjs <module.ts> [args...]
import { withTypeScriptModule } from '../../../support/module-runner.mjs';

const [modulePath, ...args] = process.argv.slice(2);
if (!modulePath) throw new Error('usage: node run-typescript.mjs <module.ts> [args...]');

const result = await withTypeScriptModule(modulePath, (module) => module.main(args));
process.stdout.write(`${JSON.stringify(result)}\n`);
