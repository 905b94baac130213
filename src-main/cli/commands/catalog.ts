import type { CatalogStatus } from '../../api/types';
import { describeAge } from '../../services/catalog/catalog';
import type { Command } from '../command';
import { requireSystem } from '../command';
import { EXIT } from '../exit-codes';
import { printJson, type CliIo } from '../io';

export const catalogPullCommand: Command = {
  name: 'catalog pull',
  summary: 'Fetch and cache a CloudPBX catalogue (models, subscribers, devices) for offline validation',
  usage: 'fieldkit catalog pull --system ID [--json]',
  options: { system: { type: 'string' } },
  async run({ io, json, values, api, connect }) {
    const systemId = requireSystem(values);
    await connect();
    printStatus(io, json, await api.catalog.pull({ systemId }));
    return EXIT.ok;
  },
};

export const catalogStatusCommand: Command = {
  name: 'catalog status',
  summary: 'Tell how old the cached catalogue of a CloudPBX is (no network)',
  usage: 'fieldkit catalog status --system ID [--json]',
  options: { system: { type: 'string' } },
  async run({ io, json, values, api, workOffline }) {
    const systemId = requireSystem(values);
    await workOffline();
    const status = await api.catalog.status({ systemId });
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
