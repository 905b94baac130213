import type { CliIo } from '../../../src-main/cli/io';
import { runCli } from '../../../src-main/cli/run';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `fieldkit …` in this process with exactly `env` (credentials, data folder), capturing what it prints. */
export async function runFieldkit(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    untilInterrupted: () => Promise.resolve(),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** The variables that make the CLI sign in to `host` with these credentials. */
export function credentialsEnv(
  host: string,
  credentials: { login: string; password: string; appId: string; appSecret: string },
  dataDir: string,
): NodeJS.ProcessEnv {
  return {
    FIELDKIT_DATA_DIR: dataDir,
    FIELDKIT_HOST: host,
    FIELDKIT_LOGIN: credentials.login,
    FIELDKIT_PASSWORD: credentials.password,
    FIELDKIT_APP_ID: credentials.appId,
    FIELDKIT_APP_SECRET: credentials.appSecret,
  };
}
