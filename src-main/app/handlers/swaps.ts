import type { DeviceFeature } from '../../services/devices/device-feature';
import type { NamespaceHandlers } from './handler-types';

export function swapHandlers({ swaps }: DeviceFeature): NamespaceHandlers<'swaps'> {
  return {
    'swaps.start': (input) => swaps.start(input),
    'swaps.get': ({ swapId }) => swaps.get(swapId),
    'swaps.list': () => swaps.list(),
    'swaps.rollback': ({ swapId }) => swaps.rollback(swapId),
  };
}
