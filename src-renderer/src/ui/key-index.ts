/**
 * The search keys of a list, laid end to end in one string, each ended by a line break. A search then reads one
 * block of memory in order: searching each row's own key loaded a row object and a string scattered over the
 * heap per row, and for 10,000 devices those loads were most of a keystroke's search.
 */
export class KeyIndex {
  readonly #text: string;
  /** Key `at` is `#text` from `#starts[at]` up to `#starts[at + 1] - 1` (its line break is left out). */
  readonly #starts: Int32Array;

  constructor(keys: readonly string[]) {
    this.#text = keys.length === 0 ? '' : `${keys.join('\n')}\n`;
    this.#starts = new Int32Array(keys.length + 1);
    let start = 0;
    keys.forEach((key, at) => {
      start += key.length + 1;
      this.#starts[at + 1] = start;
    });
  }

  /**
   * The positions of `among` (in ascending order) whose key holds `text`, or holds `alternative` when one is
   * given. At most one `indexOf` per position, and the text is read about once whatever the number of positions.
   */
  holding(among: Int32Array, text: string, alternative?: string): Int32Array {
    const found = new Int32Array(among.length);
    const first = this.#finder(text);
    const second = alternative === undefined ? undefined : this.#finder(alternative);
    let count = 0;
    for (const at of among) {
      const start = this.#starts[at] ?? 0;
      const end = (this.#starts[at + 1] ?? 0) - 1;
      if (first(start, end) || (second !== undefined && second(start, end))) {
        found[count] = at;
        count += 1;
      }
    }
    return found.slice(0, count);
  }

  /**
   * Whether the key from `start` to `end` holds `text`, for keys asked in ascending order: the next occurrence in
   * the whole text is remembered, so every key before it is answered without searching.
   */
  #finder(text: string): (start: number, end: number) => boolean {
    const all = this.#text;
    const none = all.length;
    let next = -1;
    const from = (position: number): number => {
      const found = all.indexOf(text, position);
      return found < 0 ? none : found;
    };
    return (start, end) => {
      if (next < start) next = from(start);
      // The first occurrence from the key's start: if it runs past the key's end (a text holding a line break),
      // so would any later one.
      return next + text.length <= end;
    };
  }
}

/** The positions `0` to `count - 1`, in order: a search over every key. */
export function allPositions(count: number): Int32Array {
  const positions = new Int32Array(count);
  for (let at = 0; at < count; at += 1) positions[at] = at;
  return positions;
}

/** The items of `list` at `positions`, in their order: a search's answer. */
export function itemsAt<Item>(list: readonly Item[], positions: Int32Array): Item[] {
  return Array.from(positions, (at) => list[at] as Item);
}

const indexes = new WeakMap<readonly unknown[], KeyIndex>();

/**
 * The index of a list's keys, built on the first search of that list and kept while the list lives. One index per
 * list: a list is always searched by the same key.
 */
export function keyIndexOf<Item>(list: readonly Item[], keyOf: (item: Item) => string): KeyIndex {
  let index = indexes.get(list);
  if (!index) {
    index = new KeyIndex(list.map(keyOf));
    indexes.set(list, index);
  }
  return index;
}
