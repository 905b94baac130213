import type { SimulatorRequestRecord } from './options';

/** Enough for any test; a long demo session forgets its oldest requests instead of growing without bound. */
const MAX_RECORDS = 10_000;

export class RequestLog {
  readonly #records: SimulatorRequestRecord[] = [];
  #steps = 0;

  /** The next step of the counter that orders arrivals and answers (SimulatorRequestRecord.received). */
  step(): number {
    this.#steps += 1;
    return this.#steps;
  }

  add(record: SimulatorRequestRecord): void {
    this.#records.push(record);
    if (this.#records.length > MAX_RECORDS) this.#records.shift();
  }

  snapshot(): ReadonlyArray<SimulatorRequestRecord> {
    return this.#records.map((record) => ({ ...record }));
  }
}
