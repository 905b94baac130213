import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPositions, KeyIndex, keyIndexOf } from '@renderer/ui/key-index';

/** Few characters, line breaks among them, so texts often match, often span two keys and often stop matching. */
const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 6 });

const holding = (keys: string[], among: number[], wanted: string, alternative?: string) =>
  Array.from(new KeyIndex(keys).holding(Int32Array.from(among), wanted, alternative));

describe('KeyIndex', () => {
  it('answers the positions whose own key holds the text or the alternative, as `includes` on each key would', () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 12 }),
        fc.array(fc.boolean(), { maxLength: 12 }),
        text,
        fc.option(text, { nil: undefined }),
        (keys, picked, wanted, alternative) => {
          const among = keys.map((_, at) => at).filter((at) => picked[at] ?? true);
          expect(holding(keys, among, wanted, alternative)).toEqual(
            among.filter(
              (at) =>
                keys[at]?.includes(wanted) || (alternative !== undefined && keys[at]?.includes(alternative)),
            ),
          );
        },
      ),
    );
  });

  it('never matches a text across the end of one key and the start of the next', () => {
    expect(holding(['ab', 'cd'], [0, 1], 'b\nc')).toEqual([]);
    expect(holding(['ab', 'b\nc'], [0, 1], 'b\nc')).toEqual([1]);
    expect(holding(['xb', 'c b\nc'], [0, 1], 'b\nc')).toEqual([1]);
  });

  it('is built once per list, and anew for another list', () => {
    const names = ['ab', 'cd'];
    const index = keyIndexOf(names, (name) => name);
    expect(keyIndexOf(names, (name) => name)).toBe(index);
    expect(keyIndexOf([...names], (name) => name)).not.toBe(index);
    expect(Array.from(index.holding(allPositions(2), 'd'))).toEqual([1]);
  });
});
