#!/usr/bin/env node
// Renderer bundle benchmark: `npm run bench:bundle [-- --no-build]`. Builds into $FIELDKIT_OUT (default
// out-bench-bundle), then adds up the JavaScript the first screen loads: the entry script of the built index.html
// and every chunk it imports statically, found through the Vite manifest (lazy screens are dynamic imports and
// do not count). Prints the size against the budget and exits 1 when it is over.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const BUDGET_BYTES = 600 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = process.env.FIELDKIT_OUT ?? 'out-bench-bundle';
const renderer = join(root, out, 'renderer');
const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });

if (!values['no-build']) {
  const build = spawnSync(
    join(root, 'node_modules', '.bin', 'electron-vite'),
    ['build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, FIELDKIT_OUT: out },
    },
  );
  if (build.status !== 0) {
    console.error('The build failed.');
    process.exit(2);
  }
}

const manifestFile = join(renderer, '.vite', 'manifest.json');
if (!existsSync(manifestFile)) {
  console.error(
    `No Vite manifest in ${out}/renderer/: build with \`build.manifest\` on (electron.vite.config.ts).`,
  );
  process.exit(2);
}
/** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const html = readFileSync(join(renderer, 'index.html'), 'utf8');

// The entry the page really starts: the module script of the built index.html, looked up in the manifest.
const entryFile = /<script type="module"[^>]*\ssrc="\.\/([^"]+)"/.exec(html)?.[1];
const entryKey = Object.keys(manifest).find((key) => manifest[key].file === entryFile);
if (entryFile === undefined || entryKey === undefined) {
  console.error(`index.html starts no module script the manifest knows (${entryFile ?? 'none found'}).`);
  process.exit(2);
}

/** Every chunk loaded before the first screen: the entry and its static imports, transitively. */
const loaded = new Set();
const visit = (key) => {
  if (loaded.has(key)) return;
  loaded.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
visit(entryKey);

const chunks = [...loaded].map((key) => {
  const file = manifest[key].file;
  return { file, bytes: statSync(join(renderer, file)).size };
});
const total = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
const allJs = Object.values(manifest)
  .filter((chunk) => chunk.file.endsWith('.js'))
  .reduce((sum, chunk) => sum + statSync(join(renderer, chunk.file)).size, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const print = (line) => process.stdout.write(`${line}\n`);

print(`\nRenderer JavaScript loaded before the first screen: ${chunks.length} chunks`);
for (const chunk of chunks.sort((a, b) => b.bytes - a.bytes))
  print(`  ${kb(chunk.bytes).padStart(7)}  ${chunk.file}`);
print(
  `  total ${kb(total)} (target ≤ ${kb(BUDGET_BYTES)}); all renderer JavaScript, lazy screens included: ${kb(allJs)}`,
);
if (total > BUDGET_BYTES) {
  console.error(`FAIL: the first screen loads ${kb(total)} of JavaScript, more than ${kb(BUDGET_BYTES)}.`);
  process.exit(1);
}
print('OK: the first screen loads less JavaScript than the budget.');
