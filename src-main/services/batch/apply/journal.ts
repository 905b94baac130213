import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  applyEntry,
  parseEntries,
  replay,
  type JournalDeviceState,
  type JournalEndState,
  type JournalEntry,
  type JournalLineState,
  type JournalState,
  type JournalStep,
} from './journal-entries';
import { readTextIfThere } from '../../files/read-text-if-there';
import { IsoStamps } from './iso-stamps';

export type {
  JournalDeviceState,
  JournalEndState,
  JournalEntry,
  JournalLineState,
  JournalRunSettings,
  JournalStep,
} from './journal-entries';

/** `<dataDir>/journals/<hash of the file>.jsonl`: the same file gets the same journal, whatever its name. */
export function defaultJournalPath(dataDir: string, content: Uint8Array): string {
  return join(dataDir, 'journals', `${fileHash(content)}.jsonl`);
}

export function fileHash(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 32);
}

/**
 * Opened with O_DSYNC, an append returns once its lines are on disk, as a write then a datasync would: one call
 * to the thread pool per write instead of two (each costs the event loop a thread's wake-up). Where the platform
 * has no O_DSYNC (Windows), every write is followed by a datasync.
 */
const { O_APPEND, O_CREAT, O_WRONLY } = fsConstants;
const O_DSYNC = fsConstants.O_DSYNC as number | undefined;
const SYNCED_APPEND = O_DSYNC === undefined ? undefined : O_WRONLY | O_APPEND | O_CREAT | O_DSYNC;

/**
 * The longest a result waits for a write to go with (an intent's, or other results'): an apply records a result
 * every few milliseconds, and writing each as it came made about one synced write per request.
 */
export const RESULT_WRITE_DELAY_MS = 20;

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * An append-only, synced journal of an import's steps. An intent (or a run's start and end) resolves once its
 * line is on disk: only then may its request leave. A result is not awaited: it goes to disk with the next intent,
 * or on its own at most RESULT_WRITE_DELAY_MS later, always before any later intent, so a crash can lose nothing
 * but results whose steps a resumed run looks up.
 * Lines appended in the same tick, or while a write is under way, go to disk together in the next write (one sync
 * for all of them), so lines never interleave and many workers do not queue behind a sync each.
 */
export class ImportJournal {
  readonly path: string;
  readonly #handle: FileHandle;
  readonly #state: JournalState;
  readonly #now: () => number;
  readonly #stamps = new IsoStamps();
  #pending: string[] = [];
  #waiters: Waiter[] = [];
  #writing = false;
  /** Whether what is pending must be written now: an intent waits for it, or results waited long enough. */
  #due = false;
  #resultTimer: ReturnType<typeof setTimeout> | undefined;
  #drained: Promise<void> = Promise.resolve();
  /** The first write that failed: from then on nothing may be sent, as it could not be journalled. */
  #failure: unknown;

  private constructor(path: string, handle: FileHandle, state: JournalState, now: () => number) {
    this.path = path;
    this.#handle = handle;
    this.#state = state;
    this.#now = now;
  }

