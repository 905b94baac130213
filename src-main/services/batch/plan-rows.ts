import type { Catalog, CatalogDevice } from '../catalog';
import { indexCatalog, type CatalogIndex } from './catalog-index';
import { checkLines } from './check-lines';
import type { ColumnMap } from './columns';
import { FirstPositions } from './first-positions';
import { identifierValues, importColumns, toImportLines } from './import-lines';
import type { PlannedRow } from './plan';
import { plainLineContext, writePlainLine } from './plain-line';
import { planLines, type PlanOptions } from './planner';
import { acceptedIdentity, type DeviceIdentity } from './rules/identifier-rule';
import type { SourceRow } from './source-table';
import { RowSliceWriter, type RowSlice } from './worker/plan-rows-wire';

/** The lines of a file whose header was understood. */
export interface FileLines {
  rows: readonly SourceRow[];
  columns: ColumnMap;
  width: number;
}

/** Each line's device as its identifier gives it (undefined: a problem), and the lines naming the same one. */
export interface LineIdentities {
  identities: readonly (DeviceIdentity | undefined)[];
  /** The positions, in order, of every line whose device another line names too. */
  repeated: readonly number[];
  /** The first line naming each device. */
  firstPositions: FirstPositions;
}

const ROWS_PER_SLICE = 10_000;
const LAST_SLICE_ROWS = 1_000;

/**
 * Where the slice from `start` ends: `ROWS_PER_SLICE` rows, then halving towards the end of the file, down to
 * `LAST_SLICE_ROWS`. The calling thread reads each slice once the worker has sent it, so what it still has to
 * read when the worker is done is the last slice: a tenth of a 100,000-line file, 10-20 ms, measured.
 */
function sliceEnd(start: number, lines: number): number {
  const left = lines - start;
  return start + Math.min(left, ROWS_PER_SLICE, Math.max(LAST_SLICE_ROWS, Math.ceil(left / 2)));
}

/** Reads every line's identifier alone: which lines name the same device, before any line is planned. */
export function readLineIdentities({ rows, columns }: FileLines): LineIdentities {
  const at = importColumns(columns);
  const identities = rows.map((row) => acceptedIdentity(identifierValues(row, at)));
  const firstPositions = new FirstPositions(identities.length);
  return { identities, repeated: positionsOfRepeats(identities, firstPositions), firstPositions };
}

/**
 * Plans every line of the file against the catalogue, by slices of lines in the file's order. A plain line
 * (plain-line.ts) is written straight as its row; every other line goes through every check and the planner.
 * A device given on several lines is a problem of each of them: those lines are found first (from the
 * identifiers alone) and checked together, so every rule sees every line it needs.
 */
export function* planRowsInSlices(
  file: FileLines,
  { identities, repeated, firstPositions }: LineIdentities,
  catalog: Catalog,
  options: PlanOptions,
): Generator<RowSlice> {
  const { rows, columns, width } = file;
  const index = indexCatalog(catalog);
  const at = importColumns(columns);
  const repeatedRows = new Map<number, PlannedRow>();
  planFully(repeated, file, index, options).forEach((row, nth) => repeatedRows.set(repeated[nth] ?? -1, row));
  const context = plainLineContext(index, options, at, width);
  const devices = devicesByFirstLine(index, firstPositions, rows.length);
  for (let start = 0; start < rows.length; ) {
    const end = sliceEnd(start, rows.length);
    const writer = new RowSliceWriter(end - start);
    const others: number[] = [];
    for (let position = start; position < end; position += 1) {
      const repeatedRow = repeatedRows.get(position);
      const identity = identities[position];
      const row = rows[position];
      if (repeatedRow !== undefined) writer.addRow(position - start, repeatedRow);
      else if (
        identity === undefined ||
        row === undefined ||
        !writePlainLine(row, identity, devices[position], context, writer, position - start)
      ) {
        others.push(position);
      }
    }
    planFully(others, file, index, options).forEach((row, nth) => {
      writer.addRow((others[nth] ?? 0) - start, row);
    });
    yield writer.slice();
    start = end;
  }
}

/**
 * The lines at `positions` (in the file's order) checked and planned by every rule: what any line's row is
 * (a line is checked against the others given, which must include every line naming the same device).
 */
export function planFully(
  positions: readonly number[],
  { rows, columns, width }: FileLines,
  index: CatalogIndex,
  options: PlanOptions,
): PlannedRow[] {
  if (positions.length === 0) return [];
  const lines = toImportLines(
    positions.map((position) => rows[position] as SourceRow),
    columns,
    width,
  );
  return planLines(checkLines(lines, columns, index), columns, index, options);
}

/**
 * The CloudPBX's device (if any) that each line names, at the position of the first line naming it: a line named
 * by no other line finds its device there.
 */
function devicesByFirstLine(
  index: CatalogIndex,
  firstPositions: FirstPositions,
  lines: number,
): (CatalogDevice | undefined)[] {
  const devices = new Array<CatalogDevice | undefined>(lines).fill(undefined);
  for (const [identifier, device] of index.devicesByIdentifier) {
    const position = firstPositions.positionOf(identifier);
    if (position >= 0) devices[position] = device;
  }
  return devices;
}

/** The positions, in order, of every identity found on more than one line, claimed in `firsts`. */
function positionsOfRepeats(
  identities: readonly (DeviceIdentity | undefined)[],
  firsts: FirstPositions,
): number[] {
  const repeated = new Uint8Array(identities.length);
  let any = false;
  identities.forEach((identity, position) => {
    if (identity === undefined) return;
    const first = firsts.claim(identity.value, position);
    if (first === position) return;
    repeated[first] = 1;
    repeated[position] = 1;
    any = true;
  });
  const positions: number[] = [];
  if (any) repeated.forEach((flag, position) => flag === 1 && positions.push(position));
  return positions;
}
