import { lstat, readFile } from 'node:fs/promises';
import { FieldkitError } from '../../errors';
import { fileHash, ImportJournal, type JournalLineState } from './journal';
import { parseEntries, replay, type RunEntry } from './journal-entries';

/** What a journal already holds, as a run continuing it needs it. */
export interface JournalHistory {
  /** The run that journal belongs to, when it recorded one with an id. */
  runId?: string;
  /** Whether it records anything at all (a new journal does not). */
  empty: boolean;
  line: (line: number) => JournalLineState | undefined;
  /** Devices with a step whose outcome is unknown: each is looked up before anything is sent. */
  unknownOutcomes: number;
}

export async function readJournalHistory(path: string): Promise<JournalHistory> {
  const entries = await ImportJournal.read(path);
  const { lines, devices } = replay(entries);
  const runId = entries.findLast((entry): entry is RunEntry => entry.type === 'run')?.runId;
  return {
    ...(runId === undefined ? {} : { runId }),
    empty: entries.length === 0,
    line: (line) => lines.get(line),
    unknownOutcomes: [...devices.values()].filter((device) => device.unresolved.size > 0).length,
  };
}

const ENTRY_TYPES: ReadonlySet<unknown> = new Set(['run', 'intent', 'result', 'end']);

/**
 * A journal named by the user (`--journal PATH`) continues only the import of the same file: a file that is
 * not a journal (a shell's rc file, the CSV itself), a link, or the journal of another file is refused before
 * anything is written to it or sent.
 */
export async function checkJournalOfFile(path: string, content: Uint8Array): Promise<void> {
  const text = await readJournalText(path);
  if (text === undefined) return;
  // The last line may be torn by a crash (but begins as every entry does); every complete one is an entry.
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  const complete = lines.filter((line) => line.trim() !== '');
  if (!complete.every(isJournalLine) || !(last === '' || last.startsWith('{"type":"'))) {
    throw refused(path, 'is not a Fieldkit import journal');
  }
  const runs = parseEntries(text).filter((entry): entry is RunEntry => entry.type === 'run');
  const hash = fileHash(content);
  const other = runs.find((run) => run.fileHash !== hash);
  if (other !== undefined) throw refused(path, `is the journal of another file (${other.fileName})`);
}

async function readJournalText(path: string): Promise<string | undefined> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!info.isFile()) throw refused(path, 'is not a regular file');
  return readFile(path, 'utf8');
}

function isJournalLine(line: string): boolean {
  try {
    const entry: unknown = JSON.parse(line);
    return typeof entry === 'object' && entry !== null && ENTRY_TYPES.has((entry as { type?: unknown }).type);
  } catch {
    return false;
  }
}

function refused(path: string, reason: string): FieldkitError {
  return new FieldkitError({
    code: 'invalid-input',
    message: `--journal: ${path} ${reason}; it is left as it is.`,
    hint: 'Give this file a journal of its own with another --journal PATH, or leave --journal out.',
  });
}
