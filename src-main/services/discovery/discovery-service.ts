/**
 * Discovery as the app and the CLI use it: plan a scan, run it in the background (one at a time), merge what
 * it sees by MAC, join each MAC with the chosen CloudPBX, and stream every change as an event. The network it
 * runs on (real or the demo's simulated LAN) comes from `environment()`, chosen by the composition root.
 */
import { randomUUID } from 'node:crypto';
import { FieldkitError, type FieldkitErrorData } from '../errors';
import type { Logger } from '../log/logger';
import { silentLogger } from '../log/logger';
import { DiscoveryTable } from './discovery-table';
import type { DiscoveryEnvironment } from './environment';
import { PbxJoin, type PbxDirectoryClient } from './pbx-join';
import { describeInterfaces, planScan, type ScanRequest } from './plan';
import type { ScanObservation } from './scanner';
import type {
  DiscoveredDevice,
  DiscoveryFinishedEvent,
  DiscoveryFoundEvent,
  DiscoveryProgressEvent,
  IdentifyResult,
  NetworkInterfaceSummary,
  ScanPlan,
  ScanProgress,
  ScanResults,
  ScanState,
} from './types';

export interface DiscoveryEvents {
  found(event: DiscoveryFoundEvent): void;
  progress(event: DiscoveryProgressEvent): void;
  finished(event: DiscoveryFinishedEvent): void;
}

export interface DiscoveryServiceDeps {
  /** The network the next scan runs on; in the demo, the simulated LAN of the given CloudPBX's site. */
  environment(systemId?: string): DiscoveryEnvironment;
  /** The signed-in client to join with, or undefined when nobody is signed in. */
  pbxDirectory(): PbxDirectoryClient | undefined;
  events: DiscoveryEvents;
  now?: () => number;
  newScanId?: () => string;
  log?: Logger;
}

export interface StartRequest extends ScanRequest {
  /** The scan's id, chosen by the caller; one is made up when it is not given. */
  scanId?: string;
  /** The CloudPBX to join the found MACs with. */
  systemId?: string;
  /** Required for a plan that needs confirmation (a subnet wider than /22). */
  confirmed?: boolean;
}

const KEPT_SCANS = 4;
const IDENTIFY_TIMEOUT_MS = 1000;

interface Scan {
  id: string;
  plan: ScanPlan;
  simulated: boolean;
  state: ScanState;
  table: DiscoveryTable;
  progress: ScanProgress;
  startedAt: number;
  durationMs: number | null;
  problems: Set<string>;
  error?: FieldkitErrorData;
  controller: AbortController;
  pbx?: PbxJoin;
  /** MACs whose CloudPBX status was asked for. */
  joined: Set<string>;
  joins: Set<Promise<void>>;
  handsets: ScanResults['handsets'];
  done: Promise<void>;
}

export class DiscoveryService {
  readonly #deps: DiscoveryServiceDeps;
  readonly #scans = new Map<string, Scan>();
  readonly #now: () => number;
  readonly #log: Logger;

