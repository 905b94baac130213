import type { Command } from '../command';
import { requireSystem, UsageError } from '../command';
import { EXIT } from '../exit-codes';
import { printJson, printTable } from '../io';

const CATEGORIES = ['deskphone', 'dectmobile', 'uncategorized'];

export const modelsCommand: Command = {
  name: 'models',
  summary: 'List the device models a CloudPBX supports',
  usage: 'fieldkit models --system ID [--category deskphone|dectmobile|uncategorized] [--json]',
  options: { system: { type: 'string' }, category: { type: 'string' } },
  async run({ io, json, values, api, connect }) {
    const systemId = requireSystem(values);
    const categories = typeof values.category === 'string' ? values.category.split(',') : CATEGORIES;
    for (const wanted of categories) {
      if (!CATEGORIES.includes(wanted)) {
        throw new UsageError(`--category "${wanted}" is not one of ${CATEGORIES.join(', ')}.`);
      }
    }
    await connect();
    const models = (await api.systems.models({ systemId })).filter((model) =>
      categories.includes(model.category),
    );
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
