#!/usr/bin/env node
// The `fieldkit` command: runs the built CLI (out/main/cli.js). `npm run build` (or the set-up script) builds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL(`../${process.env.FIELDKIT_OUT ?? 'out'}/main/cli.js`, import.meta.url));
if (!existsSync(cli)) {
  console.error('fieldkit: not built yet. Run `npm run build` in the Fieldkit folder first.');
  process.exit(2);
}
await import(cli);
