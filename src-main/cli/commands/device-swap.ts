import type { Command } from '../command';
import { UsageError } from '../command';
import { EXIT } from '../exit-codes';
import { printJson, type CliIo } from '../io';
import { readIdentifier, displayIdentifier } from '../../services/devices/device-rules';
import { DEFAULT_SWAP_TIMEOUT_SECONDS, MAX_SWAP_TIMEOUT_SECONDS } from '../../shared/limits';
import type { SwapProgress, SwapState } from '../../services/devices/types';
import { formatMac } from '../../shared/identifiers';
import {
  DEVICE_OPTIONS,
  DEVICE_USAGE,
  integerOption,
  openDeviceSession,
  requireYes,
  resolveDevice,
} from './device-support';

export const deviceSwapCommand: Command = {
  name: 'device swap',
  summary: 'Replace a broken phone: move its device to a new MAC, reboot, wait for the new phone to register',
  usage:
    `fieldkit device swap --system ID ${DEVICE_USAGE} (--new-mac MAC | --new-ipei IPEI) [--timeout S] --yes ` +
    '[--json]',
  options: {
    ...DEVICE_OPTIONS,
    'new-mac': { type: 'string' },
    'new-ipei': { type: 'string' },
    timeout: { type: 'string' },
    yes: { type: 'boolean', default: false },
  },
  async run(context) {
    const { io, json, values } = context;
    const newMac = typeof values['new-mac'] === 'string' ? values['new-mac'] : undefined;
    const newIpei = typeof values['new-ipei'] === 'string' ? values['new-ipei'] : undefined;
    if ((newMac === undefined) === (newIpei === undefined)) {
      throw new UsageError('Give the replacement’s --new-mac or --new-ipei, one of the two.');
    }
    const replacement =
      newMac !== undefined
        ? readIdentifier(newMac, 'new-mac', 'mac')
        : readIdentifier(newIpei ?? '', 'new-ipei', 'ipei');
    // 0 checks once; the app's screens use at least 10 s.
    const timeoutSeconds =
      integerOption(values, 'timeout', 0, MAX_SWAP_TIMEOUT_SECONDS) ?? DEFAULT_SWAP_TIMEOUT_SECONDS;
    requireYes(values, '`device swap` moves the device to another phone.');

    const session = await openDeviceSession(context, (progress) => printStep(io, progress));
    const device = await resolveDevice(values, session);
    const { swaps } = session.feature;
    const started = await swaps.start({
      systemId: session.systemId,
      deviceId: device.id,
      newIdentifier: replacement.value,
      timeoutSeconds,
    });
    const final = await swaps.whenSettled(started.swapId);
    if (json) printJson(io, final);
    io.stderr(`${final.message}\n`);
    if (final.status === 'succeeded') return EXIT.ok;
    if (final.canRollback) io.stderr(`${rollbackHint(final, values.system)}\n`);
    return EXIT.partial;
  },
};

function printStep(io: CliIo, progress: SwapProgress): void {
  if (progress.status === 'pending') return;
  io.stderr(`  ${progress.status.padEnd(7)}  ${progress.step}: ${progress.message}\n`);
}

/** A swap back to the old identifier: the way to undo it from the terminal. */
function rollbackHint(swap: SwapState, systemId: unknown): string {
  const old =
    swap.kind === 'mac'
      ? formatMac(swap.oldIdentifier, 'upper')
      : displayIdentifier({ kind: 'ipei', value: swap.oldIdentifier });
  const option = swap.kind === 'mac' ? '--new-mac' : '--new-ipei';
  return (
    `To put ${old} back: fieldkit device swap --system ${String(systemId)} --device ${swap.deviceId} ` +
    `${option} ${old} --timeout 0 --yes   (--timeout 0: the old phone is broken, do not wait for it)`
  );
}
