import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResumableRun } from '../types';
import { ImportJournal, type JournalEntry, type JournalRunSettings } from './journal';
import type { RunEntry } from './journal-entries';

/** A run of the app as its journal tells it: how it was started and whether it ended. */
export interface StoredRun {
  runId: string;
  systemId: string;
  fileName: string;
  fileHash: string;
  settings: JournalRunSettings;
  startedAt: string;
  /** The state its last pass ended in; undefined when the app stopped during it. */
  ended?: 'finished' | 'cancelled' | 'failed';
  linesTouched: number;
  updatedAt: string;
}

const RUN_FILE = /^([0-9a-f-]{36})\.jsonl$/;

/**
 * The journals of one profile's runs in the app: `<dataDir>/journals/<profile key>/<runId>.jsonl`, with the
 * imported file next to it (`<runId>.source`) until the run has ended for good, so that a run interrupted by a
 * restart can be planned again and resumed. User-only permissions: the files hold names and e-mail addresses.
 */
export class RunStore {
  readonly folder: string;

  constructor(dataDir: string, profileKey: string) {
    this.folder = join(dataDir, 'journals', profileKey);
  }

  journalPath(runId: string): string {
    return join(this.folder, `${runId}.jsonl`);
  }

  async saveSource(runId: string, content: Uint8Array): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFile(join(this.folder, `${runId}.source`), content, { mode: 0o600 });
  }

  /** Deletes the kept file once its run has ended for good; the journal stays. */
  async forgetSource(runId: string): Promise<void> {
    await rm(join(this.folder, `${runId}.source`), { force: true });
  }

  async readSource(runId: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(join(this.folder, `${runId}.source`)));
  }

  async load(runId: string): Promise<StoredRun | undefined> {
    const path = this.journalPath(runId);
    const entries = await ImportJournal.read(path);
    if (entries.length === 0) return undefined;
    return describeRun(runId, entries, (await stat(path)).mtime.toISOString());
  }

  /** The runs of a CloudPBX that did not end, or ended on an error: they can be resumed. */
  async resumable(systemId: string): Promise<ResumableRun[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const runs: ResumableRun[] = [];
    for (const name of names) {
      const runId = RUN_FILE.exec(name)?.[1];
      if (runId === undefined) continue;
      const run = await this.load(runId);
      if (run === undefined || run.systemId !== systemId) continue;
      if (run.ended === 'finished' || run.ended === 'cancelled') continue;
      runs.push({
        runId,
        systemId: run.systemId,
        fileName: run.fileName,
        fileHash: run.fileHash,
        startedAt: run.startedAt,
        updatedAt: run.updatedAt,
        reason: run.ended === 'failed' ? 'failed' : 'interrupted',
        linesTouched: run.linesTouched,
        reassign: run.settings.reassign,
        skipInvalid: run.settings.skipInvalid,
        concurrency: run.settings.concurrency,
      });
    }
    return runs.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }
}

function describeRun(runId: string, entries: JournalEntry[], updatedAt: string): StoredRun | undefined {
  const runs = entries.filter((entry): entry is RunEntry => entry.type === 'run');
  const first = runs[0];
  const last = runs.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const lastRunIndex = entries.lastIndexOf(last);
  const end = entries.slice(lastRunIndex).findLast((entry) => entry.type === 'end');
  const touched = new Set(
    entries.flatMap((entry) => (entry.type === 'result' && entry.outcome !== 'not-sent' ? [entry.line] : [])),
  );
  const run: StoredRun = {
    runId,
    systemId: last.systemId,
    fileName: last.fileName,
    fileHash: last.fileHash,
    settings: {
      runId,
      reassign: last.reassign ?? false,
      skipInvalid: last.skipInvalid ?? false,
      concurrency: last.concurrency ?? 4,
      ...(last.sheet === 'keys' ? { sheet: last.sheet } : {}),
    },
    startedAt: first.at,
    linesTouched: touched.size,
    updatedAt,
  };
  if (end?.type === 'end') run.ended = end.state;
  return run;
}
