import { describeAge, type CatalogStatus } from '../../services/catalog';
import type { Command } from '../command';
import { requireOption } from '../command';
import { EXIT } from '../exit-codes';
import { printJson, type CliIo } from '../io';
import { catalogServiceFor } from './catalog-profile';

const SYSTEM_HINT = 'List the CloudPBX ids with `fieldkit systems`.';

export const catalogPullCommand: Command = {
  name: 'catalog pull',
  summary: 'Fetch and cache a CloudPBX catalogue (models, subscribers, devices) for offline validation',
  usage: 'fieldkit catalog pull --system ID [--json]',
  options: { system: { type: 'string' } },
  async run({ io, json, values, connect }) {
    const systemId = requireOption(values, 'system', SYSTEM_HINT);
    const catalogs = catalogServiceFor(values, io.env);
    await catalogs.pull(await connect(), systemId);
    printStatus(io, json, await catalogs.status(systemId));
    return EXIT.ok;
  },
};

export const catalogStatusCommand: Command = {
  name: 'catalog status',
  summary: 'Tell how old the cached catalogue of a CloudPBX is (no network)',
  usage: 'fieldkit catalog status --system ID [--json]',
  options: { system: { type: 'string' } },
  async run({ io, json, values }) {
    const systemId = requireOption(values, 'system', SYSTEM_HINT);
    const status = await catalogServiceFor(values, io.env).status(systemId);
    printStatus(io, json, status);
    return status.cached ? EXIT.ok : EXIT.usage;
  },
};

function printStatus(io: CliIo, json: boolean, status: CatalogStatus): void {
  if (json) {
    printJson(io, status);
    return;
  }
  if (!status.cached || status.counts === undefined) {
    io.stdout(
      `No catalogue of ${status.systemId} is cached; run \`fieldkit catalog pull --system ${status.systemId}\`.\n`,
    );
    return;
  }
  const { models, subscribers, devices } = status.counts;
  io.stdout(
    `${status.systemName ?? status.systemId}: ${models} models, ${subscribers} subscribers, ${devices} devices, ` +
      `fetched ${describeAge(status.ageSeconds ?? 0)} (${status.fetchedAt}).\n`,
  );
}
