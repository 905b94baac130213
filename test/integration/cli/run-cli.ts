import type { RunningSimulator } from '../../../src-main/simulator';
import { cli, envFor } from '../batch/support';

/**
 * Runs `fieldkit ARGS --system SYSTEM` in-process, signed in to the simulator with the FIELDKIT_* variables
 * (`overrides` replace some), and answers its exit code and what it printed.
 */
export function runCliOn(
  simulator: RunningSimulator,
  context: { dataDir: string; systemId: string },
  args: string[],
  overrides: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return cli([...args, '--system', context.systemId], envFor(simulator, context.dataDir, overrides));
}
