import type { SiteCheckReport } from '../../api/types';
import { checkReportText } from '../../shared/check-ladder';
import {
  DEFAULT_LLDP_LISTEN_SECONDS,
  MAX_LLDP_LISTEN_SECONDS,
  SITE_CHECK_IDS,
  type SiteCheckId,
} from '../../shared/inputs/site-check';
import { checkOption, checkSystem, UsageError, type Command, type OptionValues } from '../command';
import { EXIT } from '../exit-codes';
import { printJson, type CliIo } from '../io';

const isCheckId = (word: string): word is SiteCheckId => (SITE_CHECK_IDS as readonly string[]).includes(word);

function onlyChecks(values: OptionValues): SiteCheckId[] | undefined {
  if (typeof values.only !== 'string') return undefined;
  const words = values.only.split(',').map((word) => word.trim().toLowerCase());
  const unknown = words.filter((word) => !isCheckId(word));
  if (unknown.length > 0 || words.length === 0)
    throw new UsageError(
      `--only ${JSON.stringify(values.only)}: ${unknown.map((word) => JSON.stringify(word)).join(', ') || 'nothing'} ` +
        `is not a check; the checks are ${SITE_CHECK_IDS.join(', ')}.`,
    );
  return [...new Set(words.filter(isCheckId))];
}

function listenSeconds(values: OptionValues): number | undefined {
  const value = values['listen-lldp'];
  if (typeof value !== 'string') return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > MAX_LLDP_LISTEN_SECONDS)
    throw new UsageError(
      `--listen-lldp must be a whole number of seconds from 1 to ${MAX_LLDP_LISTEN_SECONDS}, not "${value}".`,
    );
  return Number(value);
}

function printReport(io: CliIo, report: SiteCheckReport): void {
  const { subject } = report;
  const where = `${subject.interface} (${subject.addresses.join(', ') || 'no IPv4 address'})`;
  if (subject.simulated) io.stdout('Simulated site (demo): nothing was sent on any network.\n');
  io.stdout(`${checkReportText(`Site check from ${where}`, report)}\n`);
}

export const siteCheckCommand: Command = {
  name: 'site-check',
  summary:
    'What a phone plugged into this port gets from the LAN: switch port, DHCP, DNS, time, TLS to Rainbow',
  usage:
    'fieldkit site-check [--interface NAME] [--system ID] [--only CHECK,…] [--listen-lldp SECONDS] [--json]' +
    ` (checks: ${SITE_CHECK_IDS.join(', ')})`,
  options: {
    interface: { type: 'string' },
    system: { type: 'string' },
    only: { type: 'string' },
    'listen-lldp': { type: 'string' },
  },
  async run({ io, json, values, api, connect, workOffline }) {
    const systemId = typeof values.system === 'string' ? checkSystem(values.system) : undefined;
    const only = onlyChecks(values);
    const listenLldpSeconds = listenSeconds(values);
    const iface = typeof values.interface === 'string' ? values.interface : undefined;
    const input = {
      ...(iface === undefined ? {} : { interface: iface }),
      ...(systemId === undefined ? {} : { systemId }),
      ...(only === undefined ? {} : { only }),
      ...(listenLldpSeconds === undefined ? {} : { listenLldpSeconds }),
    };
    if (iface !== undefined)
      checkOption('interface', iface, 'an interface name', 'siteCheck.run', { interface: iface });

    // The CloudPBX part needs a sign-in; the LAN part needs none. --demo checks the demo's simulated site.
    if (systemId !== undefined) await connect();
    else if (values.demo === true) await workOffline();
    if (!json)
      io.stderr(
        'site-check: checking (LLDP is listened to for up to ' +
          `${listenLldpSeconds ?? DEFAULT_LLDP_LISTEN_SECONDS} s)…\n`,
      );
    const report = await api.siteCheck.run(input);
    if (json) printJson(io, report);
    else printReport(io, report);
    return report.checks.some((check) => check.status === 'fail') ? EXIT.partial : EXIT.ok;
  },
};
