import type { FileProblem, SourceRow } from './source-table';
import { readSharedStrings } from './xlsx/shared-strings';
import { readSheetRows } from './xlsx/sheet-rows';
import { locateParts } from './xlsx/workbook-parts';
import { XlsxProblem } from './xlsx/xlsx-problem';
import { listZipEntries, ZipEntryTooLarge } from './xlsx/zip-archive';
import { XLSX_LIMITS } from '../../shared/limits';

export type XlsxReading = { ok: true; rows: SourceRow[] } | { ok: false; problem: FileProblem };

/**
 * The first sheet of an .xlsx workbook as text rows; a row's line is its row number in the sheet. Read as a
 * stream of what the sheet really holds, within the limits of `XLSX_LIMITS`. Never throws.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<XlsxReading> {
  try {
    const entries = listZipEntries(bytes);
    const parts = await locateParts(bytes, entries);
    const shared =
      parts.sharedStrings === undefined ? [] : await readSharedStrings(bytes, parts.sharedStrings);
    return { ok: true, rows: await readSheetRows(bytes, parts.firstSheet, shared) };
  } catch (error) {
    if (error instanceof XlsxProblem) return { ok: false, problem: error.problem };
    if (error instanceof ZipEntryTooLarge) return { ok: false, problem: partTooLarge(error.entryName) };
    // Anything else (a ZipError, an XmlTooLong, an offset past the end) is a file that is not a sound workbook.
    return { ok: false, problem: unreadable() };
  }
}

function partTooLarge(name: string): FileProblem {
  return {
    line: 0,
    message:
      `The workbook's ${name} unpacks to more than ${XLSX_LIMITS.partBytes / 1024 / 1024} MB, far more than ` +
      'an import file holds (it may be a zip bomb). Copy the lines to import into a new workbook, or save the ' +
      'sheet as CSV UTF-8.',
  };
}

function unreadable(): FileProblem {
  return {
    line: 0,
    message:
      'The file looks like an .xlsx workbook but cannot be read (damaged, password-protected or not ' +
      'really a workbook). Open it in your spreadsheet and save it again as .xlsx or as CSV UTF-8.',
  };
}
