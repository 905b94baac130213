/** Bounds the core enforces and the screens show or pre-check, declared once for both. */

/** Far beyond any rollout (100,000 lines of CSV is about 6 MB); refused before anything is parsed. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export const MAX_APPLY_CONCURRENCY = 16;

/** The CloudPBX keeps a device description of at most this many characters. */
export const MAX_DEVICE_DESCRIPTION = 128;

export const MIN_DEBUG_SECONDS = 60;
export const MAX_DEBUG_SECONDS = 86_400;

export const DEFAULT_SWAP_TIMEOUT_SECONDS = 180;
export const MAX_SWAP_TIMEOUT_SECONDS = 3_600;

/**
 * Device lines under the header (blank, comment and formatted-only lines do not count), in a CSV file or a
 * sheet: far beyond any rollout, and what keeps one file's checking within the worker's memory.
 */
export const MAX_IMPORT_ROWS = 100_000;

/**
 * What an .xlsx sheet may hold. A workbook is small on disk but can declare or compress almost anything, so it
 * is read only as far as these limits, whatever its declared range says.
 */
export const XLSX_LIMITS = {
  /** Columns A to BL: an import needs nine; the rest is room for the technician's own notes. */
  columns: 64,
  /** Excel's own limit for one cell. */
  cellCharacters: 32_767,
  /** Decompressed size of each part of the workbook read (the sheet, its shared texts). */
  partBytes: 128 * 1024 * 1024,
  /** Distinct texts of the workbook (its shared strings). */
  sharedStrings: 1_000_000,
} as const;

/** The heap of the worker thread that reads and checks one import file; past it, that file fails alone. */
export const IMPORT_WORKER_MEMORY_MB = 1024;
