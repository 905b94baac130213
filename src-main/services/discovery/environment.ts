/**
 * Where a scan runs: this machine's real network, or the demo's simulated LAN. The composition root picks one
 * per scan; everything above this interface (merging, the CloudPBX join, events) is the same for both.
 */
import { randomBytes } from 'node:crypto';
import { createAddressIdentifier } from './address-identifier';
import { createBonjourBrowser } from './mdns-browser';
import { createNetworkScanner } from './network-sweep';
import { createNodeArpLookup, type NodeArpGetMac } from './node-arp-lookup';
import type { LocalInterface } from './plan';
import { realScanClock, type AddressIdentifier, type Scanner } from './scanner';
import { createNeighbourReader, listLocalInterfaces, openUdpSipSocket } from './system-network';
import { identifyByWebPage } from './web-identify';

export interface DiscoveryEnvironment {
  /** The demo's simulated LAN: no packet is sent. */
  readonly simulated: boolean;
  interfaces(): Promise<LocalInterface[]>;
  readonly scanner: Scanner;
  readonly identifier: AddressIdentifier;
}

const NODE_ARP_TIMEOUT_MS = 2000;

/** node-arp serves single-address look-ups only: loaded by the first one, not by every start-up or sweep. */
const getMacLazily: NodeArpGetMac = (ip, callback) => {
  import('node-arp').then(
    ({ getMAC }) => getMAC(ip, callback),
    (error: unknown) => callback(true, error),
  );
};

export function newScanToken(): string {
  return randomBytes(6).toString('hex');
}

/** The real network of this machine. */
export function createSystemEnvironment(options: { version: string }): DiscoveryEnvironment {
  const userAgent = `Fieldkit/${options.version}`;
  const readNeighbours = createNeighbourReader();
  return {
    simulated: false,
    interfaces: () => listLocalInterfaces(),
    scanner: createNetworkScanner({
      clock: realScanClock,
      openSipSocket: openUdpSipSocket,
      readNeighbours,
      browseMdns: createBonjourBrowser,
      identifyByWeb: identifyByWebPage,
      userAgent,
      newToken: newScanToken,
      platform: process.platform,
    }),
    identifier: createAddressIdentifier({
      openSipSocket: openUdpSipSocket,
      lookupMac: createNodeArpLookup({ getMac: getMacLazily, timeoutMs: NODE_ARP_TIMEOUT_MS }),
      readNeighbours,
      userAgent,
      newToken: newScanToken,
    }),
  };
}
