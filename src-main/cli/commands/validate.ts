import type { Command } from '../command';
import { exitCodeForReport, printReport } from './import-output';
import { printWire, readDiscovered } from './validate-wire';
import { readImportInput, validateFile } from './validate-run';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check an import file (CSV or XLSX) against a CloudPBX, line by line, without changing anything',
  usage: 'fieldkit validate FILE --system ID [--offline] [--reassign] [--discovered DISCOVERY.json] [--json]',
  options: {
    system: { type: 'string' },
    offline: { type: 'boolean', default: false },
    reassign: { type: 'boolean', default: false },
    discovered: { type: 'string' },
  },
  positionals: true,
  async run(context) {
    const { values, io, json } = context;
    const input = await readImportInput(context);
    const discovered =
      typeof values.discovered === 'string' ? await readDiscovered(values.discovered) : undefined;
    const { report } = await validateFile(context, input, 'validate', discovered);
    printReport(io, report, json);
    if (report.wire !== undefined && !json) printWire(io, report.wire);
    return exitCodeForReport(report);
  },
};
