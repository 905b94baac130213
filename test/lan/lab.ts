// A real LAN for discovery tests and benchmarks, built from network namespaces so that no packet can leave it.
//
//   lab namespace (`fk-…-lab`, where discovery runs): bridge br0 with the scanner address, lo up, no routes
//   beyond the subnet; one namespace per host (`fk-…-<n>`): eth0 with the host's MAC and address, its veth
//   peer (named like the host namespace) enslaved to br0 in the lab namespace.
//
// Nothing is created in the machine's own namespace: veth pairs are made directly between the lab namespaces.
// Needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN) and iproute2.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { agentArguments, startAgent, stopProcess } from './agents';
import {
  cleanupStale,
  deleteNamespacesSync,
  hostNamespaceOf,
  ip,
  ipBatch,
  labNamespaceOf,
  namespacesOfRun,
  newRunId,
  run,
  type ExecOptions,
  type ExecResult,
} from './netns';
import { LAB_TARGET, validateLabSpec, type HostSpec, type LabSpec } from './spec';

export type { ExecOptions, ExecResult } from './netns';
export type { HostRole, HostSpec, LabSpec } from './spec';
export { cleanupStale, namespacesOfRun } from './netns';
export { liveHosts, validateLabSpec } from './spec';
export { benchLab, endOfRangeLab, standardLab } from './presets';

export const LAB_BRIDGE = 'br0';
/** Test clients (SIP OPTIONS, HTTP, mDNS browse) to run inside a lab: `lab.exec(['node', LAB_PROBE_SCRIPT, …])`. */
export const LAB_PROBE_SCRIPT = fileURLToPath(new URL('./lab-probe.mjs', import.meta.url));
const HOST_INTERFACE = 'eth0';
const SETUP_CONCURRENCY = 8;
// There is no default route (nothing may leave the lab), so mDNS needs its own way onto the bridge.
const MULTICAST_ROUTE = (device: string): string => `route add 224.0.0.0/4 dev ${device}`;

export interface LabHost extends HostSpec {
  /** The host's own namespace (`ip netns exec <namespace> …`). */
  readonly namespace: string;
  /** Its veth end on the bridge, inside the lab namespace. */
  readonly bridgePort: string;
}

export interface Lab {
  /** `fk-<pid36>-<seq36>`: the prefix of every namespace of this lab. */
  readonly runId: string;
  /** The scanner's namespace, where discovery runs. */
  readonly namespace: string;
  readonly bridge: string;
  readonly subnet: string;
  readonly scannerAddress: string;
  readonly hosts: readonly LabHost[];
  /** The host of that name; throws for an unknown name. */
  host(name: string): LabHost;
  /** Runs a command to completion inside the lab namespace, or inside a host's with `in: '<host name>'`. */
  exec(command: readonly string[], options?: ExecOptions & { in?: string }): Promise<ExecResult>;
  /** Starts a long-running command in the lab (`'lab'`) or a host's namespace; teardown kills it. */
  spawnIn(target: string, command: string, args: readonly string[], options?: SpawnOptions): ChildProcess;
  /** Stops every process of the lab and deletes its namespaces. Safe to call more than once. */
  teardown(): Promise<void>;
}

export class LabUnavailableError extends Error {
  override name = 'LabUnavailableError';
}

const openLabs = new Set<{ namespaces: string[]; processes: Set<ChildProcess> }>();
let exitHookInstalled = false;

/** Best effort for a test process that ends without tearing its labs down. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const lab of openLabs) {
      for (const child of lab.processes) child.kill('SIGKILL');
      try {
        deleteNamespacesSync(lab.namespaces);
      } catch {
        // the next createLab's cleanupStale() removes what is left
      }
    }
  });
}

async function assertLabAvailable(): Promise<void> {
  const reason =
    process.platform !== 'linux'
      ? `it needs Linux network namespaces, this is ${process.platform}`
      : process.getuid?.() !== 0
        ? 'it needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN) to create network namespaces; run the suite as root'
        : (await run('ip', ['netns', 'list']).catch(() => undefined))?.code !== 0
          ? 'iproute2 (`ip netns`) is missing or cannot list namespaces; install iproute2'
          : undefined;
  if (reason) throw new LabUnavailableError(`The LAN lab cannot be built: ${reason}.`);
}

/**
 * Runs `task` over `items` with at most `limit` running at once. After a failure it starts no more, waits for
 * the running ones to settle (so that a teardown that follows sees everything they made), then rejects.
 */
