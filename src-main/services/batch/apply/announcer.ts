import type { PlannedRow } from '../plan';
import type { JournalStep } from './journal';
import { announce, recordNotSent, type RowContext } from './journalled';

/**
 * Writes the intents of the lines a little ahead of the workers (up to `ahead` lines from the one starting), so
 * that a line's wait for the disk overlaps the requests of the lines before it instead of adding to them. They are
 * written in batches, half of `ahead` lines at a time once fewer than that are announced ahead: one synced write
 * for all of them rather than one per line. After a crash, at most those few lines more are looked up before being
 * sent; lines announced but never started are settled as not sent.
 */
export class Announcer {
  readonly #work: readonly PlannedRow[];
  readonly #context: RowContext;
  readonly #ahead: number;
  readonly #stepsOf: (row: PlannedRow) => JournalStep[];
  readonly #announced = new Map<number, Promise<ReadonlySet<JournalStep>>>();
  /** The lines of the work before this index are announced (lines start in the work's order). */
  #announcedUpTo = 0;

  constructor(
    work: readonly PlannedRow[],
    context: RowContext,
    ahead: number,
    stepsOf: (row: PlannedRow) => JournalStep[],
  ) {
    this.#work = work;
    this.#context = context;
    this.#ahead = Math.max(1, ahead);
    this.#stepsOf = stepsOf;
  }

  /** The line at `index` of the work starts: resolves once its intents are on disk, with its uncertain steps. */
  starting(index: number): Promise<ReadonlySet<JournalStep>> {
    if (this.#announcedUpTo - index < Math.ceil(this.#ahead / 2)) {
      const last = Math.min(this.#work.length, index + this.#ahead);
      for (let ahead = Math.max(index, this.#announcedUpTo); ahead < last; ahead += 1) {
        const row = this.#work[ahead];
        if (row === undefined) continue;
        const written = announce(row, this.#context, this.#stepsOf(row));
        // A line that never starts never awaits its announcement: its failure is the next intent's to report.
        written.catch(() => undefined);
        this.#announced.set(ahead, written);
      }
      this.#announcedUpTo = Math.max(this.#announcedUpTo, last);
    }
    const own = this.#announced.get(index);
    this.#announced.delete(index);
    return own ?? Promise.reject(new RangeError(`line ${index} of the work is past its end`));
  }

  /** The lines announced that never started (cancelled, stopped): their intents are settled as not sent. */
  settleUnstarted(): void {
    for (const index of this.#announced.keys()) {
      const row = this.#work[index];
      if (row === undefined) continue;
      for (const step of this.#stepsOf(row)) recordNotSent(row, this.#context, step);
    }
    this.#announced.clear();
  }
}
