import type { CatalogChoice } from '../catalog';
import { readHeader, type ColumnMap } from './columns';
import type { CatalogInfo, ImportPlan, PlanChange, PlannedRow } from './plan';
import { comparePlans } from './plan-changes';
import type { PlanOptions } from './planner';
import { planRowsInSlices, readLineIdentities, type LineIdentities } from './plan-rows';
import type { SourceRow, SourceTable } from './source-table';
import { isKeysSheetHeader } from '../keys/import/keys-sheet';
import { decodePlannedRows, rowCount, type RowSlice } from './worker/plan-rows-wire';

/** A file read and its header understood: what can be known without the CloudPBX. */
export interface PreparedImport {
  plan: ImportPlan;
  /** The file's device lines, as read. */
  rows: readonly SourceRow[];
  columns: ColumnMap;
  /** The header's width: a line with more non-empty cells than this is ragged. */
  width: number;
  /** False when the file itself is unusable (no header, missing columns): no line is checked then. */
  readable: boolean;
}

/** Reads the header; needs no catalogue, so a broken file fails fast and offline. */
export function prepareImport(fileName: string, systemId: string, table: SourceTable): PreparedImport {
  const plan: ImportPlan = {
    fileName,
    format: table.format,
    systemId,
    fileErrors: [...table.errors],
    fileWarnings: [],
    rows: [],
  };
  if (table.delimiter !== undefined) plan.delimiter = table.delimiter;
  const unreadable = (): PreparedImport => ({ plan, rows: [], columns: {}, width: 0, readable: false });
  if (table.header === undefined) {
    if (table.errors.length === 0)
      plan.fileErrors.push({ line: 0, message: 'The file has no lines to import.' });
    return unreadable();
  }
  const header = readHeader(table.header);
  // No device column is named like a key column: such a header is a keys sheet, whatever else it matches.
  if (isKeysSheetHeader(table.header.cells)) {
    plan.fileErrors.push({
      line: table.header.line,
      code: 'keys-sheet',
      message:
        'This is a keys sheet (it has a "key" column), not a device sheet: import it with `fieldkit keys import`, ' +
        'or choose "Keys" in the Import screen.',
    });
    return unreadable();
  }
  plan.fileErrors.push(...header.errors);
  plan.fileWarnings.push(...header.warnings);
  if (header.errors.length > 0) return unreadable();
  if (table.rows.length === 0 && table.errors.length === 0) {
    plan.fileErrors.push({
      line: table.header.line,
      message: 'The file has a header but no device lines under it.',
    });
    return unreadable();
  }
  return { plan, rows: table.rows, columns: header.columns, width: header.width, readable: true };
}

/**
 * Checks every line against the catalogue and decides its action; when a live catalogue replaced a cached one,
 * also plans against the cached one and records which lines that changed.
 */
export function planPrepared(
  prepared: PreparedImport,
  choice: CatalogChoice,
  options: PlanOptions,
): ImportPlan {
  const rows: PlannedRow[] = [];
  const plan = planPreparedInSlices(prepared, choice, options, (slice) => {
    for (const row of decodePlannedRows(slice)) rows.push(row);
  });
  return { ...plan, rows };
}

/**
 * `planPrepared` handing the rows to `onRows` a slice at a time, in order, as soon as each is planned, as they
 * cross from the import worker (plan-rows-wire.ts); the plan answered holds none of them. The import worker
 * sends each slice on while it plans the next, so the calling thread reads the plan on the other core
 * meanwhile, and no planned row outlives its slice in the worker.
 */
export function planPreparedInSlices(
  prepared: PreparedImport,
  choice: CatalogChoice,
  options: PlanOptions,
  onRows: (rows: RowSlice) => void,
  identities: LineIdentities = readLineIdentities(prepared),
): ImportPlan {
  if (!prepared.readable) return prepared.plan;
  const plan: ImportPlan = { ...prepared.plan, catalog: catalogInfo(choice) };
  const { previous } = choice;
  // Both plans take the lines in the file's order: slice by slice, the same lines.
  const before =
    previous === undefined
      ? undefined
      : [...planRowsInSlices(prepared, identities, previous, options)].flatMap(decodePlannedRows);
  const changes: PlanChange[] = [];
  let start = 0;
  for (const slice of planRowsInSlices(prepared, identities, choice.catalog, options)) {
    const rows = rowCount(slice);
    if (before !== undefined) {
      changes.push(...comparePlans(before.slice(start, start + rows), decodePlannedRows(slice)));
    }
    start += rows;
    onRows(slice);
  }
  if (previous !== undefined) plan.changes = { previousFetchedAt: previous.fetchedAt, rows: changes };
  return plan;
}

function catalogInfo({ catalog, source }: CatalogChoice): CatalogInfo {
  const info: CatalogInfo = { fetchedAt: catalog.fetchedAt, source };
  if (catalog.systemName !== undefined) info.systemName = catalog.systemName;
  return info;
}