  constructor(deps: DiscoveryServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => performance.now());
    this.#log = deps.log ?? silentLogger;
  }

  async interfaces(): Promise<NetworkInterfaceSummary[]> {
    return describeInterfaces(await this.#deps.environment().interfaces());
  }

  async plan(request: ScanRequest): Promise<ScanPlan> {
    const environment = this.#deps.environment();
    return planScan(request, await environment.interfaces(), { simulated: environment.simulated });
  }

  /** Starts a scan in the background (stopping any running one) and answers its id and plan at once. */
  async start(request: StartRequest): Promise<{ scanId: string; plan: ScanPlan }> {
    if (request.scanId !== undefined) this.#refuseIdInUse(request.scanId);
    const environment = this.#deps.environment(request.systemId);
    const plan = planScan(request, await environment.interfaces(), { simulated: environment.simulated });
    if (plan.needsConfirmation && request.confirmed !== true) {
      throw new FieldkitError({
        code: 'invalid-input',
        message: `This scan covers ${plan.addresses.toLocaleString('en')} addresses and takes about ${Math.ceil(plan.estimatedMs / 1000)} s: confirm it first.`,
        issues: [{ field: 'confirmed', message: 'Confirm a scan of a subnet wider than /22.' }],
      });
    }
    await Promise.all(
      [...this.#scans.values()].filter((scan) => scan.state === 'running').map((scan) => this.stop(scan.id)),
    );

    const id = request.scanId ?? this.#deps.newScanId?.() ?? randomUUID();
    // Checked again: another start may have taken the id while this one waited.
    this.#refuseIdInUse(id);
    const client = request.systemId === undefined ? undefined : this.#deps.pbxDirectory();
    const scan: Scan = {
      id,
      plan,
      simulated: environment.simulated,
      state: 'running',
      table: new DiscoveryTable(),
      progress: { probed: 0, total: plan.addresses },
      startedAt: this.#now(),
      durationMs: null,
      problems: new Set(),
      controller: new AbortController(),
      joined: new Set(),
      joins: new Set(),
      handsets: null,
      done: Promise.resolve(),
    };
    if (request.systemId !== undefined) {
      if (client) scan.pbx = new PbxJoin(client, request.systemId);
      else scan.problems.add('Not signed in: the CloudPBX status of the devices is not shown.');
    }
    this.#keep(scan);
    scan.done = this.#run(scan, environment);
    return { scanId: scan.id, plan };
  }

  /** Stops all probing of a scan at once; resolves when it has finished. */
  async stop(scanId: string): Promise<{ stopped: boolean }> {
    const scan = this.#require(scanId);
    const wasRunning = scan.state === 'running';
    scan.controller.abort();
    await scan.done;
    return { stopped: wasRunning };
  }

  /** Resolves when the scan has finished, however it ends. */
  async whenFinished(scanId: string): Promise<ScanResults> {
    await this.#require(scanId).done;
    return this.results(scanId);
  }

  results(scanId: string): ScanResults {
    const scan = this.#require(scanId);
    const results: ScanResults = {
      scanId: scan.id,
      simulated: scan.simulated,
      state: scan.state,
      plan: scan.plan,
      progress: { ...scan.progress },
      devices: scan.table.rows(),
      handsets: scan.handsets,
      durationMs: scan.durationMs,
      problems: [...scan.problems, ...(scan.pbx?.problems ?? [])],
    };
    if (scan.error) results.error = scan.error;
    return results;
  }

  /** Looks one address up: what answers there, joined with the CloudPBX when one is given. */
  async identify(request: { ip: string; systemId?: string }): Promise<IdentifyResult> {
    const environment = this.#deps.environment(request.systemId);
    const plan = planScan({ subnets: [`${request.ip}/32`] }, await environment.interfaces(), {
      simulated: environment.simulated,
    });
    const localAddress = plan.subnets[0]?.localAddress ?? '0.0.0.0';
    const table = new DiscoveryTable();
    const observations = await environment.identifier.identify(request.ip, localAddress, IDENTIFY_TIMEOUT_MS);
    for (const observation of observations) table.add(observation);
    table.settle();
    const [device] = table.rows();
    const client = request.systemId === undefined ? undefined : this.#deps.pbxDirectory();
    if (device && client && request.systemId !== undefined) {
      device.pbx = await new PbxJoin(client, request.systemId).statusOf(device.mac);
    }
    return { ip: request.ip, device: device ?? null, simulated: environment.simulated };
  }

  /** Stops every running scan (the app is closing). */
  async close(): Promise<void> {
    await Promise.all([...this.#scans.values()].map((scan) => this.stop(scan.id)));
  }

  async #run(scan: Scan, environment: DiscoveryEnvironment): Promise<void> {
    const signal = scan.controller.signal;
    let state: DiscoveryFinishedEvent['state'];
    try {
      const outcome = await environment.scanner.scan(
        scan.plan,
        {
          observe: (observation) => this.#observe(scan, observation),
          progress: (progress) => {
            scan.progress = progress;
            this.#deps.events.progress({ scanId: scan.id, simulated: scan.simulated, ...progress });
          },
        },
        signal,
      );
      for (const problem of outcome.problems) scan.problems.add(problem);
      for (const device of scan.table.settle()) this.#publish(scan, device);
      if (!signal.aborted) await this.#completeJoin(scan);
      state = signal.aborted ? 'stopped' : 'finished';
    } catch (error) {
      state = 'failed';
      scan.error =
        error instanceof FieldkitError
          ? error.toData()
          : { code: 'internal', message: `The scan failed unexpectedly: ${(error as Error).message}` };
      this.#log.error(`scan ${scan.id} failed`, error);
    }
    scan.durationMs = Math.round(this.#now() - scan.startedAt);
    scan.state = state;
    const event: DiscoveryFinishedEvent = {
      scanId: scan.id,
      simulated: scan.simulated,
      state,
      durationMs: scan.durationMs,
      stopped: state === 'stopped',
      found: scan.table.size,
      problems: this.results(scan.id).problems,
    };
    if (scan.error) event.error = scan.error;
    this.#deps.events.finished(event);
  }

  #observe(scan: Scan, observation: ScanObservation): void {
    if (scan.state !== 'running') return;
    for (const device of scan.table.add(observation)) this.#publish(scan, device);
  }

  #publish(scan: Scan, device: DiscoveredDevice): void {
    this.#deps.events.found({ scanId: scan.id, simulated: scan.simulated, device });
    if (scan.pbx && !scan.joined.has(device.mac)) this.#join(scan, device.mac);
  }

  #join(scan: Scan, mac: string): void {
    const pbx = scan.pbx;
    if (!pbx) return;
    scan.joined.add(mac);
    const join = pbx.statusOf(mac).then(
      (status) => {
        if (scan.controller.signal.aborted) return;
        const updated = scan.table.attachPbx(mac, status);
        if (updated) this.#deps.events.found({ scanId: scan.id, simulated: scan.simulated, device: updated });
      },
      () => undefined, // the device list failed: reported once by #completeJoin
    );
    scan.joins.add(join);
    void join.finally(() => scan.joins.delete(join));
  }

  async #completeJoin(scan: Scan): Promise<void> {
    const pbx = scan.pbx;
    if (!pbx) return;
    try {
      await pbx.devices();
    } catch (error) {
      scan.problems.add(`The CloudPBX devices could not be read: ${(error as Error).message}`);
      return;
    }
    while (scan.joins.size > 0) await Promise.all([...scan.joins]);
    scan.handsets = await pbx.handsets();
  }

  #keep(scan: Scan): void {
    this.#scans.set(scan.id, scan);
    const finished = [...this.#scans.values()].filter((candidate) => candidate.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, this.#scans.size - KEPT_SCANS)))
      this.#scans.delete(old.id);
  }

  /** Refused before anything is stopped or started, so a refused start leaves the running scan alone. */
  #refuseIdInUse(scanId: string): void {
    if (!this.#scans.has(scanId)) return;
    throw new FieldkitError({
      code: 'conflict',
      message: `A scan with the id ${scanId} was started already: start a new scan with a new id.`,
    });
  }

  #require(scanId: string): Scan {
    const scan = this.#scans.get(scanId);
    if (scan) return scan;
    throw new FieldkitError({
      code: 'not-found',
      message: `There is no scan ${scanId} (only the last ${KEPT_SCANS} are kept): start a new one.`,
    });
  }
}
