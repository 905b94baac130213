import { createServer } from 'node:net';
import type { Logger } from '../../../src-main/services/log/logger';

/** A logger that keeps every raw message (nothing redacted), and can wait for one to appear. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  readonly #waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];

  debug(message: string): void {
    this.#add(`DEBUG ${message}`);
  }
  info(message: string): void {
    this.#add(`INFO ${message}`);
  }
  warn(message: string): void {
    this.#add(`WARN ${message}`);
  }
  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `: ${error.stack ?? error.message}` : '';
    this.#add(`ERROR ${message}${detail}`);
  }
  child(): Logger {
    return this;
  }

  /** Resolves with the first line (already logged or to come) matching `pattern`. */
  waitFor(pattern: RegExp): Promise<string> {
    const seen = this.lines.find((line) => pattern.test(line));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.push({ pattern, resolve }));
  }

  #add(line: string): void {
    this.lines.push(line);
    for (const waiter of [...this.#waiters]) {
      if (waiter.pattern.test(line)) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  }
}

/** A loopback port nothing listens on: taken from the OS, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Draws for the simulator's fault picker: the given ones in order, then 0.999 (no fault) forever. */
export function draws(...values: number[]): () => number {
  const queue = [...values];
  return () => queue.shift() ?? 0.999;
}

/** Fast retries, so a test exercising them takes milliseconds. */
export const QUICK_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };
