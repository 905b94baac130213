import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { FieldkitError } from '../errors';

/**
 * Reads a file the user named, refusing anything that is not a regular file and anything over `maxBytes`
 * before a byte is read. The file is opened without blocking (a FIFO with no writer would otherwise hang the
 * open) and checked through the opened descriptor, so what is checked is what is read, whatever the path
 * points to by then. At most `maxBytes + 1` bytes are ever read: a file that grows after the check, or a
 * regular file whose size the system does not know, is still refused once past the limit.
 */
export async function readInputFile(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    // O_NONBLOCK is 0 on Windows, which has no FIFOs to hang on.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw refusal(path, openFailure((error as NodeJS.ErrnoException).code));
  }
  try {
    const stats = await handle.stat();
    const kind = nonRegularKind(stats);
    if (kind !== undefined) {
      throw refusal(path, `it is ${kind}, not a regular file; Fieldkit reads only regular files`);
    }
    if (stats.size > maxBytes) throw tooLarge(path, stats.size, maxBytes);
    const bytes = await readAtMost(handle, Math.min(stats.size, maxBytes) + 1, maxBytes + 1);
    if (bytes.length > maxBytes) throw tooLarge(path, undefined, maxBytes);
    return bytes;
  } finally {
    await handle.close();
  }
}

/** Reads until the end of the file or `cap` bytes, starting with room for `expected`. */
async function readAtMost(handle: FileHandle, expected: number, cap: number): Promise<Uint8Array> {
  let buffer = Buffer.allocUnsafe(expected);
  let length = 0;
  while (length < cap) {
    if (length === buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(cap, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

function nonRegularKind(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not an ordinary file';
}

function openFailure(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a regular file; Fieldkit reads only regular files';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENXIO':
      return 'it is a socket or a device, not a regular file; Fieldkit reads only regular files';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return `it cannot be opened (${code ?? 'unknown error'})`;
  }
}

/** `size` is undefined when the file only showed its size by being read past the limit. */
function tooLarge(path: string, size: number | undefined, maxBytes: number): FieldkitError {
  const actual = size === undefined ? 'more than that' : formatMegabytes(size);
  return refusal(
    path,
    `Fieldkit reads files up to ${formatMegabytes(maxBytes)} and this one is ${actual}; split it`,
  );
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 1024 / 1024;
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

function refusal(path: string, reason: string): FieldkitError {
  return new FieldkitError({ code: 'invalid-input', message: `Cannot read ${path}: ${reason}.` });
}
