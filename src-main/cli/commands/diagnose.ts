import type { CheckReport } from '../../shared/check-ladder';
import { checkReportText } from '../../shared/check-ladder';
import { checkOption, requireSystem, UsageError, type Command, type CommandContext } from '../command';
import { EXIT, type ExitCode } from '../exit-codes';
import { printJson } from '../io';
import { DEVICE_OPTIONS, DEVICE_USAGE, readDeviceTarget, type DeviceTarget } from './device-support';

export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary:
    'Why doesn’t this phone work, or this number ring? Step-by-step checks from the CloudPBX, with the fix',
  usage: [
    `fieldkit diagnose ${DEVICE_USAGE} --system ID [--json]`,
    'fieldkit diagnose --number SHORT_OR_E164 --system ID [--json]',
  ].join('\n       '),
  options: { ...DEVICE_OPTIONS, number: { type: 'string' } },
  async run(context) {
    const { values } = context;
    if (typeof values.number !== 'string') {
      const target = readDeviceTarget(values);
      await context.connect();
      const report = await context.api.diagnose.device(deviceInput(target));
      return printReport(context, `Diagnosis of ${deviceTitle(report.subject)}`, report);
    }
    if (['device', 'mac', 'ipei'].some((name) => values[name] !== undefined)) {
      throw new UsageError(`Diagnose a device (${DEVICE_USAGE}) or a number (--number), not both.`);
    }
    const input = numberInput(requireSystem(values), values.number);
    await context.connect();
    const report = await context.api.diagnose.number(input);
    return printReport(context, `Diagnosis of number ${report.subject.number}`, report);
  },
};

function numberInput(systemId: string, text: string) {
  return checkOption('number', text, 'a short or E.164 number', 'diagnose.number', {
    systemId,
    number: text,
  });
}

function deviceInput({ systemId, device }: DeviceTarget) {
  return device.by === 'device'
    ? { systemId, by: 'device' as const, deviceId: device.deviceId }
    : { systemId, by: device.by, identifier: device.identifier };
}

function deviceTitle(subject: { description?: string; identifier?: string; deviceId?: string }): string {
  const named = subject.description ?? subject.identifier ?? subject.deviceId ?? 'the device';
  return subject.description !== undefined && subject.identifier !== undefined
    ? `"${named}" (${subject.identifier})`
    : named;
}

/** `--json` prints the report as it is; exit 1 when a check failed (`problem`), else 0. */
function printReport(context: CommandContext, title: string, report: CheckReport<unknown>): ExitCode {
  if (context.json) {
    printJson(context.io, {
      subject: report.subject,
      verdict: report.verdict,
      checks: report.checks.map(({ id, status, summary, evidence, fix }) => ({
        id,
        status,
        summary,
        evidence,
        fix,
      })),
    });
  } else {
    context.io.stdout(`${checkReportText(title, report)}\n`);
  }
  return report.verdict === 'problem' ? EXIT.partial : EXIT.ok;
}
