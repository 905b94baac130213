import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../src-main/cli/io';
import { runCli } from '../../../src-main/cli/run';
import { afterAll, beforeAll } from 'vitest';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../src-main/simulator';

/** A data folder and scratch space of its own for one test file. */
export function scratchDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'fieldkit-batch-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function envFor(
  simulator: RunningSimulator,
  dataDir: string,
  overrides: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    FIELDKIT_DATA_DIR: dataDir,
    FIELDKIT_HOST: simulator.url,
    FIELDKIT_LOGIN: simulator.credentials.login,
    FIELDKIT_PASSWORD: simulator.credentials.password,
    FIELDKIT_APP_ID: simulator.credentials.appId,
    FIELDKIT_APP_SECRET: simulator.credentials.appSecret,
    ...overrides,
  };
}

/** Runs `fieldkit …` in-process, capturing what it prints. */
export async function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
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

export interface SimulatorFixture {
  readonly scratch: { path: string };
  /** Set before the file's tests run. */
  simulator: RunningSimulator;
  /** FIELDKIT_* variables of the simulator's account, with a data folder in the scratch folder. */
  env: NodeJS.ProcessEnv;
}

/** A simulator and a scratch folder for the tests of one file, started before them and removed after. */
export function simulatorFixture(options: SimulatorOptions = {}): SimulatorFixture {
  const scratch = scratchDir();
  const fixture = { scratch } as unknown as SimulatorFixture;
  beforeAll(async () => {
    fixture.simulator = await startSimulator({ ...options, port: 0 });
    fixture.env = envFor(fixture.simulator, join(scratch.path, 'data'));
  });
  afterAll(async () => {
    await fixture.simulator?.close();
    scratch.remove();
  });
  return fixture;
}
