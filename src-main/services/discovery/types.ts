/**
 * What discovery answers: the rows of the live table, the CloudPBX's view of each, the scan plan and the
 * results a renderer reads back. Plain JSON; the contract re-exports these for the renderer.
 */
import type { FieldkitErrorData } from '../errors';
import type { VendorKind } from './vendors';

export type DeviceKind = VendorKind;

/** How a host was seen: the neighbour (ARP) table, a SIP OPTIONS answer, an mDNS advertisement, its web page. */
export type DiscoverySource = 'arp' | 'sip' | 'mdns' | 'http';

export interface PbxSubscriber {
  shortNumber: string;
  /** The user holding the number, when the CloudPBX names one. */
  name: string | null;
}

/** The CloudPBX's view of a MAC found on the LAN. */
export interface PbxStatus {
  /** The device with this MAC on the chosen CloudPBX; null when it is not provisioned there. */
  deviceId: string | null;
  provisioned: boolean;
  description: string | null;
  model: string | null;
  subscriber: PbxSubscriber | null;
  /** Whether the device holds a SIP registration; null when that could not be read. */
  registered: boolean | null;
  /** The public address the registration comes from (`91.161.84.45:19925`). */
  registeredFrom: string | null;
}

/** One row of the live table: everything known about one MAC. */
export interface DiscoveredDevice {
  /** 12 lowercase hex digits. */
  mac: string;
  ip: string;
  vendor: string | null;
  kind: DeviceKind;
  model: string | null;
  firmware: string | null;
  sources: DiscoverySource[];
  /** Only when signed in and a CloudPBX was chosen. */
  pbx?: PbxStatus;
}

/** A DECT handset of the chosen CloudPBX (handsets have an IPEI, not an address on the LAN). */
export interface DectHandset {
  deviceId: string;
  /** 10 lowercase hex digits. */
  ipei: string;
  description: string;
  model: string;
  subscriber: PbxSubscriber | null;
  registered: boolean | null;
  registeredFrom: string | null;
  dectVersion: string | null;
  /** The base it registers through (12 lowercase hex digits), when the registration tells. */
  baseMac: string | null;
}

/** A local interface a scan can use. */
export interface NetworkInterfaceSummary {
  name: string;
  /** Its IPv4 addresses. */
  addresses: string[];
  /** The network of its first IPv4 address (`192.168.1.0/24`): the subnet a scan defaults to. */
  cidr: string | null;
  /** It carries the default route: the one a scan uses when none is chosen. */
  isDefaultRoute: boolean;
}

export interface PlannedSubnet {
  /** Normalised: host bits cleared (`192.168.1.7/24` → `192.168.1.0/24`). */
  cidr: string;
  interface: string;
  /** This machine's address on that interface. */
  localAddress: string;
  /** Addresses that will be probed: network, broadcast and this machine's own address excluded. */
  addresses: number;
}

export interface ScanPlan {
  subnets: PlannedSubnet[];
  addresses: number;
  /** Probes per second. */
  rate: number;
  /** How long a probe's answer is awaited. */
  timeoutMs: number;
  estimatedMs: number;
  /** A subnet wider than /22: the technician confirms (seeing `estimatedMs`) before it starts. */
  needsConfirmation: boolean;
  /** The demo's simulated LAN, not a real network. */
  simulated: boolean;
}

export interface ScanProgress {
  probed: number;
  total: number;
}

export type ScanState = 'running' | 'finished' | 'stopped' | 'failed';

export interface ScanResults {
  scanId: string;
  simulated: boolean;
  state: ScanState;
  plan: ScanPlan;
  progress: ScanProgress;
  devices: DiscoveredDevice[];
  /** DECT handsets of the CloudPBX; null when no CloudPBX is joined. */
  handsets: DectHandset[] | null;
  durationMs: number | null;
  /** What went partly wrong (a probe that could not be sent, the CloudPBX not answering, …). */
  problems: string[];
  error?: FieldkitErrorData;
}

export interface IdentifyResult {
  ip: string;
  /** Null when nothing answers at that address. */
  device: DiscoveredDevice | null;
  simulated: boolean;
}

export interface DiscoveryFoundEvent {
  scanId: string;
  simulated: boolean;
  /** The whole merged row, added or updated. */
  device: DiscoveredDevice;
}

export interface DiscoveryProgressEvent extends ScanProgress {
  scanId: string;
  simulated: boolean;
}

export interface DiscoveryFinishedEvent {
  scanId: string;
  simulated: boolean;
  state: Exclude<ScanState, 'running'>;
  durationMs: number;
  stopped: boolean;
  found: number;
  problems: string[];
  error?: FieldkitErrorData;
}
