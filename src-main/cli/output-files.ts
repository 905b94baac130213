import { constants } from 'node:fs';
import { lstat, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './command';

/** A file the CLI writes at the end of a command, created (and so checked) before anything is sent. */
export interface OutputFile {
  readonly path: string;
  write(text: string): Promise<void>;
  /** Removes the file again when the command ended before writing it. */
  discard(): Promise<void>;
}

/**
 * `--report PATH`: refused when it is the imported file, a symlink or not a regular file, or when it exists and
 * `--force` is not given; created (exclusively, unless replacing with --force) before anything is applied.
 */
export async function createOutputFile(
  option: string,
  path: string,
  options: { input: string; force: boolean },
): Promise<OutputFile> {
  await checkOutputPath(option, path, options.input);
  if ((await existing(path)) !== undefined && !options.force) {
    throw new UsageError(
      `--${option}: ${path} already exists; add --force to replace it, or choose another name.`,
    );
  }
  const flags =
    constants.O_WRONLY |
    constants.O_CREAT |
    constants.O_NOFOLLOW |
    (options.force ? constants.O_TRUNC : constants.O_EXCL);
  let handle: FileHandle;
  try {
    handle = await open(path, flags, 0o600);
  } catch (error) {
    throw new UsageError(`--${option}: cannot create ${path} (${describe(error)}).`);
  }
  let written = false;
  return {
    path,
    write: async (text) => {
      try {
        await handle.write(text);
        written = true;
      } finally {
        await handle.close();
      }
    },
    discard: async () => {
      if (written) return;
      await handle.close().catch(() => undefined);
      await rm(path, { force: true });
    },
  };
}

/**
 * A path the CLI may write to: not the imported file, not a symlink, nothing but a regular file, in a folder that
 * exists. What it holds (a journal of this file?) is the core's to judge.
 */
export async function checkOutputPath(option: string, path: string, input: string): Promise<void> {
  const folder = await existing(dirname(path));
  if (folder === undefined || !folder.isDirectory()) {
    throw new UsageError(`--${option}: the folder ${dirname(path)} does not exist.`);
  }
  const target = await existing(path);
  if (target === undefined) return;
  if (target.isSymbolicLink()) {
    throw new UsageError(`--${option}: ${path} is a symbolic link; Fieldkit does not write through links.`);
  }
  if (!target.isFile()) throw new UsageError(`--${option}: ${path} is not a regular file.`);
  const source = await stat(input).catch(() => undefined);
  if (source !== undefined && source.dev === target.dev && source.ino === target.ino) {
    throw new UsageError(`--${option}: ${path} is the file being imported.`);
  }
}

async function existing(path: string): Promise<Awaited<ReturnType<typeof lstat>> | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`Cannot check ${path} (${describe(error)}).`);
  }
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
