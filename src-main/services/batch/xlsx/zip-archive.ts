/** One member of a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Why an archive or one of its members cannot be read; the XLSX reader turns it into a file problem. */
export class ZipError extends Error {
  override name = 'ZipError';
}

/** A member grew past the size its reader allows while being decompressed. */
export class ZipEntryTooLarge extends ZipError {
  constructor(
    readonly entryName: string,
    readonly limit: number,
  ) {
    super(`${entryName} decompresses to more than ${limit} bytes`);
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const CHUNK = 64 * 1024;

/**
 * The members of a ZIP archive (PKWARE APPNOTE: end record, then central directory). Sizes the archive
 * declares for decompressed data are never trusted: `readEntry` counts what it actually produces.
 */
export function listZipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== DIRECTORY_ENTRY) {
      throw new ZipError('the central directory is damaged');
    }
    const nameLength = view.getUint16(offset + 28, true);
    const skip = nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      encrypted: (view.getUint16(offset + 8, true) & 1) === 1,
      compressedSize: view.getUint32(offset + 20, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    };
    entries.set(entry.name, entry);
    offset += 46 + skip;
  }
  return entries;
}

function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_RECORD_SIZE - MAX_COMMENT);
  for (let offset = view.byteLength - END_RECORD_SIZE; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) return offset;
  }
  throw new ZipError('it has no ZIP directory (the file is cut short or not a ZIP archive)');
}

/**
 * The decompressed bytes of a member, chunk by chunk, never more than `maxBytes` in all (a member that would
 * grow further throws `ZipEntryTooLarge` as soon as it passes the limit, so a zip bomb costs nothing).
 */
export async function* readEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  if (entry.encrypted) throw new ZipError(`${entry.name} is encrypted`);
  // Loaded when a workbook is read, not when the import worker starts: most files are CSV, and a fresh worker
  // thread that imported both modules took about 5 ms longer to start (measured).
  const [{ Readable }, { createInflateRaw }] = await Promise.all([
    import('node:stream'),
    import('node:zlib'),
  ]);
  const data = entryData(bytes, entry);
  let produced = 0;
  const source =
    entry.method === STORED
      ? Readable.from(chunksOf(data))
      : entry.method === DEFLATED
        ? Readable.from([data]).pipe(createInflateRaw({ chunkSize: CHUNK }))
        : undefined;
  if (source === undefined) throw new ZipError(`${entry.name} uses an unknown compression (${entry.method})`);
  try {
    for await (const chunk of source as AsyncIterable<Uint8Array>) {
      produced += chunk.length;
      if (produced > maxBytes) throw new ZipEntryTooLarge(entry.name, maxBytes);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`${entry.name} is damaged (${(error as Error).message})`);
  } finally {
    source.destroy();
  }
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > view.byteLength || view.getUint32(header, true) !== LOCAL_HEADER) {
    throw new ZipError(`${entry.name} has no local header where the directory says`);
  }
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipError(`${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.compressedSize);
}

function* chunksOf(data: Uint8Array): Generator<Uint8Array> {
  for (let offset = 0; offset < data.length; offset += CHUNK) yield data.subarray(offset, offset + CHUNK);
}
