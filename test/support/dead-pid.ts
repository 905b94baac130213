import { spawn } from 'node:child_process';

/** The pid of a process that has ended: what a crashed Fieldkit leaves in its lock and folder names. */
export function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  return new Promise((resolve) => child.once('exit', () => resolve(child.pid ?? 0)));
}
