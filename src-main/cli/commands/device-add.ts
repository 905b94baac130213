import type { Command } from '../command';
import { UsageError, requireOption, requireSystem } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../io';
import { FieldkitError } from '../../services/errors';
import type { DeviceModel } from '../../api/types';
import { printDevices, readShortNumber, subscriberByShortNumber } from './device-support';

export const deviceAddCommand: Command = {
  name: 'device add',
  summary: 'Register a deskphone (by MAC) or a DECT handset (by IPEI), optionally for a subscriber',
  usage:
    'fieldkit device add --system ID (--mac MAC | --ipei IPEI) --model NAME_OR_ID [--description TEXT] ' +
    '[--subscriber SHORT_NUMBER] [--json]',
  options: {
    system: { type: 'string' },
    mac: { type: 'string' },
    ipei: { type: 'string' },
    model: { type: 'string' },
    description: { type: 'string' },
    subscriber: { type: 'string' },
  },
  async run(context) {
    const { io, json, values, api } = context;
    const systemId = requireSystem(values);
    const mac = typeof values.mac === 'string' ? values.mac : undefined;
    const ipei = typeof values.ipei === 'string' ? values.ipei : undefined;
    if ((mac === undefined) === (ipei === undefined)) {
      throw new UsageError('Give the phone’s --mac (deskphone) or --ipei (DECT handset), one of the two.');
    }
    const modelText = requireOption(values, 'model', 'List the models with `fieldkit models --system ID`.');
    const shortNumber =
      typeof values.subscriber === 'string' ? readShortNumber(systemId, values.subscriber) : undefined;
    await context.connect();
    const model = pickModel(await api.systems.models({ systemId }), modelText);
    const subscriber =
      shortNumber === undefined ? undefined : await subscriberByShortNumber(api, systemId, shortNumber);
    const device = await api.devices.register({
      systemId,
      identifier: mac ?? ipei ?? '',
      deviceTypeId: model.id,
      description: typeof values.description === 'string' ? values.description : undefined,
      phoneNumberId: subscriber?.id,
    });
    if (json) printJson(io, device);
    else printDevices(io, [device]);
    return EXIT.ok;
  },
};

/** A model by id, or by name (case-insensitive, `ALE M5` or `M5`). */
function pickModel(models: readonly DeviceModel[], text: string): DeviceModel {
  const wanted = text.trim().toLowerCase();
  const found = models.find(
    (model) =>
      String(model.id) === wanted ||
      model.model.toLowerCase() === wanted ||
      `${model.vendor} ${model.model}`.toLowerCase() === wanted,
  );
  if (found !== undefined) return found;
  throw new FieldkitError({
    code: 'invalid-input',
    message: `The CloudPBX has no model "${text}". Models: ${models.map((model) => model.model).join(', ')}.`,
    issues: [{ field: 'model', message: `Unknown model "${text}".` }],
  });
}
