/** What the latest-scan memory reads of a discovery: how a scan ended, and the MACs it saw. */
export interface ScanEnd {
  scanId: string;
  state: 'finished' | 'stopped' | 'failed';
  found: number;
}

/**
 * Remembers the latest LAN discovery of the session that went to the end and found something, so that import
 * files can be compared with the wire. A stopped scan saw only part of the LAN: comparing with it would call
 * phones missing that were never looked for, so it is not kept.
 */
export class LatestScan {
  readonly #macsOf: (scanId: string) => readonly string[];
  #scanId: string | undefined;

  constructor(macsOf: (scanId: string) => readonly string[]) {
    this.#macsOf = macsOf;
  }

  scanEnded(scan: ScanEnd): void {
    if (scan.state === 'finished' && scan.found > 0) this.#scanId = scan.scanId;
  }

  /** A new session (signed out, another profile) starts without a scan. */
  forget(): void {
    this.#scanId = undefined;
  }

  /** The id of the scan kept, for reading more of its results (diagnose reads a phone's model from it). */
  scanId(): string | undefined {
    return this.#scanId;
  }

  /** The MACs the latest scan saw; undefined when there is none, or it is no longer kept. */
  macs(): readonly string[] | undefined {
    if (this.#scanId === undefined) return undefined;
    try {
      return this.#macsOf(this.#scanId);
    } catch {
      return undefined;
    }
  }
}
