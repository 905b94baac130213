import { randomUUID } from 'node:crypto';
import type { Api, CallInput } from '../../api/contract';
import type {
  DiscoveredDevice,
  DiscoveryFinishedEvent,
  DiscoveryFoundEvent,
  DiscoveryProgressEvent,
  PbxStatus,
  ScanResults,
} from '../../api/types';
import { FieldkitError } from '../../services/errors';
import { formatMac } from '../../shared/identifiers';
import { checkSystem, UsageError, type Command, type OptionValues } from '../command';
import { EXIT, type ExitCode } from '../exit-codes';
import { printJson, printTable, type CliIo } from '../io';

const LISTED_BY_DEFAULT = new Set<DiscoveredDevice['kind']>(['deskphone', 'dect-base']);
const PROGRESS_MODES = ['text', 'jsonl', 'none'] as const;
type ProgressMode = (typeof PROGRESS_MODES)[number];
const TEXT_PROGRESS_INTERVAL_MS = 1000;

export const discoverCommand: Command = {
  name: 'discover',
  summary: 'Find the phones and DECT bases on the LAN (and, with --system, their CloudPBX status)',
  usage:
    'fieldkit discover [--subnet CIDR]... [--interface NAME] [--timeout MS] [--rate PPS] [--all] ' +
    '[--system ID] [--progress text|jsonl|none] [--yes] [--json]',
  options: {
    subnet: { type: 'string', multiple: true },
    interface: { type: 'string' },
    timeout: { type: 'string' },
    rate: { type: 'string' },
    all: { type: 'boolean', default: false },
    system: { type: 'string' },
    progress: { type: 'string' },
    /** Confirms a scan of a subnet wider than /22, as the app asks to. */
    yes: { type: 'boolean', default: false },
  },
  async run(context) {
    const { io, json, values, api } = context;
    const request = scanRequest(values);
    const progress = progressMode(values);
    const listAll = values.all === true;
    const systemId = typeof values.system === 'string' ? checkSystem(values.system) : undefined;

    // With --demo the core scans the demo's simulated LAN, like the app's demo: no packet leaves the process.
    if (values.demo === true) await context.workOffline();
    const plan = await api.discovery.plan(request);
    if (plan.needsConfirmation && values.yes !== true) {
      throw new UsageError(
        `This scan covers ${plan.addresses.toLocaleString('en')} addresses (about ` +
          `${Math.ceil(plan.estimatedMs / 1000)} s at ${plan.rate} probes/s): add --yes to scan a subnet wider ` +
          'than /22.',
      );
    }
    if (plan.needsConfirmation && progress !== 'none') {
      io.stderr(
        `discover: ${plan.addresses.toLocaleString('en')} addresses to probe, about ` +
          `${Math.ceil(plan.estimatedMs / 1000)} s at ${plan.rate} probes/s.\n`,
      );
    }
    if (systemId) await context.connect();
    const results = await scan(api, io, progressReporter(io, progress, listAll), {
      ...request,
      ...(systemId ? { systemId } : {}),
      confirmed: values.yes === true,
    });
    if (results.state === 'failed') return reportFailure(io, json, results);

    const devices = results.devices.filter((device) => listAll || LISTED_BY_DEFAULT.has(device.kind));
    if (json) printJson(io, jsonDocument(results, devices));
    else printDevices(io, devices, results);
    for (const problem of results.problems) io.stderr(`discover: ${problem}\n`);
    if (results.state === 'stopped') io.stderr('discover: stopped before the end; the list is incomplete.\n');
    return results.problems.length > 0 || results.state === 'stopped' ? EXIT.partial : EXIT.ok;
  },
};

function wholeNumber(values: OptionValues, name: string, unit: string): number | undefined {
  const value = values[name];
  if (typeof value !== 'string') return undefined;
  if (!/^\d+$/.test(value.trim()))
    throw new UsageError(`--${name} must be a whole number of ${unit}, not "${value}".`);
  return Number(value);
}

type ScanRequest = CallInput<'discovery.plan'>;

/** The core's scan events, as the CLI prints them. */
interface ScanReporter {
  found(event: DiscoveryFoundEvent): void;
  progress(event: DiscoveryProgressEvent): void;
  finished(event: DiscoveryFinishedEvent): void;
}

/** Starts a scan, reports its events until it finishes (or Ctrl+C stops it), and answers its results. */
async function scan(
  api: Api,
  io: CliIo,
  reporter: ScanReporter,
  request: Omit<CallInput<'discovery.start'>, 'scanId'>,
): Promise<ScanResults> {
  const scanId = randomUUID();
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const stops = [
    api.on('discovery.found', (event) => {
      if (event.scanId === scanId) reporter.found(event);
    }),
    api.on('discovery.progress', (event) => {
      if (event.scanId === scanId) reporter.progress(event);
    }),
    api.on('discovery.finished', (event) => {
      if (event.scanId !== scanId) return;
      reporter.finished(event);
      settle();
    }),
  ];
  try {
    await api.discovery.start({ ...request, scanId });
    void io.untilInterrupted().then(() => api.discovery.stop({ scanId }).catch(() => undefined));
    await settled;
    return await api.discovery.results({ scanId });
  } finally {
    for (const stop of stops) stop();
  }
}

