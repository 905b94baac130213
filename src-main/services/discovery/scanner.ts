/**
 * The seam between discovery and a network: the real sweep (network-sweep.ts) and the demo's simulated LAN
 * (simulated-lan.ts) both implement `Scanner`, and report what they see as observations of one address.
 */
import type { NeighbourEntry } from './neighbour-parsers';
import type { DiscoverySource, ScanPlan, ScanProgress } from './types';
import type { DeviceIdentity } from './user-agent';

/** One thing seen about one address. Only `arp` observations carry the MAC the neighbour table resolved. */
export type ScanObservation =
  | { source: 'arp'; ip: string; mac: string }
  | { source: Exclude<DiscoverySource, 'arp'>; ip: string; identity: DeviceIdentity };

export interface ScanListener {
  observe(observation: ScanObservation): void;
  progress(progress: ScanProgress): void;
}

export interface ScanOutcome {
  /** What went partly wrong; empty when the sweep ran as planned. */
  problems: string[];
}

export interface Scanner {
  /**
   * Probes every address of the plan and reports as it goes. Resolves shortly after the last probe's answer
   * window, or as soon as `signal` aborts (no probe is sent after that). Rejects only when the scan cannot run
   * at all (e.g. the system refuses to send).
   */
  scan(plan: ScanPlan, listener: ScanListener, signal: AbortSignal): Promise<ScanOutcome>;
}

/** Looks one address up: what answers there, and its MAC. */
export interface AddressIdentifier {
  identify(ip: string, localAddress: string, timeoutMs: number): Promise<ScanObservation[]>;
}

/** Timers the scanners use; tests drive them by hand. */
export interface ScanClock {
  now(): number;
  /** Runs `callback` after `ms`; returns a cancel function. Keeps the process alive while pending. */
  setTimeout(callback: () => void, ms: number): () => void;
}

export const realScanClock: ScanClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

export type NeighbourReader = () => Promise<NeighbourEntry[]>;
