import { writeFile } from 'node:fs/promises';
import { IMPORT_TEMPLATE } from '../../services/batch/template';
import type { Command, CommandContext, OptionValues } from '../command';
import { UsageError } from '../command';
import { EXIT } from '../exit-codes';
import { applyFile } from './import-apply';
import { openReportOption, withReportFile, writeReport } from './import-report';
import { exitCodeForReport, printReport } from './import-output';
import { readImportInput, validateFile } from './validate-run';

const MAX_CONCURRENCY = 16;

export const importCommand: Command = {
  name: 'import',
  summary: 'Import devices from a CSV or XLSX file (--dry-run prints the plan, --template a file to fill in)',
  usage:
    'fieldkit import FILE --system ID [--dry-run] [--offline] [--concurrency N] [--journal PATH] [--resume] ' +
    '[--report PATH [--force]] [--reassign] [--skip-invalid] [--json]\n       fieldkit import --template [FILE]',
  options: {
    system: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    offline: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '4' },
    journal: { type: 'string' },
    resume: { type: 'boolean', default: false },
    report: { type: 'string' },
    /** Replace the --report file when it exists. */
    force: { type: 'boolean', default: false },
    reassign: { type: 'boolean', default: false },
    'skip-invalid': { type: 'boolean', default: false },
    template: { type: 'boolean', default: false },
  },
  positionals: true,
  async run(context) {
    const { values, io } = context;
    if (values.template === true) return writeTemplate(context, IMPORT_TEMPLATE, 'import template');
    const concurrency = readConcurrency(values);
    const skipInvalid = values['skip-invalid'] === true;
    if (values['dry-run'] !== true) return applyFile(context, { concurrency, skipInvalid });
    if (values.offline === true) io.stderr('Offline: the plan is checked against the cached catalogue.\n');
    const input = await readImportInput(context);
    const reportFile = await openReportOption(context, input.file);
    const { report } = await withReportFile(reportFile, () => validateFile(context, input, 'dry-run'));
    await writeReport(io, reportFile, report);
    printReport(io, report, context.json);
    return exitCodeForReport(report, { skipInvalid });
  },
};

/** `--template [FILE]`: the template on stdout, or in FILE (never over an existing one). */
export async function writeTemplate(
  { io, positionals }: CommandContext,
  template: string,
  what: string,
): Promise<typeof EXIT.ok> {
  const [file] = positionals;
  if (file === undefined) {
    io.stdout(template);
    return EXIT.ok;
  }
  try {
    await writeFile(file, template, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new UsageError(`${file} already exists; choose another name, Fieldkit does not overwrite it.`);
    }
    if (code === 'ENOENT') throw new UsageError(`The folder of ${file} does not exist.`);
    throw error;
  }
  io.stderr(`Wrote the ${what} to ${file}.\n`);
  return EXIT.ok;
}

export function readConcurrency(values: OptionValues): number {
  const raw = String(values.concurrency ?? '4');
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not "${raw}".`);
  }
  return value;
}
