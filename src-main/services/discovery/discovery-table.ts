/**
 * The live table: every observation merged into one row per MAC. The neighbour table tells which MAC an
 * address has; what a device says about itself (SIP, mDNS, its web page) waits for that before it joins a row,
 * and only falls back to the MAC the device claims when the neighbour table never learns the address.
 */
import { parseIpv4 } from '../../shared/ipv4';
import type { ScanObservation } from './scanner';
import type { DiscoveredDevice, DiscoverySource, PbxStatus } from './types';
import type { DeviceIdentity } from './user-agent';
import { classifyMac, type VendorClassification } from './vendors';

type IdentitySource = Exclude<DiscoverySource, 'arp'>;
type IdentityObservation = Extract<ScanObservation, { identity: DeviceIdentity }>;

/** What a device says about itself is believed in this order. */
const IDENTITY_PRIORITY: readonly IdentitySource[] = ['sip', 'mdns', 'http'];
const SOURCE_ORDER: readonly DiscoverySource[] = ['arp', 'sip', 'mdns', 'http'];

interface Row {
  mac: string;
  ip: string;
  sources: Set<DiscoverySource>;
  identities: Map<IdentitySource, DeviceIdentity>;
  pbx?: PbxStatus;
}

export type MacClassifier = (mac: string) => VendorClassification;

export class DiscoveryTable {
  readonly #classify: MacClassifier;
  readonly #rows = new Map<string, Row>();
  readonly #macOfIp = new Map<string, string>();
  readonly #waiting = new Map<string, IdentityObservation[]>();
  readonly #published = new Map<string, string>();

  constructor(classify: MacClassifier = classifyMac) {
    this.#classify = classify;
  }

  /** Merges an observation; answers the rows it changed. */
  add(observation: ScanObservation): DiscoveredDevice[] {
    if (observation.source === 'arp') {
      this.#macOfIp.set(observation.ip, observation.mac);
      const row = this.#row(observation.mac, observation.ip);
      row.ip = observation.ip;
      row.sources.add('arp');
      for (const waiting of this.#waiting.get(observation.ip) ?? []) this.#merge(row, waiting);
      this.#waiting.delete(observation.ip);
      return this.#changed([row]);
    }
    const mac = this.#macOfIp.get(observation.ip);
    if (mac === undefined) {
      this.#waiting.set(observation.ip, [...(this.#waiting.get(observation.ip) ?? []), observation]);
      return [];
    }
    const row = this.#row(mac, observation.ip);
    this.#merge(row, observation);
    return this.#changed([row]);
  }

  /**
   * The end of a sweep: what waits for a MAC the neighbour table never gave joins the MAC the device claimed
   * (a platform whose table is slow or filtered); without a claimed MAC it is dropped.
   */
  settle(): DiscoveredDevice[] {
    const rows: Row[] = [];
    for (const [ip, observations] of this.#waiting) {
      const claimed = observations.map((o) => o.identity.claimedMac).find((mac) => mac !== undefined);
      if (claimed === undefined) continue;
      const row = this.#row(claimed, ip);
      for (const observation of observations) this.#merge(row, observation);
      rows.push(row);
    }
    this.#waiting.clear();
    return this.#changed(rows);
  }

  attachPbx(mac: string, pbx: PbxStatus): DiscoveredDevice | undefined {
    const row = this.#rows.get(mac);
    if (!row) return undefined;
    row.pbx = pbx;
    return this.#changed([row])[0];
  }

  get(mac: string): DiscoveredDevice | undefined {
    const row = this.#rows.get(mac);
    return row ? this.#describe(row) : undefined;
  }

  /** Every row, by address. */
  rows(): DiscoveredDevice[] {
    return [...this.#rows.values()]
      .map((row) => this.#describe(row))
      .sort((a, b) => (parseIpv4(a.ip) ?? 0) - (parseIpv4(b.ip) ?? 0));
  }

  get size(): number {
    return this.#rows.size;
  }

  #row(mac: string, ip: string): Row {
    let row = this.#rows.get(mac);
    if (!row) {
      row = { mac, ip, sources: new Set(), identities: new Map() };
      this.#rows.set(mac, row);
    }
    return row;
  }

  #merge(row: Row, observation: IdentityObservation): void {
    row.sources.add(observation.source);
    const known = row.identities.get(observation.source) ?? {};
    row.identities.set(observation.source, { ...known, ...observation.identity });
  }

  /** The rows whose published form differs from the last one published. */
  #changed(rows: Row[]): DiscoveredDevice[] {
    const changed: DiscoveredDevice[] = [];
    for (const row of new Set(rows)) {
      const device = this.#describe(row);
      const text = JSON.stringify(device);
      if (this.#published.get(row.mac) === text) continue;
      this.#published.set(row.mac, text);
      changed.push(device);
    }
    return changed;
  }

  #describe(row: Row): DiscoveredDevice {
    const said = <K extends keyof DeviceIdentity>(key: K): DeviceIdentity[K] | undefined =>
      IDENTITY_PRIORITY.map((source) => row.identities.get(source)?.[key]).find(
        (value) => value !== undefined,
      );
    const classification = this.#classify(row.mac);
    const device: DiscoveredDevice = {
      mac: row.mac,
      ip: row.ip,
      vendor: said('vendor') ?? classification.organisation ?? null,
      kind: said('kind') ?? classification.kind,
      model: said('model') ?? null,
      firmware: said('firmware') ?? null,
      sources: SOURCE_ORDER.filter((source) => row.sources.has(source)),
    };
    if (row.pbx) device.pbx = row.pbx;
    return device;
  }
}
