// Thin wrappers over iproute2 for the lab: run `ip`, name a run's namespaces, and remove them again.
//
// Every namespace of a run is named `fk-<pid base 36>-<sequence base 36>-<lab|index>` (at most 15 characters,
// so the same name also serves as the lab-side veth name). The pid tells whether the run that made it is
// still alive, which is how leftovers of crashed runs are told from a parallel run's lab.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

export interface ExecResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface ExecOptions {
  /** Written to the command's standard input, which is then closed. */
  input?: string;
  /** Kill the command (SIGKILL) after this long; its result then has code 124. Default 30 s. */
  timeoutMs?: number;
}

const RUN_PREFIX = 'fk-';
const RUN_NAME = /^fk-([0-9a-z]{1,6})-([0-9a-z]{1,2})-(lab|\d{1,3})$/;
const NETNS_DIR = '/run/netns';
let runSequence = 0;

/** A new run id for this process, e.g. `fk-1a2b-0`. */
export function newRunId(): string {
  const id = `${RUN_PREFIX}${process.pid.toString(36)}-${(runSequence++ % 1296).toString(36)}`;
  return id;
}

export const labNamespaceOf = (runId: string): string => `${runId}-lab`;
export const hostNamespaceOf = (runId: string, index: number): string => `${runId}-${index}`;

/** Runs a command to completion and collects its output; never rejects for a non-zero exit. */
export function run(
  command: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 30_000);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        code: timedOut ? 124 : (code ?? 1),
      });
    });
    child.stdin.on('error', () => undefined); // the command may exit without reading its input
    child.stdin.end(options.input ?? '');
  });
}

/** Runs `ip <args>` and throws with its error output when it fails. */
export async function ip(args: readonly string[], input?: string): Promise<string> {
  const result = await run('ip', args, input === undefined ? {} : { input });
  if (result.code !== 0)
    throw new Error(`ip ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
  return result.stdout;
}

/** Runs several `ip` commands inside one namespace with a single process (`ip -n <ns> -batch -`). */
export function ipBatch(namespace: string, commands: readonly string[]): Promise<string> {
  return ip(['-n', namespace, '-batch', '-'], `${commands.join('\n')}\n`);
}

/** Names of every network namespace on the machine. */
export function listNamespaces(): string[] {
  try {
    return readdirSync(NETNS_DIR);
  } catch {
    return [];
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Pids of the processes inside a namespace (agents, or commands a test started there). */
function pidsIn(namespace: string): number[] {
  try {
    const output = execFileSync('ip', ['netns', 'pids', namespace], { encoding: 'utf8', stdio: 'pipe' });
    return output.split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Kills what still runs inside each namespace and deletes it (deleting a namespace deletes the veth ends in
 * it, and with them their peers). Synchronous so that it also works from a `process.on('exit')` handler;
 * namespaces that are already gone are skipped.
 */
export function deleteNamespacesSync(namespaces: readonly string[]): void {
  const existing = new Set(listNamespaces());
  for (const namespace of namespaces) {
    if (!existing.has(namespace)) continue;
    for (const pid of pidsIn(namespace)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    try {
      execFileSync('ip', ['netns', 'delete', namespace], { stdio: 'pipe' });
    } catch (error) {
      if (listNamespaces().includes(namespace)) throw error;
    }
  }
}

/** The namespaces of one run (`fk-…-…`), whatever state that run left them in. */
export function namespacesOfRun(runId: string): string[] {
  return listNamespaces().filter((name) => name.startsWith(`${runId}-`) && RUN_NAME.test(name));
}

/**
 * Removes the lab namespaces of runs whose process no longer exists (crashed or killed test runs). Labs of
 * live processes, including parallel runs, are left alone. Returns the namespaces it deleted.
 */
export function cleanupStale(): string[] {
  const stale = listNamespaces().filter((name) => {
    const match = RUN_NAME.exec(name);
    return match?.[1] !== undefined && !isAlive(parseInt(match[1], 36));
  });
  deleteNamespacesSync(stale);
  return stale;
}
