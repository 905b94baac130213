import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FieldkitError } from '../errors';
import { parseProfileFile, serializeProfileFile, type ProfileRecord } from './profile-file';

export const PROFILE_FILE_NAME = 'profiles.json';

/**
 * `profiles.json` in the data folder. A missing file is an empty list; writes go to a temporary file that is
 * flushed and then renamed over the old one, so a reader sees either the old list or the new one, never half.
 */
export class ProfileStore {
  readonly filePath: string;
  readonly #dataDir: string;

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
    this.filePath = join(dataDir, PROFILE_FILE_NAME);
  }

  async read(): Promise<ProfileRecord[]> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw this.#ioError('read', error);
    }
    return parseProfileFile(text, this.filePath);
  }

  async write(records: readonly ProfileRecord[]): Promise<void> {
    const temporary = `${this.filePath}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(this.#dataDir, { recursive: true, mode: 0o700 });
      const file = await open(temporary, 'wx', 0o600);
      try {
        await file.writeFile(serializeProfileFile(records), 'utf8');
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, this.filePath);
    } catch (error) {
      await rm(temporary, { force: true });
      throw this.#ioError('write', error);
    }
  }

  #ioError(action: 'read' | 'write', error: unknown): FieldkitError {
    const reason = error instanceof Error ? error.message : String(error);
    return new FieldkitError(
      {
        code: 'internal',
        message: `Could not ${action} the profile list ${this.filePath}: ${reason}`,
        hint: `Check that the folder ${this.#dataDir} exists and that Fieldkit may ${action} files in it.`,
      },
      { cause: error },
    );
  }
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
