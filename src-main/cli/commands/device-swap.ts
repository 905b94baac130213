import type { Api } from '../../api/contract';
import type { SwapProgress, SwapState } from '../../api/types';
import type { Command } from '../command';
import { UsageError } from '../command';
import { EXIT } from '../exit-codes';
import { printJson, type CliIo } from '../io';
import { readIdentifier, displayIdentifier } from '../../services/devices/device-rules';
import { DEFAULT_SWAP_TIMEOUT_SECONDS, MAX_SWAP_TIMEOUT_SECONDS } from '../../shared/limits';
import { formatMac } from '../../shared/identifiers';
import {
  DEVICE_OPTIONS,
  DEVICE_USAGE,
  integerOption,
  readDeviceTarget,
  requireYes,
  connectToDevice,
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
    const { io, json, values, api } = context;
    const target = readDeviceTarget(values);
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

    const device = await connectToDevice(context, target);
    const final = await swap(api, io, {
      systemId: target.systemId,
      deviceId: device.id,
      newIdentifier: replacement.value,
      timeoutSeconds,
    });
    if (json) printJson(io, final);
    io.stderr(`${final.message}\n`);
    if (final.status === 'succeeded') return EXIT.ok;
    if (final.canRollback) io.stderr(`${rollbackHint(final, values.system)}\n`);
    return EXIT.partial;
  },
};

const SETTLING: ReadonlySet<SwapState['status']> = new Set(['running', 'rolling-back']);

/** Starts the swap and follows its steps (`swap.progress`) until it reaches an outcome. */
async function swap(api: Api, io: CliIo, request: Parameters<Api['swaps']['start']>[0]): Promise<SwapState> {
  // Events may arrive before `start` answers with the id: the outcomes seen meanwhile are kept.
  const outcomes = new Map<string, SwapState>();
  let settle: (state: SwapState) => void = () => undefined;
  let swapId: string | undefined;
  const settled = new Promise<SwapState>((resolve) => (settle = resolve));
  const stop = api.on('swap.progress', (progress) => {
    printStep(io, progress);
    if (SETTLING.has(progress.swap.status)) return;
    if (progress.swapId === swapId) settle(progress.swap);
    else outcomes.set(progress.swapId, progress.swap);
  });
  try {
    const started = await api.swaps.start(request);
    swapId = started.swapId;
    const known = outcomes.get(swapId) ?? (SETTLING.has(started.status) ? undefined : started);
    return known ?? (await settled);
  } finally {
    stop();
  }
}

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
