import type { MacHalves } from '../../shared/identifiers';

/**
 * The first position at which each device identity was given, for finding the lines of a file that name the
 * same device. An identity's value is hex digits (12 for a MAC, 10 for an IPEI): each is kept as two numbers
 * in an open-addressing table of typed arrays, with no object or string kept per line. A Map of 100,000 values
 * took 20 ms of the identifier pass's 55 (warm); this, 5-8. Any other value is kept in a Map.
 * The same table finds the line that names each of the CloudPBX's devices (`positionOf`): a Map from each line's
 * identity to its device hashed every line's value once more, a call into the engine per new string.
 */
export class FirstPositions {
  readonly #high: Int32Array<ArrayBuffer>;
  readonly #low: Int32Array<ArrayBuffer>;
  /** The position claimed in each slot; -1 for a free slot. */
  readonly #position: Int32Array<ArrayBuffer>;
  readonly #mask: number;
  readonly #others = new Map<string, number>();
  readonly #key = new IdentityKey();
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
    return this.#key.read(value) ? this.#claimKey(position) : this.#claimOther(value, position);
  }

  /** `claim` of a MAC given as its halves (`readUsualMacHalves`), never made a string. */
  claimMac({ high, low }: MacHalves, position: number): number {
    this.#key.high = high;
    this.#key.low = low;
    return this.#claimKey(position);
  }

  /** `claim` of the value the key holds. */
  #claimKey(position: number): number {
    const slot = this.#slotOfKey();
    const claimed = this.#position[slot] as number;
    if (claimed >= 0) return claimed;
    if (this.#held === this.#mask) throw new RangeError('FirstPositions: more values than it was made for');
    this.#held += 1;
    this.#high[slot] = this.#key.high;
    this.#low[slot] = this.#key.low;
    this.#position[slot] = position;
    return position;
  }

  /** The position `value` was first claimed at, or -1 when it never was. */
  positionOf(value: string): number {
    const slot = this.#slotOf(value);
    return slot === OTHER ? (this.#others.get(value) ?? -1) : (this.#position[slot] as number);
  }

  /** The slot holding `value`, or the free slot where it would go; OTHER for a value that is not hex digits. */
  #slotOf(value: string): number {
    return this.#key.read(value) ? this.#slotOfKey() : OTHER;
  }

  /** The slot holding the value the key holds, or the free slot where it would go. */
  #slotOfKey(): number {
    const { high, low } = this.#key;
    const positions = this.#position;
    let slot = mix(high, low) & this.#mask;
    while ((positions[slot] as number) >= 0 && (this.#high[slot] !== high || this.#low[slot] !== low)) {
      slot = (slot + 1) & this.#mask;
    }
    return slot;
  }

  #claimOther(value: string, position: number): number {
    const claimed = this.#others.get(value);
    if (claimed !== undefined) return claimed;
    this.#others.set(value, position);
    return position;
  }
}

const MIN_SIZE = 16;
const OTHER = -1;
const MAC_DIGITS = 12;
const IPEI_DIGITS = 10;
const IPEI_MARK = 1 << 24;

/** An identity's value as two numbers, read again for each value (one object, no allocation per value). */
class IdentityKey {
  high = 0;
  low = 0;

  /** False when `value` is not 12 or 10 lowercase hex digits. */
  read(value: string): boolean {
    const split = value.length === MAC_DIGITS ? 6 : value.length === IPEI_DIGITS ? 4 : -1;
    if (split < 0) return false;
    const high = hexNumber(value, 0, split);
    const low = hexNumber(value, split, value.length);
    if (high < 0 || low < 0) return false;
    // An IPEI's four first digits are marked, so no IPEI is taken for a MAC with the same digits.
    this.high = split === 6 ? high : high | IPEI_MARK;
    this.low = low;
    return true;
  }
}

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
