import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';
import { cli, simulatorFixture, type SimulatorFixture } from '../batch/support';

export interface CliFixture extends SimulatorFixture {
  /** The data folder every run of the file shares (activity log, catalogue, journals). */
  readonly dataDir: string;
  /**
   * Runs `fieldkit ARGS --system <Lyon>` in-process, signed in to the simulator with the FIELDKIT_* variables
   * (`overrides` replace some), and answers its exit code and what it printed.
   */
  cli(
    args: string[],
    overrides?: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string }>;
}

/**
 * One simulator (its phones register at once) and one data folder for all the CLI runs of a test file,
 * started before its tests and removed after them.
 */
export function cliFixture(): CliFixture {
  const fixture = simulatorFixture({ registrationDelayMs: 0 });
  const dataDir = join(fixture.scratch.path, 'data');
  mkdirSync(dataDir);
  return Object.assign(fixture, {
    dataDir,
    cli: (args: string[], overrides: Record<string, string> = {}) =>
      cli([...args, '--system', DEMO_SYSTEM_IDS.lyon], { ...fixture.env, ...overrides }),
  });
}
