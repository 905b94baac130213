#!/usr/bin/env node
// `npm run bench:import`: both import benchmarks, one after the other (each in a process of its own, so the
// peak memory of one does not count for the other); exits 1 when either misses its target.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = ['validate-100k.mjs', 'apply-1000.mjs'];

let failed = false;
for (const bench of BENCHES) {
  const result = spawnSync(process.execPath, [fileURLToPath(new URL(bench, import.meta.url))], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
