// `fieldkit simulator` inside a lab namespace, where a CLI under test in the same namespace reaches it on loopback
// (`--demo` would not do: it answers from the demo's simulated LAN or site instead of the lab).
import { fileURLToPath } from 'node:url';
import type { Lab } from './lab';

/** Runs `fieldkit <args>` from the TypeScript sources; start it in a namespace with `lab.spawnIn`. */
export const RUN_CLI = fileURLToPath(
  new URL('../integration/discovery/support/run-cli.mjs', import.meta.url),
);

export interface LabSimulator {
  /** This process's environment plus the FIELDKIT_* variables that sign a CLI in to the simulator. */
  readonly env: NodeJS.ProcessEnv;
  stop(): void;
}

/** Starts the simulator in `target` (`lab` or a host's name) and resolves once it printed where it listens. */
export async function simulatorInLab(lab: Lab, target: string): Promise<LabSimulator> {
  const child = lab.spawnIn(target, process.execPath, [RUN_CLI, 'simulator', '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!child.stdout) throw new Error('the simulator was started without a stdout pipe');
  let text = '';
  const started = await new Promise<{ url: string; credentials: Record<string, string> }>(
    (resolve, reject) => {
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        try {
          resolve(JSON.parse(text) as { url: string; credentials: Record<string, string> });
        } catch {
          // The JSON document is not complete yet.
        }
      });
      child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}`)));
    },
  );
  const { url, credentials } = started;
  return {
    env: {
      ...process.env,
      FIELDKIT_HOST: url,
      FIELDKIT_LOGIN: credentials.login,
      FIELDKIT_PASSWORD: credentials.password,
      FIELDKIT_APP_ID: credentials.appId,
      FIELDKIT_APP_SECRET: credentials.appSecret,
    },
    stop: () => child.kill('SIGTERM'),
  };
}
