import type { DiscoveryFinishedEvent, DiscoveryFoundEvent, DiscoveryProgressEvent } from '@api/types';

export type DiscoveryEvent =
  | { kind: 'found'; payload: DiscoveryFoundEvent }
  | { kind: 'progress'; payload: DiscoveryProgressEvent }
  | { kind: 'finished'; payload: DiscoveryFinishedEvent };

export interface ScanEventTarget {
  /** The scan whose events are shown, once its start has answered. */
  currentId(): string | undefined;
  apply(event: DiscoveryEvent): void;
  /** The rows of a new scan are about to be shown: forget the previous scan's. */
  clear(): void;
  stop(scanId: string): void;
}

interface Attempt {
  previousId: string | undefined;
  provisionalId?: string;
  events: DiscoveryEvent[];
  stopRequested: boolean;
  /** The scan a stop was sent for. */
  stoppedId?: string;
}

/** One start call, from the moment it is sent to its answer. */
export type StartTicket = object;

/**
 * Routes `discovery.*` events to the current scan. While a start call is on its way its scan id is unknown, yet
 * its first rows may already be arriving (an event stream is not held up by a slow answer): the first scan id
 * then seen, other than the previous scan's, is shown at once, provisionally. Every event is kept, and replayed
 * for the right scan should the answer name another one. Stop pressed meanwhile stops whichever is known first.
 */
export function createScanEventRouter(target: ScanEventTarget) {
  let attempt: Attempt | undefined;
  const tickets = new WeakMap<StartTicket, Attempt>();

  function stopOnce(current: Attempt, scanId: string): void {
    if (current.stoppedId === scanId) return;
    current.stoppedId = scanId;
    target.stop(scanId);
  }

  return {
    receive(event: DiscoveryEvent): void {
      const scanId = event.payload.scanId;
      if (!attempt) {
        if (scanId === target.currentId()) target.apply(event);
        return;
      }
      attempt.events.push(event);
      // A scan ends here once its start has answered (its summary is needed for that): finished events wait.
      if (scanId === attempt.previousId || event.kind === 'finished') return;
      if (attempt.provisionalId === undefined) {
        attempt.provisionalId = scanId;
        target.clear();
        if (attempt.stopRequested) stopOnce(attempt, scanId);
      }
      if (scanId === attempt.provisionalId) target.apply(event);
    },

    begin(): StartTicket {
      const ticket: StartTicket = {};
      attempt = { previousId: target.currentId(), events: [], stopRequested: false };
      tickets.set(ticket, attempt);
      return ticket;
    },

    /** Still the latest start (not abandoned, not overtaken)? */
    isCurrent(ticket: StartTicket): boolean {
      return attempt !== undefined && tickets.get(ticket) === attempt;
    },

    /**
     * The start answered `scanId`: answers whether its rows are on screen already, and the events still to apply
     * once the scan's summary is in place.
     */
    settle(ticket: StartTicket, scanId: string): { shownAlready: boolean; pending: DiscoveryEvent[] } {
      const settled = tickets.get(ticket);
      if (!settled) return { shownAlready: false, pending: [] };
      if (attempt === settled) attempt = undefined;
      if (settled.stopRequested) stopOnce(settled, scanId);
      const shownAlready = settled.provisionalId === scanId;
      const pending = settled.events.filter(
        (event) => event.payload.scanId === scanId && (!shownAlready || event.kind === 'finished'),
      );
      return { shownAlready, pending };
    },

    /** No scan will come of the pending start (it failed, or the screen was reset). */
    abandon(): void {
      attempt = undefined;
    },

    /** Stop pressed: answers false when no start is pending (the current scan is stopped the usual way). */
    requestStop(): boolean {
      if (!attempt) return false;
      attempt.stopRequested = true;
      if (attempt.provisionalId !== undefined) stopOnce(attempt, attempt.provisionalId);
      return true;
    },
  };
}