function scanRequest(values: OptionValues): ScanRequest {
  const subnets = Array.isArray(values.subnet)
    ? values.subnet.filter((s): s is string => typeof s === 'string')
    : [];
  const request: ScanRequest = {};
  if (subnets.length > 0) request.subnets = subnets;
  if (typeof values.interface === 'string') request.interface = values.interface;
  const rate = wholeNumber(values, 'rate', 'probes per second');
  const timeoutMs = wholeNumber(values, 'timeout', 'milliseconds');
  if (rate !== undefined) request.rate = rate;
  if (timeoutMs !== undefined) request.timeoutMs = timeoutMs;
  return request;
}

function progressMode(values: OptionValues): ProgressMode {
  const mode = values.progress ?? 'text';
  if (PROGRESS_MODES.includes(mode as ProgressMode)) return mode as ProgressMode;
  throw new UsageError(`--progress is text, jsonl or none, not "${String(mode)}".`);
}

/** Progress on stderr: a line per second and per phone found, or one JSON line per event (`--progress jsonl`). */
function progressReporter(io: CliIo, mode: ProgressMode, listAll: boolean): ScanReporter {
  const line = (event: string, payload: object): void =>
    io.stderr(`${JSON.stringify({ event, t: Math.round(performance.now()), ...payload })}\n`);
  let lastTextProgress = { at: Number.NEGATIVE_INFINITY, probed: -1 };
  const announced = new Set<string>();
  return {
    found: ({ device }) => {
      if (mode === 'jsonl') return line('found', { device });
      if (mode === 'none' || announced.has(device.mac) || !(listAll || LISTED_BY_DEFAULT.has(device.kind)))
        return;
      announced.add(device.mac);
      io.stderr(
        `${`discover: found ${device.kind} ${device.ip} ${formatMac(device.mac)} ${device.model ?? ''}`.trimEnd()}\n`,
      );
    },
    progress: ({ probed, total }) => {
      if (mode === 'jsonl') return line('progress', { probed, total });
      const now = performance.now();
      const due = now - lastTextProgress.at >= TEXT_PROGRESS_INTERVAL_MS || probed === total;
      if (mode === 'none' || !due || probed === lastTextProgress.probed) return;
      lastTextProgress = { at: now, probed };
      io.stderr(`discover: ${probed}/${total} addresses probed\n`);
    },
    finished: ({ state, durationMs, found }) => {
      if (mode === 'jsonl') line('finished', { state, durationMs, found });
    },
  };
}

function jsonDocument(results: ScanResults, devices: DiscoveredDevice[]): Record<string, unknown> {
  const document: Record<string, unknown> = {
    devices,
    scanned: {
      subnets: results.plan.subnets.map((subnet) => subnet.cidr),
      addresses: results.plan.addresses,
      durationMs: results.durationMs,
    },
  };
  if (results.handsets !== null) document.handsets = results.handsets;
  if (results.state === 'stopped') document.stopped = true;
  if (results.problems.length > 0) document.problems = results.problems;
  return document;
}

function pbxText(pbx: PbxStatus | undefined): string {
  if (!pbx) return '';
  if (!pbx.provisioned) return 'not provisioned';
  const holder = pbx.subscriber
    ? `${pbx.subscriber.shortNumber}${pbx.subscriber.name ? ` ${pbx.subscriber.name}` : ''}`
    : 'unassigned';
  const registration =
    pbx.registered === null
      ? 'registration unknown'
      : pbx.registered
        ? `registered from ${pbx.registeredFrom ?? '?'}`
        : 'not registered';
  return `${holder}, ${registration}`;
}

function printDevices(io: CliIo, devices: DiscoveredDevice[], results: ScanResults): void {
  printTable(
    io,
    [
      'IP',
      'MAC',
      'VENDOR',
      'MODEL',
      'FIRMWARE',
      'KIND',
      'SOURCES',
      ...(results.handsets ? ['CLOUDPBX'] : []),
    ],
    devices.map((device) => [
      device.ip,
      formatMac(device.mac),
      device.vendor ?? '',
      device.model ?? '',
      device.firmware ?? '',
      device.kind,
      device.sources.join(','),
      ...(results.handsets ? [pbxText(device.pbx)] : []),
    ]),
  );
  if (results.handsets && results.handsets.length > 0) {
    io.stdout('\nDECT handsets of the CloudPBX:\n');
    printTable(
      io,
      ['IPEI', 'DESCRIPTION', 'MODEL', 'SUBSCRIBER', 'REGISTERED', 'BASE'],
      results.handsets.map((handset) => [
        handset.ipei,
        handset.description,
        handset.model,
        handset.subscriber ? `${handset.subscriber.shortNumber} ${handset.subscriber.name ?? ''}`.trim() : '',
        handset.registered === null ? '?' : handset.registered ? 'yes' : 'no',
        handset.baseMac ? formatMac(handset.baseMac) : '',
      ]),
    );
  }
  const seconds = ((results.durationMs ?? 0) / 1000).toFixed(1);
  io.stderr(
    `discover: ${devices.length} listed of ${results.devices.length} hosts found on ` +
      `${results.plan.subnets.map((subnet) => subnet.cidr).join(', ')} in ${seconds} s` +
      (results.devices.length > devices.length ? ' (--all lists every host)' : '') +
      '.\n',
  );
}

/** A scan that could not run: missing privileges are not a usage error, and not an authentication one. */
function reportFailure(io: CliIo, json: boolean, results: ScanResults): ExitCode {
  const error = results.error ?? { code: 'internal' as const, message: 'The scan failed.' };
  if (error.code === 'invalid-input') throw new FieldkitError(error);
  io.stderr(`fieldkit discover: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
  if (json) printJson(io, { error });
  return EXIT.partial;
}