  /** Opens (creating if needed) the journal at `path` and replays what it already holds. */
  static async open(path: string, now: () => number = Date.now): Promise<ImportJournal> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const text = await readTextIfThere(path);
    const handle = await open(path, SYNCED_APPEND ?? 'a', 0o600);
    // A crash mid-write leaves a torn last line: end it, so the next entry starts a line of its own.
    if (text !== undefined && text !== '' && !text.endsWith('\n')) {
      await handle.write('\n');
      await handle.sync();
    }
    return new ImportJournal(path, handle, replay(parseEntries(text ?? '')), now);
  }

  static async exists(path: string): Promise<boolean> {
    return (await readTextIfThere(path)) !== undefined;
  }

  /** Every entry of the journal at `path`, torn lines left out; none when there is no journal. */
  static async read(path: string): Promise<JournalEntry[]> {
    return parseEntries((await readTextIfThere(path)) ?? '');
  }

  stateOf(identifier: string): JournalDeviceState | undefined {
    return this.#state.devices.get(identifier);
  }

  /** The steps of a line of the file that succeeded, in any run this journal records. */
  lineState(line: number): JournalLineState | undefined {
    return this.#state.lines.get(line);
  }

  /** How many devices have a step whose outcome is unknown. */
  unresolvedCount(): number {
    return [...this.#state.devices.values()].filter((state) => state.unresolved.size > 0).length;
  }

  recordRun(fields: Omit<Extract<JournalEntry, { type: 'run' }>, 'type' | 'at'>): Promise<void> {
    return this.#durable({ type: 'run', at: this.#stamp(), ...fields });
  }

  recordIntent(line: number, identifier: string, step: JournalStep): Promise<void> {
    return this.recordIntents(line, identifier, [step]);
  }

  /** The intents of several steps at once (a line's steps, before its first request): one write for all. */
  recordIntents(line: number, identifier: string, steps: readonly JournalStep[]): Promise<void> {
    const at = this.#stamp();
    return this.#durable(
      ...steps.map((step): JournalEntry => ({ type: 'intent', at, line, identifier, step })),
    );
  }

  /**
   * Queues a step's result, written with the next intent or RESULT_WRITE_DELAY_MS later (group commit): not
   * awaited, it is on disk before any later intent and when the journal is flushed or closed. A result lost to a
   * crash is safe: its step's intent is on disk without it, so a resumed run looks the step up first.
   */
  recordResult(fields: Omit<Extract<JournalEntry, { type: 'result' }>, 'type' | 'at'>): void {
    this.#queue({ type: 'result', at: this.#stamp(), ...fields });
    this.#resultTimer ??= setTimeout(() => {
      this.#resultTimer = undefined;
      this.#writeNow();
    }, RESULT_WRITE_DELAY_MS);
  }

  recordEnd(state: JournalEndState): Promise<void> {
    return this.#durable({ type: 'end', at: this.#stamp(), state });
  }

  /** Resolves once every line queued so far is on disk (results included); rejects when a write failed. */
  async flush(): Promise<void> {
    if (this.#pending.length > 0) this.#writeNow();
    while (this.#writing) await this.#drained;
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** Writes what is queued and closes; rejects when a write failed. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      clearTimeout(this.#resultTimer);
      await this.#handle.close();
    }
  }

  #stamp(): string {
    return this.#stamps.at(this.#now());
  }

  #durable(...entries: JournalEntry[]): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const written = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    for (const entry of entries) this.#queue(entry);
    this.#writeNow();
    return written;
  }

  /** Applies and queues an entry, written with the next write. */
  #queue(entry: JournalEntry): void {
    applyEntry(this.#state, entry);
    this.#pending.push(`${JSON.stringify(entry)}\n`);
  }

  /** Writes what is pending once the current tick is over (or after the write under way). */
  #writeNow(): void {
    this.#due = true;
    if (this.#writing) return;
    this.#writing = true;
    // From a microtask: the intents of several lines announced in one go are written together.
    this.#drained = Promise.resolve().then(() => this.#flush());
  }

  async #flush(): Promise<void> {
    while (this.#due && this.#pending.length > 0) {
      this.#due = false;
      // Everything pending goes now, the results waiting for company too.
      clearTimeout(this.#resultTimer);
      this.#resultTimer = undefined;
      const text = this.#pending.join('');
      const waiters = this.#waiters;
      this.#pending = [];
      this.#waiters = [];
      try {
        if (this.#failure !== undefined) throw this.#failure;
        await this.#handle.write(text);
        // Appending changes the size, which datasync (and O_DSYNC) writes too: the lines can be read back after a
        // crash.
        if (SYNCED_APPEND === undefined) await this.#handle.datasync();
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        this.#failure ??= error;
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    // In the same tick as the last look at #pending: an intent (or the results' timer) from now on starts the next
    // write.
    this.#writing = false;
  }
}
