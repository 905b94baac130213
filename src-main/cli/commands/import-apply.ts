import { writeFile } from 'node:fs/promises';
import { defaultDataDir } from '../../app/data-dir';
import { buildReport, reportToCsv, type ImportReport } from '../../services/batch';
import { applyPlan } from '../../services/batch/apply/apply-plan';
import { defaultJournalPath, fileHash, ImportJournal } from '../../services/batch/apply/journal';
import { UsageError, type CommandContext } from '../command';
import { EXIT, exitCodeFor, type ExitCode } from '../exit-codes';
import { exitCodeForReport, printReport } from './import-output';
import { validateFile } from './validate-run';

export interface ApplySettings {
  concurrency: number;
  skipInvalid: boolean;
}

const PROGRESS_EVERY = 50;

/**
 * `fieldkit import FILE` (no --dry-run): re-checks the plan against the live CloudPBX, refuses while lines are
 * invalid (unless --skip-invalid), then applies it with a journal so that a crash or a lost answer is resumed
 * without doing anything twice.
 */
export async function applyFile(context: CommandContext, settings: ApplySettings): Promise<ExitCode> {
  const { values, io, json } = context;
  if (values.offline === true) {
    throw new UsageError(
      'Applying needs the CloudPBX; --offline goes with --dry-run (or `fieldkit validate`).',
    );
  }
  const { plan, report: checked, client, content } = await validateFile(context, 'dry-run');
  const blocked = checked.fileErrors.length > 0 || (checked.summary.invalid > 0 && !settings.skipInvalid);
  if (blocked || client === undefined) {
    await writeReportOption(values.report, checked);
    printReport(io, checked, json);
    io.stderr('Nothing was applied: fix the invalid lines, or add --skip-invalid to apply the others.\n');
    return EXIT.usage;
  }

  const journalPath =
    typeof values.journal === 'string' ? values.journal : defaultJournalPath(defaultDataDir(io.env), content);
  if (values.resume === true && !(await ImportJournal.exists(journalPath))) {
    throw new UsageError(`--resume: there is no journal at ${journalPath} (name it with --journal PATH).`);
  }
  const journal = await ImportJournal.open(journalPath);
  const unknown = journal.unresolvedCount();
  if (unknown > 0) {
    io.stderr(
      `The journal has ${unknown} step(s) with an unknown outcome: each is looked up before anything is sent.\n`,
    );
  }
  let result;
  try {
    await journal.recordRun({
      systemId: plan.systemId,
      fileName: plan.fileName,
      fileHash: fileHash(content),
    });
    result = await applyPlan(plan, {
      client,
      journal,
      concurrency: settings.concurrency,
      onRow: (done, total) => {
        if (done % PROGRESS_EVERY === 0 || done === total) io.stderr(`Applied ${done}/${total} lines.\n`);
      },
    });
  } finally {
    await journal.close();
  }
  const report = buildReport(plan, 'apply', Date.now(), result.outcomes);
  await writeReportOption(values.report, report);
  printReport(io, report, json);
  if (result.abortedBy !== undefined) {
    io.stderr(
      `Stopped: ${result.abortedBy.message}\nRun the same command with --resume to finish; the journal ` +
        `(${journalPath}) makes sure nothing is done twice.\n`,
    );
    return exitCodeFor(result.abortedBy);
  }
  return exitCodeForReport(report, { skipInvalid: settings.skipInvalid });
}

/** `--report PATH`: CSV when the name ends in .csv, else JSON (the same document `--json` prints). */
export async function writeReportOption(path: unknown, report: ImportReport): Promise<void> {
  if (typeof path !== 'string') return;
  const text = /\.csv$/i.test(path) ? reportToCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
  await writeFile(path, text);
}
