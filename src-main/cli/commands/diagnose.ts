import type { CheckReport } from '../../shared/check-ladder';
import { checkReportText } from '../../shared/check-ladder';
import type { Command, CommandContext } from '../command';
import { EXIT, type ExitCode } from '../exit-codes';
import { printJson } from '../io';
import { DEVICE_OPTIONS, DEVICE_USAGE, readDeviceTarget, type DeviceTarget } from './device-support';

export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: 'Why doesn’t this phone work? Step-by-step checks from the CloudPBX, with the fix',
  usage: `fieldkit diagnose ${DEVICE_USAGE} --system ID [--json]`,
  options: DEVICE_OPTIONS,
  async run(context) {
    const target = readDeviceTarget(context.values);
    await context.connect();
    const report = await context.api.diagnose.device(deviceInput(target));
    return printReport(context, `Diagnosis of ${deviceTitle(report.subject)}`, report);
  },
};

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
