import { createHash } from 'node:crypto';
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
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

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * An append-only, synced journal of an import's steps. An intent (or a run's start and end) resolves once its
 * line is on disk: only then may its request leave. A result is not awaited: its write starts at once (or joins
 * the one under way), before any later intent, so a crash can lose nothing but results whose steps a resumed run
 * looks up.
 * Lines appended while a write is under way go to disk together in the next one (one sync for all of them), so
 * lines never interleave and many workers do not queue behind a sync each.
 */
export class ImportJournal {
  readonly path: string;
  readonly #handle: FileHandle;
  readonly #state: JournalState;
  readonly #now: () => number;
  #pending: string[] = [];
  #waiters: Waiter[] = [];
  #writing = false;
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
    const text = await readExisting(path);
    const handle = await open(path, 'a', 0o600);
    // A crash mid-write leaves a torn last line: end it, so the next entry starts a line of its own.
    if (text !== undefined && text !== '' && !text.endsWith('\n')) {
      await handle.write('\n');
      await handle.sync();
    }
    return new ImportJournal(path, handle, replay(parseEntries(text ?? '')), now);
  }

  static async exists(path: string): Promise<boolean> {
    return (await readExisting(path)) !== undefined;
  }

  /** Every entry of the journal at `path`, torn lines left out; none when there is no journal. */
  static async read(path: string): Promise<JournalEntry[]> {
    return parseEntries((await readExisting(path)) ?? '');
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
   * Queues a step's result and starts writing it unless a write is under way, in which case it goes with the next
   * one (group commit): not awaited, it is on disk before any later intent and when the journal is closed. A result
   * lost to a crash is safe: its step's intent is on disk without it, so a resumed run looks the step up first.
   */
  recordResult(fields: Omit<Extract<JournalEntry, { type: 'result' }>, 'type' | 'at'>): void {
    this.#queue({ type: 'result', at: this.#stamp(), ...fields });
  }

  recordEnd(state: JournalEndState): Promise<void> {
    return this.#durable({ type: 'end', at: this.#stamp(), state });
  }

  /** Resolves once every line queued so far is on disk (results included); rejects when a write failed. */
  async flush(): Promise<void> {
    if (this.#pending.length > 0 && !this.#writing) this.#startFlush();
    while (this.#writing) await this.#drained;
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** Writes what is queued and closes; rejects when a write failed. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.#handle.close();
    }
  }

  #stamp(): string {
    return new Date(this.#now()).toISOString();
  }

  #durable(...entries: JournalEntry[]): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const written = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    for (const entry of entries) this.#queue(entry);
    return written;
  }

  /** Applies and queues an entry, and starts writing what is queued unless a write is under way. */
  #queue(entry: JournalEntry): void {
    applyEntry(this.#state, entry);
    this.#pending.push(`${JSON.stringify(entry)}\n`);
    if (!this.#writing) this.#startFlush();
  }

  #startFlush(): void {
    this.#writing = true;
    this.#drained = this.#flush();
  }

  async #flush(): Promise<void> {
    while (this.#pending.length > 0) {
      const text = this.#pending.join('');
      const waiters = this.#waiters;
      this.#pending = [];
      this.#waiters = [];
      try {
        if (this.#failure !== undefined) throw this.#failure;
        await this.#handle.write(text);
        // Appending changes the size, which datasync writes too: the lines can be read back after a crash.
        await this.#handle.datasync();
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        this.#failure ??= error;
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    // In the same tick as the last look at #pending: an append from now on starts the next flush.
    this.#writing = false;
  }
}

async function readExisting(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
