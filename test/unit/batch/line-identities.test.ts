import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../../src-main/services/batch/columns';
import { parseCsvLines } from '../../../src-main/services/batch/csv-parser';
import { identifierValues, importColumns } from '../../../src-main/services/batch/import-lines';
import { readLineIdentities } from '../../../src-main/services/batch/plan-rows';
import { acceptedIdentity } from '../../../src-main/services/batch/rules/identifier-rule';

/** Identifier cells as files write them: usual MACs (some twice), other notations, IPEIs, spaces, nothing. */
const cell = fc.constantFrom(
  '48:7A:55:0A:1B:01',
  '48-7a-55-0a-1b-01',
  '48:7a:55:0a:1b:02',
  ' 48:7A:55:0A:1B:03',
  '48:7A:55:0A:1B:03 ',
  '487a550a1b04',
  '487a.550a.1b05',
  '49:7A:55:0A:1B:06',
  '48:7A:55:0A:1B',
  '03807E7898',
  '03807e7898',
  ' ',
  '',
  '',
);
const file = fc
  .record({
    headings: fc.shuffledSubarray(['mac', 'ipei', 'identifier', 'model'], { minLength: 1 }),
    lines: fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { maxLength: 30 }),
  })
  .map(({ headings, lines }) => ({
    headings,
    text: [headings.join(';'), ...lines.map((cells) => cells.join(';'))].join('\n'),
  }));

describe("a file's line identities", () => {
  it('are what each line says, read from the file where it can, and name the lines given the same device', () => {
    fc.assert(
      fc.property(file, ({ text }) => {
        const [header, ...rows] = parseCsvLines(text, ';').rows;
        if (header === undefined) return;
        const { columns, width } = readHeader(header);
        const identities = readLineIdentities({ rows, columns, width });
        const at = importColumns(columns);
        const expected = rows.map((row) => acceptedIdentity(identifierValues(row, at)));
        rows.forEach((_, position) => {
          const identity = identities.at(position);
          const wanted = expected[position];
          expect(identity === undefined ? undefined : { kind: identity.kind, value: identity.value }).toEqual(
            wanted,
          );
        });
        const counts = new Map<string, number>();
        for (const identity of expected) {
          if (identity !== undefined) counts.set(identity.value, (counts.get(identity.value) ?? 0) + 1);
        }
        const repeated = expected.flatMap((identity, position) =>
          identity !== undefined && (counts.get(identity.value) ?? 0) > 1 ? [position] : [],
        );
        expect(identities.repeated).toEqual(repeated);
      }),
      { numRuns: 1000 },
    );
  });
});
