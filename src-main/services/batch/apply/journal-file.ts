import { FieldkitError } from '../../errors';
import { fileHash, ImportJournal, type JournalLineState } from './journal';
import { replay, type RunEntry } from './journal-entries';

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

/**
 * A journal named by the user (`--journal PATH`) continues only the import of the same file: one whose runs
 * recorded another file is refused before anything is written to it or sent.
 */
export async function checkJournalOfFile(path: string, content: Uint8Array): Promise<void> {
  const runs = (await ImportJournal.read(path)).filter((entry): entry is RunEntry => entry.type === 'run');
  const hash = fileHash(content);
  const other = runs.find((run) => run.fileHash !== hash);
  if (other === undefined) return;
  throw new FieldkitError({
    code: 'invalid-input',
    message: `${path} is the journal of another file (${other.fileName}); it is left as it is.`,
    hint: 'Give this file a journal of its own with another --journal PATH, or leave --journal out.',
  });
}
