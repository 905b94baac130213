import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface BrowserShell {
  launchUrl: string;
  origin: string;
  /** Every line the host wrote to stdout and stderr, to search for leaked secrets. */
  output: string[];
  stop(): Promise<void>;
}

const WEB_ENTRY = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  process.env.FIELDKIT_OUT ?? 'out',
  'main',
  'web.js',
);

/**
 * Starts the real browser-shell host (`out/main/web.js`, built by `npm run build`) with a fresh data folder, and
 * resolves once it prints its launch URL.
 */
export async function startBrowserShell(
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<BrowserShell> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldkit-e2e-'));
  const child = spawn(process.execPath, [WEB_ENTRY, ...args], {
    env: { ...process.env, FIELDKIT_DATA_DIR: dataDir, FIELDKIT_LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the browser shell exited with ${code}: ${output.join('\n')}`)),
    );
  });
  return { launchUrl, origin: new URL(launchUrl).origin, output, stop: () => stop(child, dataDir) };
}

async function stop(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
