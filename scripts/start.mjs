#!/usr/bin/env node
// `npm start [-- --demo] [-- --browser] [-- --port N]`: builds, then opens the Electron app. Where Electron
// cannot start (no binary, no display), it says so in one line and serves the browser shell instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const shellArgs = args.filter((arg) => arg !== '--browser');

function build() {
  const result = spawnSync(
    join(root, 'node_modules', '.bin', 'electron-vite'),
    ['build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) {
    console.error('Fieldkit: the build failed (see above).');
    process.exit(1);
  }
}

function electronBinary() {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const installed = () =>
    existsSync(pathFile) && existsSync(join(packageDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!installed() && existsSync(join(packageDir, 'install.js'))) {
    spawnSync(process.execPath, [join(packageDir, 'install.js')], {
      cwd: packageDir,
      stdio: 'ignore',
      timeout: 120_000,
    });
  }
  return installed() ? join(packageDir, 'dist', readFileSync(pathFile, 'utf8')) : undefined;
}

function electronUnavailableReason(binary) {
  if (!binary) return 'the Electron binary is not installed and could not be downloaded';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no graphical display';
  }
  return undefined;
}

/** Resolves true once the window has loaded, false if Electron exits before that. */
function runElectron(binary) {
  return new Promise((resolve) => {
    const child = spawn(binary, [root, ...shellArgs], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let ready = false;
    child.stdout.on('data', (chunk) => {
      if (!ready && chunk.toString().includes('FIELDKIT_READY')) {
        ready = true;
        resolve(true);
      }
    });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => {
      if (ready) process.exit(code ?? 0);
      resolve(false);
    });
  });
}

function serveBrowserShell() {
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'web.js'), ...shellArgs], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

build();
if (forceBrowser) {
  serveBrowserShell();
} else {
  const binary = electronBinary();
  const reason =
    electronUnavailableReason(binary) ??
    ((await runElectron(binary)) ? undefined : 'Electron exited at start-up');
  if (reason) {
    process.stdout.write(
      `Fieldkit: Electron cannot start here (${reason}); serving the browser shell instead.\n`,
    );
    serveBrowserShell();
  }
}
