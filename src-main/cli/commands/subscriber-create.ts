import { FieldkitError } from '../../services/errors';
import type { Command } from '../command';
import { requireOption, requireSystem, UsageError } from '../command';
import { EXIT } from '../exit-codes';
import { printJson, printTable } from '../io';
import { readShortNumber } from './device-support';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const subscriberCreateCommand: Command = {
  name: 'subscriber create',
  summary: 'Give a Rainbow user an internal number (the first free one unless --number)',
  usage: 'fieldkit subscriber create --system ID --email EMAIL [--number SHORT_NUMBER] [--json]',
  options: { system: { type: 'string' }, email: { type: 'string' }, number: { type: 'string' } },
  async run({ io, json, values, api, connect }) {
    const systemId = requireSystem(values);
    const email = requireOption(values, 'email', 'Give the Rainbow user’s login e-mail.').toLowerCase();
    if (!EMAIL.test(email))
      throw new UsageError(`--email ${JSON.stringify(email)} is not an e-mail address.`);
    const wanted = typeof values.number === 'string' ? readShortNumber(systemId, values.number) : undefined;
    await connect();
    const user = (await api.users.search({ systemId, query: email })).find(
      (candidate) => candidate.loginEmail.toLowerCase() === email,
    );
    if (user === undefined) {
      throw new FieldkitError({
        code: 'not-found',
        message: `No Rainbow user with the e-mail ${email} in the CloudPBX's company.`,
        hint: 'Check the address; the user must exist in Rainbow first.',
      });
    }
    const shortNumber = wanted ?? (await api.subscribers.freeNumbers({ systemId, limit: 1 }))[0];
    if (shortNumber === undefined) {
      throw new FieldkitError({
        code: 'conflict',
        message: `CloudPBX ${systemId} has no free internal number.`,
      });
    }
    const subscriber = await api.subscribers.create({ systemId, userId: user.id, shortNumber });
    if (json) printJson(io, subscriber);
    else printTable(io, ['SHORT NUMBER', 'USER', 'ID'], [[subscriber.shortNumber, email, subscriber.id]]);
    return EXIT.ok;
  },
};

export const numbersFreeCommand: Command = {
  name: 'numbers free',
  summary: 'List the free internal numbers of a CloudPBX',
  usage: 'fieldkit numbers free --system ID [--json]',
  options: { system: { type: 'string' } },
  async run({ io, json, values, api, connect }) {
    const systemId = requireSystem(values);
    await connect();
    const numbers = await api.subscribers.freeNumbers({ systemId });
    if (json) printJson(io, numbers);
    else io.stdout(numbers.length === 0 ? 'No free internal number.\n' : `${numbers.join('\n')}\n`);
    return EXIT.ok;
  },
};
