import type { Command } from '../command';
import { requireSystem } from '../command';
import { EXIT } from '../exit-codes';
import { printJson, printTable } from '../io';

export const subscribersCommand: Command = {
  name: 'subscribers',
  summary: 'List the subscribers (internal numbers) of a CloudPBX, all pages',
  usage: 'fieldkit subscribers --system ID [--json]',
  options: { system: { type: 'string' } },
  async run({ io, json, values, api, connect }) {
    const systemId = requireSystem(values);
    await connect();
    const subscribers = await api.subscribers.list({ systemId });
    if (json) printJson(io, subscribers);
    else {
      printTable(
        io,
        ['SHORT NUMBER', 'NAME', 'E-MAIL', 'ID'],
        subscribers.map((subscriber) => [
          subscriber.shortNumber,
          [subscriber.firstName, subscriber.lastName].filter(Boolean).join(' '),
          subscriber.loginEmail ?? '',
          subscriber.id,
        ]),
      );
    }
    return EXIT.ok;
  },
};
