import type { Api } from '@api/contract';
import { MAX_IMPORT_BYTES } from '@shared/limits';

/** A file the technician picked, uploaded to the core, ready for `batch.validate` and `batch.apply`. */
export interface PickedImportFile {
  name: string;
  size: number;
  /** The id the upload answered: the core reads the bytes itself (it detects XLSX and the CSV's encoding). */
  fileId: string;
}

export class FileTooLargeError extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} is larger than 64 MB.`);
  }
}

/**
 * Hands the file's bytes to the core, undecoded on purpose: a spreadsheet's CSV may be UTF-8, UTF-16 or
 * Windows-1252, and the core reads the bytes to tell, so accents survive.
 */
export async function uploadImportFile(api: Pick<Api, 'upload'>, file: File): Promise<PickedImportFile> {
  if (file.size > MAX_IMPORT_BYTES) throw new FileTooLargeError(file.name);
  const { fileId } = await api.upload(file);
  return { name: file.name, size: file.size, fileId };
}
