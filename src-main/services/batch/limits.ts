/** Far beyond any rollout (100,000 lines of CSV is about 6 MB); refused before anything is parsed. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * What an .xlsx sheet may hold. A workbook is small on disk but can declare or compress almost anything, so it
 * is read only as far as these limits, whatever its declared range says.
 */
export const XLSX_LIMITS = {
  /** Lines with at least one value (empty and formatted-only lines do not count). */
  rows: 100_000,
  /** Columns A to BL: an import needs nine; the rest is room for the technician's own notes. */
  columns: 64,
  /** Excel's own limit for one cell. */
  cellCharacters: 32_767,
  /** Decompressed size of each part of the workbook read (the sheet, its shared texts). */
  partBytes: 128 * 1024 * 1024,
  /** Distinct texts of the workbook (its shared strings). */
  sharedStrings: 1_000_000,
} as const;
