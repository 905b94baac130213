// The link facts of an interface on Linux: operational state (sysfs), default gateway (/proc/net/route), whether
// the gateway answers one ping, and whether another host claims our address (an ARP probe by `arping -D`).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export type Tristate = 'yes' | 'no' | 'unknown';

export interface LinkFacts {
  readonly operstate: string;
  /** The default gateway; null when there is none, undefined when this OS's routing table was not read. */
  readonly gateway: string | null | undefined;
  readonly gatewayAnswers: Tristate;
  readonly duplicateAddress: Tristate;
  /** Why a fact is unknown (a tool missing, privileges), for the evidence. */
  readonly notes: readonly string[];
}

function runTool(
  command: string,
  args: readonly string[],
): Promise<{ code: number | 'missing'; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 10_000 }, (error, stdout, stderr) => {
      const errno = (error as NodeJS.ErrnoException | null)?.code;
      if (errno === 'ENOENT') resolve({ code: 'missing', output: '' });
      else
        resolve({
          code: typeof error?.code === 'number' ? error.code : error ? 1 : 0,
          output: `${stdout}${stderr}`,
        });
    });
  });
}

/** The default gateway of `interfaceName` from the kernel's routing table (little-endian hex addresses). */
export function defaultGatewayOf(routeTable: string, interfaceName: string): string | null {
  for (const line of routeTable.split('\n').slice(1)) {
    const [iface, destination, gateway] = line.trim().split(/\s+/);
    if (iface !== interfaceName || destination !== '00000000' || !gateway) continue;
    const value = parseInt(gateway, 16);
    return [0, 8, 16, 24].map((shift) => (value >>> shift) & 255).join('.');
  }
  return null;
}

export async function probeLink(interfaceName: string, address: string | null): Promise<LinkFacts> {
  const notes: string[] = [];
  const operstate = (
    await readFile(`/sys/class/net/${interfaceName}/operstate`, 'utf8').catch(() => 'unknown')
  ).trim();
  const routes = await readFile('/proc/net/route', 'utf8').catch(() => undefined);
  if (routes === undefined) notes.push('the routing table is read on Linux only');
  const gateway = routes === undefined ? undefined : defaultGatewayOf(routes, interfaceName);
  const [ping, arping] = await Promise.all([
    gateway ? runTool('ping', ['-c', '1', '-W', '2', '-I', interfaceName, gateway]) : undefined,
    address ? runTool('arping', ['-D', '-q', '-c', '2', '-w', '3', '-I', interfaceName, address]) : undefined,
  ]);
  if (ping?.code === 'missing') notes.push('ping is not installed');
  if (arping?.code === 'missing') notes.push('arping is not installed (Debian: iputils-arping)');
  // arping -D: 0 nobody answered, 1 someone else answered for our address, 2 it could not probe (privileges).
  if (arping?.code === 2)
    notes.push('the ARP probe needs raw sockets: run as root or grant cap_net_raw to arping');
  return {
    operstate,
    gateway,
    gatewayAnswers:
      ping === undefined || ping.code === 'missing' ? 'unknown' : ping.code === 0 ? 'yes' : 'no',
    duplicateAddress: arping?.code === 0 ? 'no' : arping?.code === 1 ? 'yes' : 'unknown',
    notes,
  };
}
