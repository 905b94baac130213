/**
 * Single-address MAC look-ups through node-arp (the product owner's choice), wrapped against its defects:
 * - it cannot sweep, so the sweep reads the neighbour table itself; node-arp only serves "identify this IP";
 * - a dead host comes back as a *success* carrying "(incomplete)" (or nothing): every answer is validated as a
 *   MAC and refused otherwise;
 * - on macOS octets are not always zero-padded (`0:8:7b:1f:57:9`): the MAC reader pads them;
 * - it has no timeout (its `ping` can take ten seconds): the look-up gives up after `timeoutMs`;
 * - it spawns `ping` and `arp` without an error handler, so a missing one would crash the process: both are
 *   checked to exist first.
 */
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { normaliseMac } from '../../shared/identifiers';

export type NodeArpGetMac = (ip: string, callback: (failed: boolean, result: unknown) => void) => void;

export type ArpLookupResult =
  { ok: true; mac: string } | { ok: false; reason: 'timeout' | 'not-found' | 'unavailable'; detail: string };

/** Validates what node-arp answered: only a real unicast MAC is a success. */
export function interpretNodeArpAnswer(failed: boolean, result: unknown): ArpLookupResult {
  if (failed) return { ok: false, reason: 'not-found', detail: String(result) };
  const text = typeof result === 'string' ? result.trim() : '';
  const mac = normaliseMac(text);
  if (mac.ok) return { ok: true, mac: mac.value };
  return {
    ok: false,
    reason: 'not-found',
    detail: text === '' ? 'no entry' : `"${text}" is not a MAC address (the host did not answer ARP)`,
  };
}

export interface NodeArpLookupOptions {
  getMac: NodeArpGetMac;
  timeoutMs: number;
  /** Whether an executable is on the PATH; node-arp needs `ping` and `arp`. */
  commandExists?: (name: string) => Promise<boolean>;
  platform?: NodeJS.Platform;
}

export async function commandOnPath(name: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const extensions = process.platform === 'win32' ? ['.exe', '.com'] : [''];
  for (const directory of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      try {
        await access(join(directory, `${name}${extension}`), constants.X_OK);
        return true;
      } catch {
        // not in this directory
      }
    }
  }
  return false;
}

export function createNodeArpLookup(options: NodeArpLookupOptions): (ip: string) => Promise<ArpLookupResult> {
  const commandExists = options.commandExists ?? ((name: string) => commandOnPath(name));
  let tools: Promise<boolean> | undefined;
  return async (ip) => {
    tools ??= Promise.all(['ping', 'arp'].map(commandExists)).then((found) => found.every(Boolean));
    if (!(await tools)) {
      return { ok: false, reason: 'unavailable', detail: 'node-arp needs the `ping` and `arp` commands' };
    }
    return new Promise<ArpLookupResult>((resolve) => {
      const timer = setTimeout(
        () => resolve({ ok: false, reason: 'timeout', detail: `no answer within ${options.timeoutMs} ms` }),
        options.timeoutMs,
      );
      options.getMac(ip, (failed, result) => {
        clearTimeout(timer);
        resolve(interpretNodeArpAnswer(failed, result));
      });
    });
  };
}
