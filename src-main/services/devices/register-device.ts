import type { AuditTrail } from '../audit/audit-trail';
import { FieldkitError } from '../errors';
import { isOutcomeUnknown, type RainbowClient } from '../rainbow';
import type { Device, DeviceModel } from '../rainbow/types';
import { deviceLabel } from './device-labels';
import { defaultDescription, displayIdentifier, type DeviceIdentifier } from './device-rules';

export interface CreateDeviceRequest {
  client: Pick<RainbowClient, 'createDevice'>;
  audit: AuditTrail;
  systemId: string;
  identifier: DeviceIdentifier;
  model: DeviceModel;
  description?: string;
  shortNumber?: string;
  /** Looks the device up by its identifier: how an unknown outcome is settled. */
  findExisting: () => Promise<Device | undefined>;
}

/**
 * Creates the device, audited. A create is never sent twice: when its outcome is unknown (the connection broke
 * after sending), the device is looked up by MAC/IPEI and the lookup decides what happened.
 */
export async function createDeviceOnce(request: CreateDeviceRequest): Promise<Device> {
  const { identifier, model, systemId } = request;
  const description =
    request.description?.trim() || defaultDescription(model, identifier, request.shortNumber);
  const body = {
    description,
    deviceTypeId: model.id,
    ...(identifier.kind === 'mac' ? { macAddress: identifier.value } : { ipei: identifier.value }),
  };
  return request.audit.record(
    {
      action: 'device.register',
      systemId,
      object: { type: 'device', label: `${description} (${displayIdentifier(identifier)})` },
      details: { model: model.model, [identifier.kind]: identifier.value },
      describeResult: (device) => ({ object: { id: device.id, label: deviceLabel(device) } }),
    },
    async () => {
      try {
        return await request.client.createDevice(systemId, body);
      } catch (error) {
        if (!isOutcomeUnknown(error)) throw conflictExplained(error, identifier);
        return settleUnknownOutcome(error, request);
      }
    },
  );
}

async function settleUnknownOutcome(error: FieldkitError, request: CreateDeviceRequest): Promise<Device> {
  let found: Device | undefined;
  try {
    found = await request.findExisting();
  } catch {
    throw error;
  }
  if (found !== undefined) return found;
  throw new FieldkitError({
    ...error.toData(),
    message: `${error.message} Fieldkit looked it up: the device was not created, so registering it again is safe.`,
    hint: 'Try again.',
  });
}

/** A 409 on create: the identifier is taken somewhere this CloudPBX's list does not show. */
function conflictExplained(error: unknown, identifier: DeviceIdentifier): unknown {
  if (!(error instanceof FieldkitError) || error.code !== 'conflict') return error;
  const what = identifier.kind === 'mac' ? 'MAC address' : 'IPEI';
  return new FieldkitError({
    ...error.toData(),
    message: `Rainbow refused: the ${what} ${displayIdentifier(identifier)} is already registered, on another CloudPBX. (${error.message})`,
    hint: 'Remove it from the other CloudPBX first, or check the identifier against the label.',
  });
}
