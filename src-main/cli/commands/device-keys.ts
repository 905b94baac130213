import { keyDraftSchema } from '../../shared/inputs/keys';
import type { DeviceKeys, KeyDraft } from '../../shared/keys';
import type { Command, CommandContext, OptionValues } from '../command';
import { UsageError } from '../command';
import { EXIT, type ExitCode } from '../exit-codes';
import { printJson } from '../io';
import {
  connectToDevice,
  DEVICE_OPTIONS,
  DEVICE_USAGE,
  integerOption,
  readDeviceTarget,
  readShortNumber,
  requireYes,
  subscriberByShortNumber,
  type DeviceTarget,
} from './device-support';
import { printCopyPlan, printKeys } from './key-output';

/** The option each field of a key is typed with, for usage errors. */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  keyNum: 'key',
  moduleId: 'module',
  keyType: 'type',
  displayName: 'label',
  number: 'number',
  groupId: 'group',
};

const MODULE_OPTION = { module: { type: 'string' } } as const;
const moduleOption = (values: OptionValues) => integerOption(values, 'module', 0, 3);

/** The keys after a read or a change: the API's answer with --json, the table otherwise. */
function showKeys(context: CommandContext, answer: DeviceKeys): ExitCode {
  if (context.json) printJson(context.io, answer);
  else printKeys(context.io, answer);
  return EXIT.ok;
}

function requireKeyNumber(values: OptionValues): number {
  const keyNum = integerOption(values, 'key', 1, 200);
  if (keyNum === undefined) throw new UsageError('--key is required: the key number, from 1.');
  return keyNum;
}

export const deviceKeysCommand: Command = {
  name: 'device keys',
  summary: 'Show the programmable keys of a deskphone and its modules',
  usage: `fieldkit device keys --system ID ${DEVICE_USAGE} [--module N] [--json]`,
  options: { ...DEVICE_OPTIONS, ...MODULE_OPTION },
  async run(context) {
    const target = readDeviceTarget(context.values);
    const moduleId = moduleOption(context.values);
    const device = await connectToDevice(context, target);
    const answer = await context.api.keys.list({ systemId: target.systemId, deviceId: device.id, moduleId });
    return showKeys(context, answer);
  },
};

/** The key as typed, checked as the core will check it, before signing in; `--subscriber` is resolved later. */
function readKeyOptions(
  values: OptionValues,
  target: DeviceTarget,
): { draft: KeyDraft; shortNumber?: string } {
  const given = (['number', 'subscriber', 'group'] as const).filter(
    (name) => typeof values[name] === 'string',
  );
  if (given.length > 1) {
    throw new UsageError(
      `Give one destination: ${given.map((name) => `--${name}`).join(' and ')} were both given.`,
    );
  }
  const text = (name: string) => (typeof values[name] === 'string' ? String(values[name]) : undefined);
  const key = {
    keyNum: requireKeyNumber(values),
    moduleId: moduleOption(values) ?? 0,
    keyType: text('type') ?? '',
    ...(text('label') === undefined ? {} : { displayName: text('label') }),
    ...(text('number') === undefined ? {} : { number: text('number') }),
    ...(text('group') === undefined ? {} : { groupId: text('group') }),
  };
  const parsed = keyDraftSchema.safeParse(key);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map(
      (issue) => `--${OPTION_OF_FIELD[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`,
    );
    throw new UsageError(reasons.join(' '));
  }
  const draft: KeyDraft = parsed.data;
  const shortNumber = text('subscriber');
  return shortNumber === undefined
    ? { draft }
    : { draft, shortNumber: readShortNumber(target.systemId, shortNumber) };
}

export const deviceKeySetCommand: Command = {
  name: 'device key-set',
  summary: 'Create or change one programmable key (checked against the model before anything is sent)',
  usage:
    `fieldkit device key-set --system ID ${DEVICE_USAGE} --key N [--module N] ` +
    '--type speeddial|monitor|forward|headset|huntgroup|audio_hub [--label TEXT] ' +
    '[--number NUMBER | --subscriber SHORT_NUMBER | --group ID] [--json]',
  options: {
    ...DEVICE_OPTIONS,
    ...MODULE_OPTION,
    key: { type: 'string' },
    type: { type: 'string' },
    label: { type: 'string' },
    number: { type: 'string' },
    subscriber: { type: 'string' },
    group: { type: 'string' },
  },
  async run(context) {
    const target = readDeviceTarget(context.values);
    const { draft, shortNumber } = readKeyOptions(context.values, target);
    const device = await connectToDevice(context, target);
    const key =
      shortNumber === undefined
        ? draft
        : {
            ...draft,
            phoneNumberId: (await subscriberByShortNumber(context.api, target.systemId, shortNumber)).id,
          };
    const answer = await context.api.keys.set({ systemId: target.systemId, deviceId: device.id, key });
    return showKeys(context, answer);
  },
};

export const deviceKeyDeleteCommand: Command = {
  name: 'device key-delete',
  summary: 'Delete one programmable key (never a service or system key)',
  usage: `fieldkit device key-delete --system ID ${DEVICE_USAGE} --key N [--module N] --yes [--json]`,
  options: {
    ...DEVICE_OPTIONS,
    ...MODULE_OPTION,
    key: { type: 'string' },
    yes: { type: 'boolean', default: false },
  },
  async run(context) {
    const target = readDeviceTarget(context.values);
    const keyNum = requireKeyNumber(context.values);
    const moduleId = moduleOption(context.values) ?? 0;
    requireYes(context.values, '`device key-delete` removes a key the phone’s user may rely on.');
    const device = await connectToDevice(context, target);
    const answer = await context.api.keys.delete({
      systemId: target.systemId,
      deviceId: device.id,
      moduleId,
      keyNum,
    });
    return showKeys(context, answer);
  },
};

/** `--to-device ID` or `--to-mac MAC`, read like the source device. */
function readCopyTarget(context: CommandContext, systemId: string): DeviceTarget {
  const { values } = context;
  const given = (['to-device', 'to-mac'] as const).filter((name) => typeof values[name] === 'string');
  if (given.length !== 1) throw new UsageError('Name the target once: --to-device ID or --to-mac MAC.');
  const option = given[0] === 'to-device' ? 'device' : 'mac';
  return readDeviceTarget({ system: systemId, [option]: values[given[0] ?? ''] });
}

export const deviceKeysCopyCommand: Command = {
  name: 'device keys-copy',
  summary: 'Make another phone’s keys like this one’s: the diff, then one replace per module',
  usage:
    `fieldkit device keys-copy --system ID ${DEVICE_USAGE} (--to-device ID | --to-mac MAC) ` +
    '[--module N] [--dry-run] --yes [--json]',
  options: {
    ...DEVICE_OPTIONS,
    ...MODULE_OPTION,
    'to-device': { type: 'string' },
    'to-mac': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
  },
  async run(context) {
    const source = readDeviceTarget(context.values);
    const targetRef = readCopyTarget(context, source.systemId);
    const moduleId = moduleOption(context.values);
    const dryRun = context.values['dry-run'] === true;
    if (!dryRun) requireYes(context.values, '`device keys-copy` replaces the target phone’s keys.');
    const from = await connectToDevice(context, source);
    const to = await connectToDevice(context, targetRef);
    const plan = await context.api.keys.copy({
      systemId: source.systemId,
      deviceId: from.id,
      toDeviceId: to.id,
      moduleId,
      dryRun,
    });
    if (context.json) printJson(context.io, plan);
    else printCopyPlan(context.io, plan);
    return EXIT.ok;
  },
};
