import type { ImportReport } from '../../api/types';
import { reportToCsv } from '../../services/batch/report-csv';
import type { CommandContext } from '../command';
import type { CliIo } from '../io';
import { createOutputFile, type OutputFile } from '../output-files';
import type { ImportFile } from './validate-run';

/** `--report PATH [--force]`: checked and created before anything is sent or applied. */
export async function openReportOption(
  context: CommandContext,
  input: ImportFile,
): Promise<OutputFile | undefined> {
  const { values } = context;
  if (typeof values.report !== 'string') return undefined;
  return createOutputFile('report', values.report, { input: input.path, force: values.force === true });
}

/** Runs the rest of the command; a report file it ends without writing is removed again. */
export async function withReportFile<T>(file: OutputFile | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await file?.discard();
    throw error;
  }
}

/**
 * Writes the report: CSV when the name ends in .csv, else JSON (the same document `--json` prints). A failure
 * is told, not thrown: what was applied is printed all the same, and the exit code says what it was.
 */
export async function writeReport(
  io: CliIo,
  file: OutputFile | undefined,
  report: ImportReport,
): Promise<void> {
  if (file === undefined) return;
  const text = /\.csv$/i.test(file.path) ? reportToCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
  try {
    await file.write(text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    io.stderr(
      `Could not write the report to ${file.path} (${code}); the summary printed is what happened.\n`,
    );
  }
}
