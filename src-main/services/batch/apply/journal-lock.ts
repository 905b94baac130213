import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FieldkitError } from '../../errors';
import { isRunning } from '../../process/is-running';

/**
 * One process at a time per journal: `<journal>.lock` holds the pid of the process applying it. A lock whose
 * process is gone (killed, crashed) is taken over.
 */
export class JournalLock {
  readonly #path: string;

  private constructor(path: string) {
    this.#path = path;
  }

  static async acquire(journalPath: string, pid = process.pid): Promise<JournalLock> {
    const path = `${journalPath}.lock`;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (await createLock(path, pid)) return new JournalLock(path);
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isSafeInteger(holder) && holder > 0 && isRunning(holder)) throw held(journalPath, holder);
      await rm(path, { force: true });
    }
    throw held(journalPath, undefined);
  }

  release(): Promise<void> {
    return rm(this.#path, { force: true });
  }
}

async function createLock(path: string, pid: number): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(`${pid}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function held(journalPath: string, pid: number | undefined): FieldkitError {
  return new FieldkitError({
    code: 'invalid-input',
    message:
      `The journal ${journalPath} is in use by another Fieldkit` +
      `${pid === undefined ? '' : ` (process ${pid})`}: one import at a time per journal.`,
    hint: 'Wait for that import to end (or stop it), then run this one again.',
    ...(pid === undefined ? {} : { details: { pid: String(pid) } }),
  });
}
