import { FieldkitError, isFieldkitError } from '../../errors';
import { isOutcomeUnknown, type DeviceCreation } from '../../rainbow';
import type { Device } from '../../rainbow/types';
import type { PlannedRow } from '../plan';
import { journalled, recordFound, STEP_ATTEMPTS, type RowContext } from './journalled';

export interface Creation {
  deviceId: string;
  /** False when the device was already there (a 409 on create) with the wanted model. */
  created: boolean;
}

/**
 * Creates the device, never twice: when an earlier attempt (this run's, or a crashed run's per the journal:
 * `uncertain`) may have created it, the device is looked up by its MAC/IPEI first. A device the CloudPBX
 * already has with the same model counts as created. The line's intents are on disk already.
 */
export async function ensureCreated(
  row: PlannedRow,
  context: RowContext,
  uncertainAtFirst: boolean,
): Promise<Creation> {
  const identifier = row.identifier;
  const model = row.model;
  if (identifier === undefined || model === undefined || row.description === undefined) {
    throw new Error(`line ${row.line} is not complete enough to create a device`);
  }
  const body: DeviceCreation = {
    description: row.description,
    deviceTypeId: model.id,
    ...(row.kind === 'ipei' ? { ipei: identifier } : { macAddress: identifier }),
    ...(row.transferMode === undefined ? {} : { transferMode: row.transferMode }),
    ...(row.mediaTransportProtocol === undefined
      ? {}
      : { mediaTransportProtocol: row.mediaTransportProtocol }),
  };
  let uncertain = uncertainAtFirst;
  for (let attempt = 1; attempt <= STEP_ATTEMPTS; attempt += 1) {
    if (uncertain) {
      const found = await lookUp(context, identifier);
      if (found !== undefined) {
        recordFound(row, context, 'create', found.id);
        return { deviceId: found.id, created: true };
      }
    }
    try {
      const device = await journalled(
        row,
        context,
        'create',
        () => context.client.createDevice(context.systemId, body),
        (created) => created.id,
        attempt === 1,
      );
      return { deviceId: device.id, created: true };
    } catch (error) {
      if (isOutcomeUnknown(error)) {
        uncertain = true;
        continue;
      }
      if (isFieldkitError(error, 'conflict'))
        return adoptExisting(row, context, identifier, error, uncertain);
      throw error;
    }
  }
  throw new FieldkitError({
    code: 'api-error',
    message: `the CloudPBX did not confirm creating the device ${STEP_ATTEMPTS} times, and it cannot be found`,
  });
}

/**
 * A 409 on create: the device exists. Fine if it is here with the wanted model; else say where the problem is.
 * After an attempt whose answer was lost, the device is that attempt's (the server acted after our look-up
 * missed it), so it counts as created by this line.
 */
async function adoptExisting(
  row: PlannedRow,
  context: RowContext,
  identifier: string,
  conflict: FieldkitError,
  afterLostAttempt: boolean,
): Promise<Creation> {
  const found = await lookUp(context, identifier);
  if (found === undefined) {
    throw new FieldkitError({
      code: 'conflict',
      message: `${row.id} is already registered, but not on this CloudPBX (another CloudPBX or company has it)`,
      hint: conflict.hint,
    });
  }
  if (found.deviceType.id !== row.model?.id) {
    throw new FieldkitError({
      code: 'conflict',
      message: `${row.id} appeared on the CloudPBX meanwhile as a ${found.deviceType.model}, not a ${row.model?.name ?? '?'}`,
    });
  }
  recordFound(row, context, 'create', found.id);
  return { deviceId: found.id, created: afterLostAttempt };
}

/** The device of the CloudPBX with this MAC/IPEI (the list's `macAddress` filter matches either). */
async function lookUp(context: RowContext, identifier: string): Promise<Device | undefined> {
  const devices = await context.client.listDevices(context.systemId, { macAddress: identifier });
  return devices.find(
    (device) => device.macAddress?.toLowerCase() === identifier || device.ipei?.toLowerCase() === identifier,
  );
}
