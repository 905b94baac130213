/**
 * `Date#toISOString` of the times given, the date and the time up to the second worked out once per second: every
 * journal entry carries its time, and an apply writes hundreds of entries a second.
 */
export class IsoStamps {
  #second = Number.NaN;
  /** The stamp of the second held, up to its dot: `2026-12-05T04:36:48.` */
  #prefix = '';

  at(time: number): string {
    // As `Date` does: the fraction of a millisecond is dropped.
    const whole = Math.trunc(time);
    const millisecond = ((whole % 1000) + 1000) % 1000;
    const second = whole - millisecond;
    if (second !== this.#second) {
      this.#prefix = new Date(second).toISOString().slice(0, -4);
      this.#second = second;
    }
    return `${this.#prefix}${String(millisecond).padStart(3, '0')}Z`;
  }
}
