import type { Command } from '../command';
import { requireOption, UsageError } from '../command';
import { EXIT } from '../exit-codes';
import { printJson, printTable } from '../io';

const CATEGORIES = ['deskphone', 'dectmobile', 'uncategorized'];

export const modelsCommand: Command = {
  name: 'models',
  summary: 'List the device models a CloudPBX supports',
  usage: 'fieldkit models --system ID [--category deskphone|dectmobile|uncategorized] [--json]',
  options: { system: { type: 'string' }, category: { type: 'string' } },
  async run({ io, json, values, connect }) {
    const systemId = requireOption(values, 'system', 'List the CloudPBX ids with `fieldkit systems`.');
    const category = typeof values.category === 'string' ? values.category : CATEGORIES.join(',');
    for (const wanted of category.split(',')) {
      if (!CATEGORIES.includes(wanted)) {
        throw new UsageError(`--category "${wanted}" is not one of ${CATEGORIES.join(', ')}.`);
      }
    }
    const models = await (await connect()).listDeviceModels(systemId, { category });
    if (json) printJson(io, models);
    else {
      printTable(
        io,
        ['ID', 'MODEL', 'VENDOR', 'CATEGORY', 'RANGE', 'KEYS', 'MODULES'],
        models.map((model) => [
          String(model.id),
          model.model,
          model.vendor,
          model.category,
          model.range ?? '',
          String(model.programmableKeys ?? ''),
          (model.supportedModules ?? []).map((module) => module.type).join(' '),
        ]),
      );
    }
    return EXIT.ok;
  },
};
