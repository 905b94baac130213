// Hears LLDP/CDP through the OS's own LLDP agent (lldpd): it already listens on every port, so Fieldkit needs
// neither raw sockets nor a native capture module, and asks it through `lldpcli` until the switch is heard.
import { execFile } from 'node:child_process';
import { parseLldpNeighbours, type LldpNeighbour } from './lldp-neighbour';

const POLL_INTERVAL_MS = 1000;

export type LldpListenResult =
  | { readonly kind: 'heard'; readonly neighbours: readonly LldpNeighbour[] }
  | { readonly kind: 'nothing-heard'; readonly listenedMs: number }
  | { readonly kind: 'no-agent'; readonly reason: string };

export interface LldpAgentOptions {
  /** lldpd's control socket; the system's unless told (the lab runs one lldpd per namespace). */
  readonly socket?: string;
}

function lldpcli(
  options: LldpAgentOptions,
): Promise<{ ok: true; stdout: string } | { ok: false; reason: string }> {
  const args = [
    ...(options.socket ? ['-u', options.socket] : []),
    '-f',
    'json',
    'show',
    'neighbors',
    'details',
  ];
  return new Promise((resolve) => {
    execFile('lldpcli', args, { timeout: 5000 }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        resolve({
          ok: false,
          reason: code === 'ENOENT' ? 'lldpcli is not installed' : stderr.trim() || error.message,
        });
      } else resolve({ ok: true, stdout });
    });
  });
}

/** Asks lldpd for what it heard on `interfaceName`, again every second, until it heard something or `listenMs` passed. */
export async function listenLldp(
  interfaceName: string,
  listenMs: number,
  options: LldpAgentOptions,
  now: () => number,
): Promise<LldpListenResult> {
  const start = now();
  for (;;) {
    const answer = await lldpcli(options);
    if (!answer.ok) return { kind: 'no-agent', reason: answer.reason };
    const neighbours = parseLldpNeighbours(answer.stdout, interfaceName);
    if (neighbours.length > 0) return { kind: 'heard', neighbours };
    const listened = now() - start;
    if (listened >= listenMs) return { kind: 'nothing-heard', listenedMs: listened };
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_INTERVAL_MS, listenMs - listened)));
  }
}
