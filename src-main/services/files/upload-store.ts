import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FieldkitError } from '../errors';
import { isRunning } from '../process/is-running';
import { readInputFile } from './read-input-file';

export interface UploadStoreOptions {
  /**
   * Where stores stage files; each store (each running core: the app, a CLI beside it) keeps a subfolder of its
   * own, removed when it closes or, after a crash, by the next store once the process that owned it has ended.
   */
  folder: string;
  maxBytes: number;
  /** A file not used for this long is removed. */
  ttlMs: number;
  /** Files kept at most; the least recently used goes first. */
  maxFiles: number;
  now: () => number;
}

/**
 * Files the renderer hands to the core (an import file picked in the window), staged on disk under a random
 * id so that calls carry the id, not the bytes. Size-capped while they stream in: a body past the limit is
 * refused and removed as soon as it passes it, never buffered. Readable again until they expire.
 */
export class UploadStore {
  readonly #options: UploadStoreOptions;
  /** Staged ids and when each was last used. */
  readonly #staged = new Map<string, number>();
  /** `<pid>.<random>`: the pid tells a later store whether the owner still runs. */
  readonly #folder: string;
  #ready: Promise<void> | undefined;

  constructor(options: UploadStoreOptions) {
    this.#options = options;
    this.#folder = join(options.folder, `${process.pid}.${randomUUID()}`);
  }

  /** Stages a body; answers its id. Throws `invalid-input` past `maxBytes`, with nothing left behind. */
  async receive(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<string> {
    await this.#prepare();
    await this.#expire();
    const fileId = randomUUID();
    const path = this.#path(fileId);
    const handle = await open(path, 'wx', 0o600);
    let size = 0;
    try {
      for await (const chunk of body) {
        size += chunk.length;
        if (size > this.#options.maxBytes) throw tooLarge(this.#options.maxBytes);
        await handle.write(chunk);
      }
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(path, { force: true });
      throw error;
    }
    this.#staged.set(fileId, this.#options.now());
    return fileId;
  }

  /** The staged file's bytes; `not-found` once it has expired (or never was). */
  async read(fileId: string): Promise<Uint8Array> {
    if (!this.#staged.has(fileId)) {
      throw new FieldkitError({
        code: 'not-found',
        message: 'The file picked is no longer kept (it was picked too long ago): pick it again.',
      });
    }
    this.#staged.set(fileId, this.#options.now());
    return readInputFile(this.#path(fileId), this.#options.maxBytes);
  }

  async close(): Promise<void> {
    this.#staged.clear();
    await rm(this.#folder, { recursive: true, force: true });
  }

  #path(fileId: string): string {
    return join(this.#folder, `${fileId}.upload`);
  }

  /** Starts empty, and removes what stores of ended processes left behind; a running store's files are its own. */
  #prepare(): Promise<void> {
    this.#ready ??= (async () => {
      await mkdir(this.#folder, { recursive: true, mode: 0o700 });
      for (const name of await readdir(this.#options.folder)) {
        const owner = /^(\d+)\./.exec(name)?.[1];
        if (owner !== undefined && isRunning(Number(owner))) continue;
        await rm(join(this.#options.folder, name), { recursive: true, force: true });
      }
    })();
    return this.#ready;
  }

  async #expire(): Promise<void> {
    const oldestKept = this.#options.now() - this.#options.ttlMs;
    const byAge = [...this.#staged].sort((a, b) => a[1] - b[1]);
    const excess = byAge.length + 1 - this.#options.maxFiles;
    for (const [index, [fileId, usedAt]] of byAge.entries()) {
      if (usedAt >= oldestKept && index >= excess) continue;
      this.#staged.delete(fileId);
      await rm(this.#path(fileId), { force: true });
    }
  }
}

function tooLarge(maxBytes: number): FieldkitError {
  return new FieldkitError({
    code: 'invalid-input',
    message: `The file is larger than ${maxBytes / 1024 / 1024} MB, the most Fieldkit reads; split it.`,
  });
}
