import { basename } from 'node:path';
import { KEYS_TEMPLATE } from '../../shared/keys';
import { UsageError, type Command } from '../command';
import { readConcurrency, writeTemplate } from './import';
import { exitCodeForReport, printReport } from './import-output';
import { openReportOption, withReportFile, writeReport } from './import-report';
import { applyRun, journalOption } from './import-apply';
import { readImportInput } from './validate-run';

export const keysImportCommand: Command = {
  name: 'keys import',
  summary:
    'Set programmable keys from a keys sheet, CSV or XLSX (--dry-run prints the plan, --template a file to fill in)',
  usage:
    'fieldkit keys import FILE --system ID [--dry-run [--offline]] [--concurrency N] [--journal PATH] [--resume] ' +
    '[--report PATH [--force]] ' +
    '[--json]\n       fieldkit keys import --template [FILE]',
  options: {
    system: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    offline: { type: 'boolean', default: false },
    journal: { type: 'string' },
    /** Continues the interrupted run of the same file (its journal: --journal PATH, or the one kept for it). */
    resume: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '4' },
    report: { type: 'string' },
    force: { type: 'boolean', default: false },
    template: { type: 'boolean', default: false },
  },
  positionals: true,
  async run(context) {
    const { values, io, api, json } = context;
    if (values.template === true) return writeTemplate(context, KEYS_TEMPLATE, 'keys template');
    const concurrency = readConcurrency(values);
    const offline = values.offline === true;
    if (offline && values['dry-run'] !== true) {
      throw new UsageError('Applying needs the CloudPBX; --offline goes with --dry-run.');
    }
    const input = await readImportInput(context);
    const journal = await journalOption(context, input.file);
    const reportFile = await openReportOption(context, input.file);
    return withReportFile(reportFile, async () => {
      await (offline ? context.workOffline() : context.connect());
      if (offline) {
        io.stderr(
          'Offline: the sheet is checked against the cached catalogue. Whether each line creates, replaces or ' +
            'keeps a key, and service or system keys in the way, need the devices’ keys: check online before applying.\n',
        );
      }
      const checked = await api.keys.importCheck({
        systemId: input.systemId,
        fileName: basename(input.file.path),
        content: Buffer.from(input.file.content).toString('base64'),
        encoding: 'base64',
        offline,
      });
      const blocked = checked.fileErrors.length > 0 || checked.summary.invalid > 0;
      if (values['dry-run'] === true || blocked) {
        await writeReport(io, reportFile, checked);
        printReport(io, checked, json);
        if (blocked && values['dry-run'] !== true)
          io.stderr('Nothing was applied: fix the invalid lines first.\n');
        return exitCodeForReport(checked);
      }
      const settings = { concurrency, skipInvalid: false };
      return applyRun(context, settings, { input, journal, reportFile }, 'keys');
    });
  },
};
