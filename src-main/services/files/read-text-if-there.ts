import { readFile } from 'node:fs/promises';

/** The file's text (UTF-8), or undefined when there is no such file; any other failure is thrown. */
export async function readTextIfThere(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
