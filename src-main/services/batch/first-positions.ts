/**
 * The first position at which each device identity was given, for finding the lines of a file that name the
 * same device. An identity's value is hex digits (12 for a MAC, 10 for an IPEI): each is kept as two numbers
 * in an open-addressing table of typed arrays, with no object or string kept per line. A Map of 100,000 values
 * took 20 ms of the identifier pass's 55 (warm); this, 5-8. Any other value is kept in a Map.
 */
export class FirstPositions {
  readonly #high: Int32Array<ArrayBuffer>;
  readonly #low: Int32Array<ArrayBuffer>;
  /** The position claimed in each slot; -1 for a free slot. */
  readonly #position: Int32Array<ArrayBuffer>;
  readonly #mask: number;
  readonly #others = new Map<string, number>();
  /** Values the table holds; one slot always stays free, or looking for a value would never end. */
  #held = 0;

  /** `count`: how many values will be claimed at most (the table stays at most half full). */
  constructor(count: number) {
    let size = MIN_SIZE;
    while (size < count * 2) size *= 2;
    this.#high = new Int32Array(size);
    this.#low = new Int32Array(size);
    this.#position = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
  }

  /** The position `value` was first claimed at: `position` itself when this is the first time. */
  claim(value: string, position: number): number {
    const split = value.length === MAC_DIGITS ? 6 : value.length === IPEI_DIGITS ? 4 : -1;
    const high = split < 0 ? -1 : hexNumber(value, 0, split);
    const low = split < 0 ? -1 : hexNumber(value, split, value.length);
    if (high < 0 || low < 0) return this.#claimOther(value, position);
    // An IPEI's four first digits are marked, so no IPEI is taken for a MAC with the same digits.
    const key = split === 6 ? high : high | IPEI_MARK;
    const positions = this.#position;
    let slot = mix(key, low) & this.#mask;
    for (;;) {
      const claimed = positions[slot] as number;
      if (claimed < 0) {
        if (this.#held === this.#mask)
          throw new RangeError('FirstPositions: more values than it was made for');
        this.#held += 1;
        this.#high[slot] = key;
        this.#low[slot] = low;
        positions[slot] = position;
        return position;
      }
      if (this.#high[slot] === key && this.#low[slot] === low) return claimed;
      slot = (slot + 1) & this.#mask;
    }
  }

  #claimOther(value: string, position: number): number {
    const claimed = this.#others.get(value);
    if (claimed !== undefined) return claimed;
    this.#others.set(value, position);
    return position;
  }
}

const MIN_SIZE = 16;
const MAC_DIGITS = 12;
const IPEI_DIGITS = 10;
const IPEI_MARK = 1 << 24;

/** The digits from `from` to `to` as a number (at most 6: 24 bits), or -1 when one is not lowercase hex. */
function hexNumber(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    const digit =
      code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x61 && code <= 0x66 ? code - 0x57 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** A slot for a key: the two halves multiplied by odd constants and mixed, so consecutive MACs spread out. */
function mix(high: number, low: number): number {
  const hash = Math.imul(high ^ Math.imul(low, 0x85ebca6b), 0x9e3779b1);
  return hash ^ (hash >>> 15);
}
