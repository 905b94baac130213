// Starts the pretend services of a lab host (phone-agent.mjs) inside its namespace and waits for its `ready`.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { modelOf, type HostSpec } from './spec';
import { READY_DEADLINE_MS } from './deadlines';

const AGENT_SCRIPT = fileURLToPath(new URL('./phone-agent.mjs', import.meta.url));
const STOP_DEADLINE_MS = 3_000;

/** The agent's command-line flags for a host, or undefined when the host runs no agent (silent, down). */
export function agentArguments(host: HostSpec): string[] | undefined {
  const model = modelOf(host);
  const macHex = host.mac.replaceAll(':', '');
  switch (host.role) {
    case 'silent':
    case 'down':
      return undefined;
    case 'web':
      return ['--http-title', 'Welcome to nginx!', '--http-server', 'nginx/1.24.0'];
    case 'phone':
    case 'dect-base': {
      const args = ['--sip-ua', host.userAgent ?? '', '--sip-header', host.sipHeader ?? 'User-Agent'];
      if (host.adminPage !== false) {
        args.push(
          '--http-title',
          `ALE ${model}`,
          '--http-body',
          `Model: ${model}`,
          '--http-body',
          `MAC: ${host.mac}`,
        );
      }
      if (host.mdns) {
        const vendor = host.role === 'phone' ? 'ALE' : 'RTX';
        args.push('--mdns-name', `ALE-${model}-${macHex}`);
        args.push(
          '--mdns-txt',
          `vendor=${vendor}`,
          '--mdns-txt',
          `model=${model}`,
          '--mdns-txt',
          `mac=${macHex}`,
        );
      }
      return args;
    }
  }
}

export interface RunningAgent {
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `node phone-agent.mjs` inside `namespace` and resolves once it printed `ready`. Rejects with the
 * agent's error output when it exits first or is not ready by the deadline.
 */
export function startAgent(namespace: string, args: readonly string[]): Promise<RunningAgent> {
  const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, AGENT_SCRIPT, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  // Standard input stays open: the agent exits when it closes, i.e. when this process dies.
  child.stdin.on('error', () => undefined);

  return new Promise((resolve, reject) => {
    let stdout = '';
    const failure = (reason: string) => {
      clearTimeout(deadline);
      child.kill('SIGKILL');
      reject(new Error(`phone agent in ${namespace} ${reason}${stderr ? `: ${stderr.trim()}` : ''}`));
    };
    const deadline = setTimeout(
      () => failure(`was not ready after ${READY_DEADLINE_MS} ms`),
      READY_DEADLINE_MS,
    );
    const onExit = (code: number | null, signal: string | null) => failure(`exited (${code ?? signal})`);
    child.once('exit', onExit);
    child.once('error', (error) => failure(`did not start (${error.message})`));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (!stdout.split('\n').includes('ready')) return;
      clearTimeout(deadline);
      child.off('exit', onExit);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      // A lab someone forgot to tear down must not keep its test process alive; the exit hook cleans it up.
      child.unref();
      for (const stream of [child.stdin, child.stdout, child.stderr])
        (stream as { unref?: () => void }).unref?.();
      resolve({ process: child, stop: () => stopProcess(child) });
    });
  });
}

/** SIGTERM, then SIGKILL if the process is still there after a deadline; resolves once it has exited. */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
