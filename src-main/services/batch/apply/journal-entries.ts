/** A device line's steps (create, unassign, assign), or a keys sheet line's one step (`key`). */
export type JournalStep = 'create' | 'unassign' | 'assign' | 'key';

/** How a run of the app ended; a run without an `end` entry was interrupted (the app or the CLI stopped). */
export type JournalEndState = 'finished' | 'cancelled' | 'failed';

/** The settings a run of the app was started with, so that it can be resumed after a restart. */
export interface JournalRunSettings {
  runId: string;
  reassign: boolean;
  skipInvalid: boolean;
  concurrency: number;
  /** What the file is: a keys sheet (`keys import`), or a device sheet when absent. */
  sheet?: 'keys';
}

/**
 * One line of the journal (JSON Lines). An `intent` is written and flushed to disk before a request is sent,
 * its `result` after the answer: an intent without a result is a request whose outcome is unknown (the run
 * crashed or the answer was lost), which a resumed run looks up before doing anything again.
 */
export type JournalEntry =
  | ({
      type: 'run';
      at: string;
      systemId: string;
      fileName: string;
      fileHash: string;
    } & Partial<JournalRunSettings>)
  | { type: 'intent'; at: string; line: number; identifier: string; step: JournalStep }
  | {
      type: 'result';
      at: string;
      line: number;
      identifier: string;
      step: JournalStep;
      /** `not-sent`: the step was announced with its line, but the line ended (or never started) before it. */
      outcome: 'ok' | 'failed' | 'unknown' | 'not-sent';
      deviceId?: string;
      message?: string;
    }
  | { type: 'end'; at: string; state: JournalEndState };

export type RunEntry = Extract<JournalEntry, { type: 'run' }>;

/** What the journal says about one device (by canonical identifier), over every run it records. */
export interface JournalDeviceState {
  /** Steps whose last record is an intent without a result, or a result whose outcome is unknown. */
  unresolved: Set<JournalStep>;
  /** Steps that succeeded, with the device id they gave. */
  done: Map<JournalStep, string | undefined>;
}

/** The steps of one line of the file that succeeded, over every run the journal records. */
export interface JournalLineState {
  done: Set<JournalStep>;
  deviceId?: string;
}

export interface JournalState {
  devices: Map<string, JournalDeviceState>;
  lines: Map<number, JournalLineState>;
}

export function emptyJournalState(): JournalState {
  return { devices: new Map(), lines: new Map() };
}

/** Parses the journal's text; a line torn by a crash (or otherwise unreadable) is skipped. */
export function parseEntries(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      continue;
    }
  }
  return entries;
}

export function replay(entries: readonly JournalEntry[]): JournalState {
  const state = emptyJournalState();
  for (const entry of entries) applyEntry(state, entry);
  return state;
}

export function applyEntry(state: JournalState, entry: JournalEntry): void {
  if (entry.type === 'run' || entry.type === 'end') return;
  const device = state.devices.get(entry.identifier) ?? { unresolved: new Set(), done: new Map() };
  state.devices.set(entry.identifier, device);
  if (entry.type === 'intent' || entry.outcome === 'unknown') {
    device.unresolved.add(entry.step);
    return;
  }
  device.unresolved.delete(entry.step);
  if (entry.outcome !== 'ok') return;
  device.done.set(entry.step, entry.deviceId);
  const line = state.lines.get(entry.line) ?? { done: new Set() };
  state.lines.set(entry.line, line);
  line.done.add(entry.step);
  if (entry.deviceId !== undefined) line.deviceId = entry.deviceId;
}
