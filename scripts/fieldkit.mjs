#!/usr/bin/env node
// The `fieldkit` command: runs the built CLI (out/main/cli.js). `npm run build` (or the set-up script) builds it.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL(`../${process.env.FIELDKIT_OUT ?? 'out'}/main/cli.js`, import.meta.url));
if (!existsSync(cli)) {
  console.error('fieldkit: not built yet. Run `npm run build` in the Fieldkit folder first.');
  process.exit(2);
}
// From Node 22.1 V8 keeps the compiled CLI in a cache on disk (in the system's temporary folder), so a start
// after the first one skips compiling it; older Node versions have no such cache and compile it each time.
module.enableCompileCache?.();
await import(cli);
