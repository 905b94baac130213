import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson, printTable } from '../io';

export const systemsCommand: Command = {
  name: 'systems',
  summary: 'List the CloudPBXs this account can manage',
  usage: 'fieldkit systems [--json]',
  options: {},
  async run({ io, json, api, connect }) {
    await connect();
    const systems = await api.systems.list({});
    if (json) printJson(io, systems);
    else {
      printTable(
        io,
        ['ID', 'NAME', 'COUNTRY', 'STATUS', 'NUMBERING'],
        systems.map((system) => [
          system.id,
          system.name,
          system.country ?? '',
          system.status ?? '',
          numbering(system.cloudpbx?.numberingPrefix, system.cloudpbx?.numberingDigits),
        ]),
      );
    }
    return EXIT.ok;
  },
};

function numbering(prefix: string | undefined, digits: number | undefined): string {
  if (prefix === undefined || digits === undefined) return '';
  return `${prefix}${'x'.repeat(Math.max(0, digits - prefix.length))}`;
}
