/**
 * This machine's side of discovery: its interfaces and default route, its neighbour table, and the UDP socket
 * the sweep sends from. Reading the neighbour table and sending UDP need no administrator rights on Linux,
 * macOS or Windows.
 */
import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { promisify } from 'node:util';
import { prefixOfNetmask } from '../../shared/ipv4';
import type { SipSocket } from './network-sweep';
import {
  parseArpAnDarwin,
  parseArpWindows,
  parseIpNeighJson,
  parseProcNetArp,
  type NeighbourEntry,
} from './neighbour-parsers';
import type { LocalInterface } from './plan';
import { SIP_PORT } from './sip-options';

const run = promisify(execFile);
const COMMAND_TIMEOUT_MS = 3000;

async function output(command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, args, { timeout: COMMAND_TIMEOUT_MS, windowsHide: true });
  return stdout;
}

/** The neighbour table of this platform (`/proc/net/arp` or `ip -j neigh`, `arp -an`, `arp -a`). */
export function createNeighbourReader(
  platform: NodeJS.Platform = process.platform,
): () => Promise<NeighbourEntry[]> {
  switch (platform) {
    case 'linux':
      return async () => {
        try {
          return parseProcNetArp(await readFile('/proc/net/arp', 'utf8'));
        } catch {
          return parseIpNeighJson(await output('ip', ['-j', 'neigh', 'show']));
        }
      };
    case 'win32':
      return async () => parseArpWindows(await output('arp', ['-a']));
    default:
      return async () => parseArpAnDarwin(await output('arp', ['-an']));
  }
}

/** `/proc/net/route`: the interface whose destination and mask are both 0 carries the default route. */
export function parseProcNetRoute(text: string): string | undefined {
  for (const line of text.split('\n').slice(1)) {
    const [name, destination, , , , , , mask] = line.trim().split(/\s+/);
    if (name && destination === '00000000' && mask === '00000000') return name;
  }
  return undefined;
}

/** macOS/BSD `route -n get default`: the `interface: en0` line. */
export function parseRouteGetDefault(text: string): string | undefined {
  return /^\s*interface:\s*(\S+)/m.exec(text)?.[1];
}

async function defaultRouteInterface(platform: NodeJS.Platform): Promise<string | undefined> {
  try {
    if (platform === 'linux') return parseProcNetRoute(await readFile('/proc/net/route', 'utf8'));
    if (platform === 'darwin') return parseRouteGetDefault(await output('route', ['-n', 'get', 'default']));
  } catch {
    // no default route (or no way to read it): the interface must then be chosen
  }
  return undefined;
}

/** Every interface with its IPv4 addresses, the default route's marked. */
export async function listLocalInterfaces(
  platform: NodeJS.Platform = process.platform,
): Promise<LocalInterface[]> {
  const defaultInterface = await defaultRouteInterface(platform);
  return Object.entries(networkInterfaces()).map(([name, addresses = []]) => {
    const ipv4 = addresses
      .filter((address) => address.family === 'IPv4')
      .map((address) => ({ address: address.address, prefix: prefixOfNetmask(address.netmask) ?? 32 }));
    return {
      name,
      internal: addresses.length > 0 && addresses.every((address) => address.internal),
      ipv4,
      isDefaultRoute: name === defaultInterface,
    };
  });
}

/** The UDP socket SIP OPTIONS leave from; every datagram that comes back is handed over with its source. */
export function openUdpSipSocket(onDatagram: (ip: string, text: string) => void): Promise<SipSocket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    let closed = false;
    socket.once('error', reject);
    socket.bind(0, () => {
      socket.off('error', reject);
      // Errors of individual sends arrive in their callbacks; a socket-level one must not end the process.
      socket.on('error', () => undefined);
      socket.on('message', (message, peer) => onDatagram(peer.address, message.toString('utf8')));
      resolve({
        localPort: socket.address().port,
        send: (ip, payload) =>
          new Promise((done, fail) => {
            if (closed) return fail(Object.assign(new Error('socket closed'), { code: 'ERR_SOCKET_CLOSED' }));
            socket.send(payload, SIP_PORT, ip, (error) => (error ? fail(error) : done()));
          }),
        close: () => {
          if (closed) return;
          closed = true;
          socket.close();
        },
      });
    });
  });
}
