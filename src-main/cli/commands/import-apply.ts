import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Api } from '../../api/contract';
import type { ApplyProgressEvent, ApplyStarted, ImportReport } from '../../api/types';
import { fileHash } from '../../services/batch/apply/journal';
import { ApiError } from '../../shared/create-api';
import { UsageError, type CommandContext } from '../command';
import { EXIT, exitCodeFor, type ExitCode } from '../exit-codes';
import type { CliIo } from '../io';
import { exitCodeForReport, printReport } from './import-output';
import { openReportOption, withReportFile, writeReport } from './import-report';
import { checkOutputPath, type OutputFile } from '../output-files';
import { readImportInput, validateFile, type ImportFile } from './validate-run';

export interface ApplySettings {
  concurrency: number;
  skipInvalid: boolean;
}

const PROGRESS_EVERY = 50;
const ENDED: ReadonlySet<ApplyProgressEvent['state']> = new Set(['finished', 'cancelled', 'failed']);

/**
 * `fieldkit import FILE` (no --dry-run): checks the plan against the live CloudPBX and refuses while lines are
 * invalid (unless --skip-invalid), then applies it as a run of the core, journalled like the app's: a run
 * interrupted here is resumed with --resume, or from the app, without doing anything twice.
 */
export async function applyFile(context: CommandContext, settings: ApplySettings): Promise<ExitCode> {
  const { values, io, json } = context;
  if (values.offline === true) {
    throw new UsageError(
      'Applying needs the CloudPBX; --offline goes with --dry-run (or `fieldkit validate`).',
    );
  }
  const input = await readImportInput(context);
  const journal = await journalOption(context, input.file);
  const reportFile = await openReportOption(context, input.file);
  return withReportFile(reportFile, async () => {
    const { report: checked } = await validateFile(context, input, 'dry-run');
    if (checked.fileErrors.length > 0 || (checked.summary.invalid > 0 && !settings.skipInvalid)) {
      await writeReport(io, reportFile, checked);
      printReport(io, checked, json);
      io.stderr('Nothing was applied: fix the invalid lines, or add --skip-invalid to apply the others.\n');
      return EXIT.usage;
    }
    return applyRun(context, settings, { input, journal, reportFile });
  });
}

/** `--journal PATH` (never the file itself, nor an existing report), which `--resume` needs to exist. */
export async function journalOption(
  { values }: CommandContext,
  file: ImportFile,
): Promise<string | undefined> {
  const journal = typeof values.journal === 'string' ? resolve(values.journal) : undefined;
  if (journal !== undefined) await checkOutputPath('journal', journal, file.path);
  if (values.resume === true && journal !== undefined && !(await exists(journal))) {
    throw new UsageError(`--resume: there is no journal at ${journal} (name it with --journal PATH).`);
  }
  return journal;
}

/**
 * Applies the file as a run of the core (a keys sheet with `sheet: 'keys'`), or resumes its interrupted run
 * (--resume), following its progress; answers the exit code of its report.
 */
export async function applyRun(
  context: CommandContext,
  settings: ApplySettings,
  files: {
    input: { file: ImportFile; systemId: string };
    journal?: string | undefined;
    reportFile?: OutputFile;
  },
  sheet?: 'keys',
): Promise<ExitCode> {
  const { values, io, json, api } = context;
  const { input, journal } = files;
  const resumed = values.resume === true && journal === undefined;
  const runId = resumed ? await resumableRunOf(api, input) : randomUUID();
  const report = await followRun(api, io, runId, () =>
    resumed
      ? api.batch.resumeRun({ runId })
      : api.batch.apply({
          runId,
          systemId: input.systemId,
          fileName: basename(input.file.path),
          content: Buffer.from(input.file.content).toString('base64'),
          encoding: 'base64',
          reassign: values.reassign === true,
          skipInvalid: settings.skipInvalid,
          concurrency: settings.concurrency,
          ...(journal === undefined ? {} : { journal }),
          ...(sheet === undefined ? {} : { sheet }),
        }),
  );
  await writeReport(io, files.reportFile, report);
  printReport(io, report, json);
  const stopped = report.run?.state === 'failed' ? report.run.error : undefined;
  if (stopped !== undefined) {
    io.stderr(
      `Stopped: ${stopped.message}\nRun the same command with --resume to finish; the journal ` +
        `(${journal ?? 'kept with the run'}) makes sure nothing is done twice.\n`,
    );
    return exitCodeFor(new ApiError(stopped));
  }
  return exitCodeForReport(report, { skipInvalid: settings.skipInvalid });
}

/** The latest interrupted run of this very file (by content) on the CloudPBX, for `--resume`. */
async function resumableRunOf(api: Api, input: { file: ImportFile; systemId: string }): Promise<string> {
  const hash = fileHash(input.file.content);
  const runs = await api.batch.resumable({ systemId: input.systemId });
  const run = runs.find((candidate) => candidate.fileHash === hash);
  if (run !== undefined) return run.runId;
  throw new UsageError(
    `--resume: there is no journal of an interrupted import of ${input.file.path} on CloudPBX ` +
      `${input.systemId} (name it with --journal PATH).`,
  );
}

/** Starts (or resumes) run `runId`, prints its progress, and answers its report once it has ended. */
async function followRun(
  api: Api,
  io: CliIo,
  runId: string,
  start: () => Promise<ApplyStarted>,
): Promise<ImportReport> {
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  let printed = 0;
  const stop = api.on('batch.progress', (event) => {
    if (event.runId !== runId) return;
    const due = event.done % PROGRESS_EVERY === 0 || event.done === event.total;
    if (event.row !== undefined && due && event.done > printed) {
      printed = event.done;
      io.stderr(`Applied ${event.done}/${event.total} lines.\n`);
    }
    if (ENDED.has(event.state)) settle();
  });
  try {
    const started = await start();
    if (started.unknownOutcomes !== undefined) {
      io.stderr(
        `The journal has ${started.unknownOutcomes} step(s) with an unknown outcome: each is looked up before ` +
          'anything is sent.\n',
      );
    }
    await settled;
    return await api.batch.status({ runId });
  } finally {
    stop();
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
