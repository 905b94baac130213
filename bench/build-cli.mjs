// Builds the app (CLI included) into `out/` for a benchmark that runs the `fieldkit` command; exits the
// benchmark with the build's status when it fails.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export function buildCli(out) {
  console.error(`Building the CLI into ${out}/ …`);
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: ROOT,
    env: { ...process.env, FIELDKIT_OUT: out },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