async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failure) {
      const item = items[next++] as T;
      await task(item).catch((error: unknown) => {
        failure ??= { error };
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

/** The lab's prefix length (`24` or `23`), which every address on its bridge shares. */
function prefixOf(spec: LabSpec): string {
  return spec.subnet.split('/')[1] ?? '24';
}

async function buildLabNamespace(namespace: string, spec: LabSpec): Promise<void> {
  await ip(['netns', 'add', namespace]).catch((error: Error) => {
    throw new LabUnavailableError(
      `The LAN lab cannot be built: no network namespace could be made (${error.message}).`,
    );
  });
  await ipBatch(namespace, [
    'link set lo up',
    // No multicast snooping: mDNS floods to every port like on a small office switch.
    `link add ${LAB_BRIDGE} type bridge mcast_snooping 0`,
    `addr add ${spec.scannerAddress}/${prefixOf(spec)} dev ${LAB_BRIDGE}`,
    `link set ${LAB_BRIDGE} up`,
    MULTICAST_ROUTE(LAB_BRIDGE),
  ]);
}

async function buildHost(labNamespace: string, host: LabHost, prefix: string): Promise<void> {
  await ip(['netns', 'add', host.namespace]);
  // Created from inside the lab namespace, straight into the host namespace: never in the machine's own.
  await ipBatch(labNamespace, [
    `link add ${host.bridgePort} master ${LAB_BRIDGE} up type veth peer name ${HOST_INTERFACE} ` +
      `netns ${host.namespace} address ${host.mac}`,
  ]);
  await ipBatch(host.namespace, [
    'link set lo up',
    `addr add ${host.ip}/${prefix} dev ${HOST_INTERFACE}`,
    ...(host.role === 'down' ? [] : [`link set ${HOST_INTERFACE} up`, MULTICAST_ROUTE(HOST_INTERFACE)]),
  ]);
}

/**
 * Builds a lab from `spec` and resolves once every host's services are listening. Removes leftovers of crashed
 * runs first. On any failure it removes what it made and rejects; throws `LabUnavailableError` when the
 * machine cannot host a lab (not root, no netns).
 */
export async function createLab(spec: LabSpec): Promise<Lab> {
  validateLabSpec(spec);
  await assertLabAvailable();
  cleanupStale();

  const runId = newRunId();
  deleteNamespacesSync(namespacesOfRun(runId)); // a reused pid's leftovers
  const namespace = labNamespaceOf(runId);
  const hosts: LabHost[] = spec.hosts.map((host, index) => {
    const hostNamespace = hostNamespaceOf(runId, index + 1);
    return { ...host, namespace: hostNamespace, bridgePort: hostNamespace };
  });
  const state = {
    namespaces: [namespace, ...hosts.map((host) => host.namespace)],
    processes: new Set<ChildProcess>(),
  };
  installExitHook();
  openLabs.add(state);

  let tornDown: Promise<void> | undefined;
  const teardown = (): Promise<void> => {
    tornDown ??= (async () => {
      await Promise.all([...state.processes].map(stopProcess));
      deleteNamespacesSync(state.namespaces);
      openLabs.delete(state);
    })();
    return tornDown;
  };
  const track = (child: ChildProcess): ChildProcess => {
    state.processes.add(child);
    child.once('exit', () => state.processes.delete(child));
    return child;
  };

  try {
    await buildLabNamespace(namespace, spec);
    await forEachBounded(hosts, SETUP_CONCURRENCY, (host) => buildHost(namespace, host, prefixOf(spec)));
    await forEachBounded(hosts, SETUP_CONCURRENCY * 2, async (host) => {
      const args = agentArguments(host);
      if (!args) return;
      track((await startAgent(host.namespace, args)).process);
    });
  } catch (error) {
    await teardown();
    throw error;
  }

  const hostNamed = (name: string): LabHost => {
    const host = hosts.find((candidate) => candidate.name === name);
    if (!host) throw new Error(`No host "${name}" in this lab`);
    return host;
  };
  const namespaceOf = (target: string): string =>
    target === LAB_TARGET ? namespace : hostNamed(target).namespace;

  return {
    runId,
    namespace,
    bridge: LAB_BRIDGE,
    subnet: spec.subnet,
    scannerAddress: spec.scannerAddress,
    hosts,
    host: hostNamed,
    exec: (command, options = {}) =>
      run('ip', ['netns', 'exec', namespaceOf(options.in ?? LAB_TARGET), ...command], options),
    spawnIn: (target, command, args, options = {}) =>
      track(spawn('ip', ['netns', 'exec', namespaceOf(target), command, ...args], options)),
    teardown,
  };
}
