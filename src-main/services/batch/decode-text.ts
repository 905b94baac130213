import type { FileProblem } from './source-table';

export type DecodedText = { ok: true; text: string } | { ok: false; problem: FileProblem };

const SAVE_AS_UTF8 =
  'Save it again as "CSV UTF-8 (comma delimited)" (Excel: File > Save As; LibreOffice: Text CSV with ' +
  'character set Unicode (UTF-8)) and import that file.';

/**
 * Reads a CSV file's bytes as UTF-8, with or without a byte-order mark. Anything else (UTF-16, an ANSI code
 * page such as Windows-1252) is refused with the line where it shows, never turned silently into mojibake:
 * an accented name read in the wrong encoding would be sent to the CloudPBX garbled.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return refuse(
      0,
      `The file is saved as UTF-16 (Excel's "Unicode Text"), which Fieldkit does not read. ${SAVE_AS_UTF8}`,
    );
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul !== -1) {
    return refuse(
      lineAt(body, nul),
      `The file contains binary data (a NUL byte on line ${lineAt(body, nul)}): it is not a CSV text file. ` +
        `If it is a spreadsheet, save it as .xlsx or as CSV UTF-8. ${SAVE_AS_UTF8}`,
    );
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const offset = firstInvalidUtf8(body);
    const line = lineAt(body, offset);
    return refuse(
      line,
      `Line ${line} holds characters that are not UTF-8: the file was probably saved in an older encoding ` +
        `(Windows "ANSI" or Latin-1), which would garble accented names. ${SAVE_AS_UTF8}`,
    );
  }
}

function refuse(line: number, message: string): DecodedText {
  return { ok: false, problem: { line, message } };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index);
    if (length === 0) return index;
    index += length;
  }
  return bytes.length;
}

function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0;
  if (lead < 0x80) return 1;
  const [length, min] =
    lead >= 0xc2 && lead <= 0xdf
      ? [2, 0x80]
      : lead >= 0xe0 && lead <= 0xef
        ? [3, 0x800]
        : lead >= 0xf0 && lead <= 0xf4
          ? [4, 0x10000]
          : [0, 0];
  if (length === 0 || index + length > bytes.length) return 0;
  let code = lead & (0xff >> (length + 1));
  for (let offset = 1; offset < length; offset += 1) {
    const next = bytes[index + offset] ?? 0;
    if ((next & 0xc0) !== 0x80) return 0;
    code = (code << 6) | (next & 0x3f);
  }
  return code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0 : length;
}
