import { attribute } from './xml-scanner';
import { scanPart } from './scan-part';
import { ZipError, type ZipEntry } from './zip-archive';

/** The parts of a workbook the import reads. */
export interface WorkbookParts {
  firstSheet: ZipEntry;
  sharedStrings?: ZipEntry;
}

/** Workbook and relationship parts list sheets and links: a megabyte is far more than they ever take. */
const MAX_INDEX_BYTES = 1024 * 1024;
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** Finds the first sheet (in the workbook's tab order) and the shared texts through the workbook's links. */
export async function locateParts(bytes: Uint8Array, entries: Map<string, ZipEntry>): Promise<WorkbookParts> {
  const workbook = entries.get(WORKBOOK);
  const rels = entries.get(WORKBOOK_RELS);
  if (workbook === undefined || rels === undefined) throw new ZipError('it has no workbook part');
  let firstSheetId: string | undefined;
  await scanPart(bytes, workbook, MAX_INDEX_BYTES, {
    open: (name, attributes) => {
      if (name === 'sheet') firstSheetId ??= attribute(attributes, 'id');
    },
    close: () => undefined,
    text: () => undefined,
  });
  const targets = new Map<string, string>();
  let sharedStringsTarget: string | undefined;
  await scanPart(bytes, rels, MAX_INDEX_BYTES, {
    open: (name, attributes) => {
      if (name !== 'Relationship') return;
      const id = attribute(attributes, 'Id');
      const target = attribute(attributes, 'Target');
      if (id === undefined || target === undefined) return;
      targets.set(id, target);
      if (attribute(attributes, 'Type')?.endsWith('/sharedStrings') === true) sharedStringsTarget = target;
    },
    close: () => undefined,
    text: () => undefined,
  });
  const sheetTarget = firstSheetId === undefined ? undefined : targets.get(firstSheetId);
  const firstSheet = sheetTarget === undefined ? undefined : entries.get(partPath(sheetTarget));
  if (firstSheet === undefined) throw new ZipError('its first sheet is missing');
  const sharedStrings =
    sharedStringsTarget === undefined ? undefined : entries.get(partPath(sharedStringsTarget));
  return sharedStrings === undefined ? { firstSheet } : { firstSheet, sharedStrings };
}

/** A link's target is relative to the workbook's folder, or absolute from the archive's root. */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}
