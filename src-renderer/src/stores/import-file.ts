import { MAX_IMPORT_BYTES } from '@shared/limits';

/** A file the technician picked, read in full, ready for `batch.validate`. */
export interface PickedImportFile {
  name: string;
  size: number;
  /** The file's bytes in base64: the core detects XLSX and the CSV's text encoding from the bytes themselves. */
  content: string;
}

export class FileTooLargeError extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} is larger than 64 MB.`);
  }
}

/**
 * Reads the whole file as bytes. CSVs are not decoded here on purpose: a spreadsheet's CSV may be UTF-8,
 * UTF-16 or Windows-1252, and the core reads the bytes to tell, so accents survive.
 */
export function readImportFile(file: File): Promise<PickedImportFile> {
  if (file.size > MAX_IMPORT_BYTES) return Promise.reject(new FileTooLargeError(file.name));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      // A data URL is `data:<type>;base64,<bytes>`; an empty file has nothing after the comma.
      resolve({ name: file.name, size: file.size, content: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read.`));
    reader.readAsDataURL(file);
  });
}
