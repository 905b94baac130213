import type { Catalog, CatalogChoice } from '../catalog';
import { indexCatalog } from './catalog-index';
import { checkLines } from './check-lines';
import { readHeader, type ColumnMap } from './columns';
import { toImportLines, type ImportLine } from './import-lines';
import type { CatalogInfo, ImportPlan, PlanChange, PlannedRow } from './plan';
import { comparePlans } from './plan-changes';
import { planLines, type PlanOptions } from './planner';
import type { SourceTable } from './source-table';
import { isKeysSheetHeader } from '../keys/import/keys-sheet';

/** A file read and its header understood: what can be known without the CloudPBX. */
export interface PreparedImport {
  plan: ImportPlan;
  lines: ImportLine[];
  columns: ColumnMap;
  /** False when the file itself is unusable (no header, missing columns): no line is checked then. */
  readable: boolean;
}

/** Reads the header and assigns cells to fields; needs no catalogue, so a broken file fails fast and offline. */
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
  const unreadable = (): PreparedImport => ({ plan, lines: [], columns: {}, readable: false });
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
  return {
    plan,
    lines: toImportLines(table.rows, header.columns, header.width),
    columns: header.columns,
    readable: true,
  };
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
    for (const row of slice) rows.push(row);
  });
  return { ...plan, rows };
}

/**
 * `planPrepared` handing the rows to `onRows` a slice at a time, in order, as soon as each is planned; the plan
 * answered holds none of them. The import worker sends each slice on while it plans the next, so the calling
 * thread reads the plan on the other core meanwhile, and no planned row outlives its slice in the worker.
 */
export function planPreparedInSlices(
  prepared: PreparedImport,
  choice: CatalogChoice,
  options: PlanOptions,
  onRows: (rows: readonly PlannedRow[]) => void,
): ImportPlan {
  if (!prepared.readable) return prepared.plan;
  const plan: ImportPlan = { ...prepared.plan, catalog: catalogInfo(choice) };
  const { previous } = choice;
  // Both plans take the lines in the file's order: slice by slice, the same lines.
  const before = previous === undefined ? undefined : [...planSlices(prepared, previous, options)].flat();
  const changes: PlanChange[] = [];
  let start = 0;
  for (const slice of planSlices(prepared, choice.catalog, options)) {
    if (before !== undefined) changes.push(...comparePlans(before.slice(start, start + slice.length), slice));
    start += slice.length;
    onRows(slice);
  }
  if (previous !== undefined) plan.changes = { previousFetchedAt: previous.fetchedAt, rows: changes };
  return plan;
}

const ROWS_PER_SLICE = 10_000;

/** The lines are checked together (a device given twice is a problem of both lines), then planned by slices. */
function* planSlices(
  prepared: PreparedImport,
  catalog: Catalog,
  options: PlanOptions,
): Generator<PlannedRow[]> {
  const index = indexCatalog(catalog);
  const checked = checkLines(prepared.lines, prepared.columns, index);
  for (let start = 0; start < checked.length; start += ROWS_PER_SLICE) {
    yield planLines(checked.slice(start, start + ROWS_PER_SLICE), prepared.columns, index, options);
  }
}

function catalogInfo({ catalog, source }: CatalogChoice): CatalogInfo {
  const info: CatalogInfo = { fetchedAt: catalog.fetchedAt, source };
  if (catalog.systemName !== undefined) info.systemName = catalog.systemName;
  return info;
}
