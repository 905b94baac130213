import { DEVICE_CATEGORIES } from '../../shared/enums';
import { FieldkitError } from '../errors';
import type { RainbowClient } from '../rainbow';
import type { Device } from '../rainbow/types';
import { deviceLabel, holderLabel } from './device-labels';
import {
  displayIdentifier,
  identifierOf,
  readIdentifier,
  swapRefusal,
  type DeviceIdentifier,
} from './device-rules';

export type SwapClient = Pick<
  RainbowClient,
  | 'getDevice'
  | 'listDevices'
  | 'listDeviceModels'
  | 'updateDevice'
  | 'rebootDevice'
  | 'listDeviceRegistrations'
>;

export interface SwapRequest {
  systemId: string;
  deviceId: string;
  newIdentifier: string;
  /** Model of the replacement phone, when the technician names it. */
  newDeviceTypeId?: number;
}

export interface SwapPlan {
  device: Device;
  oldIdentifier: DeviceIdentifier;
  newIdentifier: DeviceIdentifier;
}

/**
 * Everything checked before anything changes: the new identifier reads, fits the device's model, is not already
 * on the CloudPBX, and the API can make the change. A refusal here leaves the device untouched.
 */
export async function planSwap(client: SwapClient, request: SwapRequest): Promise<SwapPlan> {
  const newIdentifier = readIdentifier(request.newIdentifier, 'newIdentifier');
  const device = await client.getDevice(request.systemId, request.deviceId);
  const models = await client.listDeviceModels(request.systemId, { category: DEVICE_CATEGORIES });
  const model = models.find((candidate) => candidate.id === device.deviceType.id);
  const replacementModel =
    request.newDeviceTypeId === undefined
      ? undefined
      : models.find((candidate) => candidate.id === request.newDeviceTypeId);
  const refusal = swapRefusal(device, model, newIdentifier, replacementModel);
  const oldIdentifier = identifierOf(device);
  if (refusal !== undefined || oldIdentifier === undefined) {
    throw refused(refusal ?? `${deviceLabel(device)} has no identifier to swap.`);
  }
  if (newIdentifier.kind === 'ipei') throw refused(dectSwapUnsupported(device, newIdentifier));

  const holders = await client.listDevices(request.systemId, { macAddress: newIdentifier.value });
  const holder = holders.find((candidate) => identifierOf(candidate)?.value === newIdentifier.value);
  if (holder !== undefined) {
    throw new FieldkitError({
      code: 'conflict',
      message: `${displayIdentifier(newIdentifier)} is already on this CloudPBX: ${deviceLabel(holder)}, held by ${holderLabel(holder)}.`,
      hint: 'A phone can be on one device only: delete or swap that device first, or check the label.',
      details: { deviceId: holder.id },
    });
  }
  return { device, oldIdentifier, newIdentifier };
}

function refused(message: string): FieldkitError {
  return new FieldkitError({
    code: 'invalid-input',
    message,
    issues: [{ field: 'newIdentifier', message }],
  });
}

/**
 * The reference's device update takes a `macAddress` but no `ipei`, and the simulator follows it: a DECT
 * handset's IPEI cannot be changed in place, so its swap is refused with the way to do it instead.
 */
function dectSwapUnsupported(device: Device, replacement: DeviceIdentifier): string {
  const holder = device.phoneNumberId === undefined ? '' : ` and assign it to ${holderLabel(device)}`;
  return (
    `Rainbow cannot change the IPEI of a DECT handset in place. Register the new handset ` +
    `(${displayIdentifier(replacement)}) as a new device${holder}, then unassign and delete ${deviceLabel(device)}.`
  );
}
