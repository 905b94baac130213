#!/usr/bin/env node
// Device list benchmark: `npm run build` (or FIELDKIT_OUT=out-x npx electron-vite build), then
// `node bench/device-list/run.mjs`. Seeds a simulator with 10,000 devices, signs in through the UI, types search
// keystrokes and times each one; prints the median and p95 against the 16 ms frame budget, and exits 1 when the
// median work per keystroke does not fit in a frame.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FRAME_BUDGET_MS = 16;
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = process.env.FIELDKIT_OUT ?? 'out';

if (!existsSync(join(root, out, 'main', 'web.js'))) {
  console.error(
    `No build in ${out}/: run \`npm run build\` first (or set FIELDKIT_OUT to your build folder).`,
  );
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'fieldkit-bench-'));
const resultFile = join(scratch, 'device-list.json');
// Signing in stores a profile in the system keychain: run inside a throw-away keyring.
const run = spawnSync(
  join(root, 'scripts', 'with-keyring.sh'),
  [join(root, 'node_modules', '.bin', 'playwright'), 'test', '--config', join(here, 'playwright.config.ts')],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FIELDKIT_BENCH_RESULT: resultFile } },
);
if (run.status !== 0 || !existsSync(resultFile)) {
  rmSync(scratch, { recursive: true, force: true });
  console.error('The benchmark did not complete.');
  process.exit(2);
}
const { devices, loadMs, timings } = JSON.parse(readFileSync(resultFile, 'utf8'));
rmSync(scratch, { recursive: true, force: true });

const percentile = (values, fraction) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
};
const summary = (values) => ({ median: percentile(values, 0.5), p95: percentile(values, 0.95) });
const keystroke = summary(timings.map((timing) => timing.workMs));
const frame = summary(timings.map((timing) => timing.frameMs));
const print = (line) => process.stdout.write(`${line}\n`);
const ms = (value) => `${value.toFixed(2)} ms`;

print(
  `\nDevice list search, ${devices} devices (listed ${(loadMs / 1000).toFixed(1)} s after sign-in), ${timings.length} keystrokes`,
);
print(`  input → list re-rendered and laid out: median ${ms(keystroke.median)}, p95 ${ms(keystroke.p95)}`);
print(`  input → second frame after it:        median ${ms(frame.median)}, p95 ${ms(frame.p95)}`);
print(
  `  frame budget ${FRAME_BUDGET_MS} ms: median / budget = ${(keystroke.median / FRAME_BUDGET_MS).toFixed(3)}`,
);
if (keystroke.median > FRAME_BUDGET_MS) {
  console.error(
    `FAIL: the median keystroke takes ${ms(keystroke.median)}, more than one ${FRAME_BUDGET_MS} ms frame.`,
  );
  process.exit(1);
}
print('OK: a keystroke fits in a frame.');
