import type { CliIo } from '../../../src-main/cli/io';
import { runCli } from '../../../src-main/cli/run';
import type { RunningSimulator } from '../../../src-main/simulator';

/**
 * Runs `fieldkit ARGS --system SYSTEM` in-process, signed in to the simulator with the FIELDKIT_* variables
 * (`overrides` replace some), and answers its exit code and what it printed.
 */
export async function runCliOn(
  simulator: RunningSimulator,
  context: { dataDir: string; systemId: string },
  args: string[],
  overrides: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {
      FIELDKIT_DATA_DIR: context.dataDir,
      FIELDKIT_HOST: simulator.url,
      FIELDKIT_LOGIN: simulator.credentials.login,
      FIELDKIT_PASSWORD: simulator.credentials.password,
      FIELDKIT_APP_ID: simulator.credentials.appId,
      FIELDKIT_APP_SECRET: simulator.credentials.appSecret,
      ...overrides,
    },
    untilInterrupted: () => Promise.resolve(),
  };
  const code = await runCli([...args, '--system', context.systemId], io);
  return { code, stdout, stderr };
}
