/**
 * A keys sheet: one programmable key per line (`fieldkit keys import`, the Import screen's "Keys"). Read with
 * the device import's reader and header rules; only its columns differ.
 */
import { normaliseHeading, readColumns, type ColumnRef } from '../../batch/columns';
import { toSheetLines, type ImportLine } from '../../batch/import-lines';
import type { SourceRow, SourceTable } from '../../batch/source-table';
import type { FileProblem } from '../../batch/types';

export const KEY_SHEET_FIELDS = [
  'mac',
  'ipei',
  'module',
  'key',
  'type',
  'label',
  'number',
  'subscriber',
  'group',
] as const;
export type KeySheetField = (typeof KEY_SHEET_FIELDS)[number];

/** Header names each field is recognised by, after `normaliseHeading`; the first is the template's. */
const ALIASES: Readonly<Record<KeySheetField, readonly string[]>> = {
  mac: ['mac', 'macaddress', 'macaddr', 'hardwareaddress'],
  ipei: ['ipei', 'ipui', 'handsetipei', 'dectipei'],
  module: ['module', 'moduleid', 'modulenumber', 'expansionmodule', 'em'],
  key: ['key', 'keynum', 'keynumber', 'keyno', 'programmablekey'],
  type: ['type', 'keytype', 'function'],
  label: ['label', 'displayname', 'keylabel', 'name', 'text'],
  number: ['number', 'externalnumber', 'phonenumber', 'destination'],
  subscriber: ['subscriber', 'shortnumber', 'extension', 'ext', 'internalnumber'],
  group: ['group', 'groupid', 'huntgroup', 'huntgroupid'],
};

const FIELD_BY_HEADING = new Map<string, KeySheetField>(
  KEY_SHEET_FIELDS.flatMap((field) => ALIASES[field].map((alias): [string, KeySheetField] => [alias, field])),
);

export type KeySheetColumns = Partial<Record<KeySheetField, ColumnRef>>;
export type KeySheetLine = ImportLine<KeySheetField>;

/** A header that names a key column: a keys sheet, not a device sheet (whose columns never do). */
export function isKeysSheetHeader(cells: readonly string[]): boolean {
  return cells.some((cell) => FIELD_BY_HEADING.get(normaliseHeading(cell)) === 'key');
}

export interface PreparedKeysSheet {
  lines: KeySheetLine[];
  columns: KeySheetColumns;
  fileErrors: FileProblem[];
  fileWarnings: FileProblem[];
}

/** Reads the header and assigns cells to fields; a sheet missing a column it needs has no lines to check. */
export function prepareKeysSheet(table: SourceTable): PreparedKeysSheet {
  const fileErrors = [...table.errors];
  const unreadable = (problems: FileProblem[], fileWarnings: FileProblem[] = []): PreparedKeysSheet => ({
    lines: [],
    columns: {},
    fileErrors: [...fileErrors, ...problems],
    fileWarnings,
  });
  if (table.header === undefined) {
    return unreadable(
      table.errors.length === 0 ? [{ line: 0, message: 'The file has no lines to import.' }] : [],
    );
  }
  const header = readColumns(table.header, FIELD_BY_HEADING);
  const missing = missingColumns(header.columns, table.header);
  if (header.errors.length > 0 || missing.length > 0) {
    return unreadable([...header.errors, ...missing], header.warnings);
  }
  if (table.rows.length === 0 && table.errors.length === 0) {
    const line = table.header.line;
    return unreadable(
      [{ line, message: 'The file has a header but no key lines under it.' }],
      header.warnings,
    );
  }
  return {
    lines: toSheetLines(table.rows, header.columns, header.width, KEY_SHEET_FIELDS),
    columns: header.columns,
    fileErrors,
    fileWarnings: header.warnings,
  };
}

function missingColumns(columns: KeySheetColumns, header: SourceRow): FileProblem[] {
  const problems: FileProblem[] = [];
  const missing = (message: string) => problems.push({ line: header.line, message });
  if (columns.mac === undefined && columns.ipei === undefined) {
    missing(
      'The header has no "mac" column (deskphones) nor "ipei" column (DECT handsets): add the one you need.',
    );
  }
  if (columns.key === undefined)
    missing('The header has no "key" column: add it, with the key number (from 1).');
  if (columns.type === undefined) {
    missing(
      'The header has no "type" column: add it (speeddial, monitor, forward, headset, huntgroup, audio_hub).',
    );
  }
  return problems;
}
