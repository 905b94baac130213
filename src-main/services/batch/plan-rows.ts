import type { Catalog, CatalogDevice } from '../catalog';
import { indexCatalog, type CatalogIndex } from './catalog-index';
import { checkLines } from './check-lines';
import type { ColumnMap } from './columns';
import { FirstPositions } from './first-positions';
import { identifierValues, importColumns, toImportLines, type ImportColumns } from './import-lines';
import type { PlannedRow } from './plan';
import { plainLineContext, writePlainLine } from './plain-line';
import { planLines, type PlanOptions } from './planner';
import { readUsualMacHalves, type MacHalves } from '../../shared/identifiers';
import { acceptedIdentity, UsualMacIdentity, type DeviceIdentity } from './rules/identifier-rule';
import { cellText, type CellRange, type SourceRow } from './source-table';
import { RowSliceWriter, type RowSlice } from './worker/plan-rows-wire';

/** The lines of a file whose header was understood. */
export interface FileLines {
  rows: readonly SourceRow[];
  columns: ColumnMap;
  width: number;
}

/**
 * Each line's device as its identifier gives it (undefined: a problem), and the lines naming the same one. A
 * MAC written the usual way (nearly every line) is read where it stands in the file's text and kept as two
 * numbers, which a plain line's row carries as they are (`UsualMacIdentity`): no cell, MAC string or object
 * is made for it. Made for each of 100,000 lines and kept until the last was planned, they were a fifth of the
 * first pass, and the worker finished planning 15-30 ms later (measured).
 */
export class LineIdentities {
  /** The positions, in order, of every line whose device another line names too. */
  readonly repeated: number[] = [];
  /** The first line naming each device. */
  readonly firstPositions: FirstPositions;
  /** By position: none (0, a problem), USUAL_MAC (its halves in `#high` and `#low`) or OTHER (in `#others`). */
  readonly #kinds: Uint8Array<ArrayBuffer>;
  readonly #high: Int32Array<ArrayBuffer>;
  readonly #low: Int32Array<ArrayBuffer>;
  readonly #others = new Map<number, DeviceIdentity>();

  constructor(lines: number) {
    this.firstPositions = new FirstPositions(lines);
    this.#kinds = new Uint8Array(lines);
    this.#high = new Int32Array(lines);
    this.#low = new Int32Array(lines);
  }

  at(position: number): DeviceIdentity | undefined {
    const kind = this.#kinds[position];
    if (kind === USUAL_MAC) {
      return new UsualMacIdentity(this.#high[position] as number, this.#low[position] as number);
    }
    return kind === OTHER ? this.#others.get(position) : undefined;
  }

  /** Keeps the line's MAC; answers the first position naming it. */
  addMac(position: number, halves: MacHalves): number {
    this.#kinds[position] = USUAL_MAC;
    this.#high[position] = halves.high;
    this.#low[position] = halves.low;
    return this.firstPositions.claimMac(halves, position);
  }

  /** Keeps the line's identity; answers the first position naming it. */
  addOther(position: number, identity: DeviceIdentity): number {
    this.#kinds[position] = OTHER;
    this.#others.set(position, identity);
    return this.firstPositions.claim(identity.value, position);
  }
}

const USUAL_MAC = 1;
const OTHER = 2;

const ROWS_PER_SLICE = 10_000;
const SMALL_SLICE_ROWS = 1_000;

/**
 * Where the slice from `start` ends: `SMALL_SLICE_ROWS` rows first, then `ROWS_PER_SLICE`, halving towards the
 * end of the file down to `SMALL_SLICE_ROWS`. The calling thread reads each slice once the worker has sent it.
 * Its code for reading rows is cold on the first slice, and compiled while the worker plans the next: a first
 * slice of 10,000 rows took it 34-49 ms, 1,000 rows 3-6 ms and the next 10,000 20-33 ms (its reading in all:
 * 114-132 ms, then 70-106). What it still has to read when the worker is done is the last slice: a tenth of a
 * 100,000-line file was 10-20 ms of waiting. (Measured.)
 */
function sliceEnd(start: number, lines: number): number {
  const left = lines - start;
  if (start === 0) return Math.min(left, SMALL_SLICE_ROWS);
  return start + Math.min(left, ROWS_PER_SLICE, Math.max(SMALL_SLICE_ROWS, Math.ceil(left / 2)));
}

/** Reads every line's identifier alone: which lines name the same device, before any line is planned. */
export function readLineIdentities({ rows, columns }: FileLines): LineIdentities {
  const at = importColumns(columns);
  const identities = new LineIdentities(rows.length);
  const halves: MacHalves = { high: 0, low: 0 };
  const range: CellRange = { start: 0, end: 0 };
  const repeated = new Uint8Array(rows.length);
  let anyRepeated = false;
  rows.forEach((row, position) => {
    let first = position;
    if (readsUsualMac(row, at, halves, range)) first = identities.addMac(position, halves);
    else {
      const identity = acceptedIdentity(identifierValues(row, at));
      if (identity !== undefined) first = identities.addOther(position, identity);
    }
    if (first === position) return;
    repeated[first] = 1;
    repeated[position] = 1;
    anyRepeated = true;
  });
  if (anyRepeated) repeated.forEach((flag, position) => flag === 1 && identities.repeated.push(position));
  return identities;
}

/**
 * True when the line gives a MAC alone, written the usual way, in cells that need no cleaning (its halves are
 * then in `halves`): `acceptedIdentity` reads that line's MAC the same, but from cells made strings. Any other
 * line is left to it.
 */
function readsUsualMac(row: SourceRow, at: ImportColumns, halves: MacHalves, range: CellRange): boolean {
  if (at.mac < 0) return false;
  if (!isEmptyCell(row, at.ipei, range) || !isEmptyCell(row, at.identifier, range)) return false;
  const text = cellText(row, at.mac, range);
  return text !== undefined && readUsualMacHalves(text, range.start, range.end, halves);
}

/** True when the file has no such column, or the line's cell in it is empty. */
function isEmptyCell(row: SourceRow, index: number, range: CellRange): boolean {
  if (index < 0) return true;
  const text = cellText(row, index, range);
  return text === undefined || range.start === range.end;
}

/**
 * Plans every line of the file against the catalogue, by slices of lines in the file's order. A plain line
 * (plain-line.ts) is written straight as its row; every other line goes through every check and the planner.
 * A device given on several lines is a problem of each of them: those lines are found first (from the
 * identifiers alone) and checked together, so every rule sees every line it needs.
 */
export function* planRowsInSlices(
  file: FileLines,
  identities: LineIdentities,
  catalog: Catalog,
  options: PlanOptions,
): Generator<RowSlice> {
  const { rows, columns, width } = file;
  const index = indexCatalog(catalog);
  const at = importColumns(columns);
  const { repeated, firstPositions } = identities;
  const repeatedRows = new Map<number, PlannedRow>();
  planFully(repeated, file, index, options).forEach((row, nth) => repeatedRows.set(repeated[nth] ?? -1, row));
  const context = plainLineContext(index, options, at, width);
  const devices = devicesByFirstLine(index, firstPositions, rows.length);
  let start = 0;
  while (start < rows.length) {
    const end = sliceEnd(start, rows.length);
    const writer = new RowSliceWriter(end - start);
    const others: number[] = [];
    for (let position = start; position < end; position += 1) {
      const repeatedRow = repeatedRows.get(position);
      const identity = identities.at(position);
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
