import { XLSX_LIMITS } from '../../../shared/limits';
import { readEntry, type ZipEntry } from './zip-archive';
import { XmlScanner, type XmlHandler } from './xml-scanner';

/** A tag longer than this is not spreadsheet XML (Excel's longest are a few hundred characters). */
const MAX_TAG_CHARACTERS = 1024 * 1024;

/** Escaped text takes up to 10 characters per character (`&#x10FFFF;`): raw text past this is over the cell limit. */
export const MAX_RAW_CELL_CHARACTERS = XLSX_LIMITS.cellCharacters * 10;

/** Streams one XML part of the archive through `handler`, decompressing at most `maxBytes`. */
export async function scanPart(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
  handler: XmlHandler,
): Promise<void> {
  const scanner = new XmlScanner(handler, MAX_TAG_CHARACTERS);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of readEntry(bytes, entry, maxBytes)) {
    scanner.feed(decoder.decode(chunk, { stream: true }));
  }
  scanner.feed(decoder.decode());
  scanner.end();
}
