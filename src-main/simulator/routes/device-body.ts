import type { ExpansionModule } from '../../services/rainbow/types';
import { EXPANSION_MODULE_POSITIONS, EXPANSION_MODULE_TYPES } from '../../shared/enums';
import { bodyObject, optionalChoice, optionalString, requiredInteger, requiredString } from '../http/body';
import { ApiError } from '../http/responses';
import type { DevicePatch, MediaTransportProtocol, NewDevice } from '../tenant/records';
import { readIpei, readMacAddress } from './identifiers';

/** Enums of the reference's device bodies. */
const MEDIA_TRANSPORT_PROTOCOLS: readonly MediaTransportProtocol[] = ['rtp_avp', 'rtp_savp'];
const TRANSFER_MODES = ['same_as_company', 'new_call', 'attended_transfer', 'blind_transfer', 'optional'];
const FAILOVER_MODES = ['same_as_company', 'disabled'];

/** `POST /cloudpbxs/:systemId/devices`; the model/identifier combination is the tenant's rule. */
export function readNewDevice(systemId: string, body: unknown): NewDevice {
  const fields = bodyObject(body);
  optionalString(fields, 'password');
  const macAddress = optionalString(fields, 'macAddress');
  const ipei = optionalString(fields, 'ipei');
  return withoutUndefined({
    systemId,
    description: requiredString(fields, 'description'),
    deviceTypeId: requiredInteger(fields, 'deviceTypeId'),
    macAddress: macAddress === undefined ? undefined : readMacAddress(macAddress, 'macAddress'),
    ipei: ipei === undefined ? undefined : readIpei(ipei, 'ipei'),
    mediaTransportProtocol: optionalChoice(fields, 'mediaTransportProtocol', MEDIA_TRANSPORT_PROTOCOLS),
    transferMode: optionalChoice(fields, 'transferMode', TRANSFER_MODES),
  });
}

/** `PUT /cloudpbxs/:systemId/devices/:deviceId`: only the fields given change. */
export function readDevicePatch(body: unknown): DevicePatch {
  const fields = bodyObject(body);
  optionalString(fields, 'password');
  const macAddress = optionalString(fields, 'macAddress');
  const patch: DevicePatch = {
    description: optionalString(fields, 'description'),
    macAddress: macAddress === undefined ? undefined : readMacAddress(macAddress, 'macAddress'),
    mediaTransportProtocol: optionalChoice(fields, 'mediaTransportProtocol', MEDIA_TRANSPORT_PROTOCOLS),
    transferMode: optionalChoice(fields, 'transferMode', TRANSFER_MODES),
    deskphoneFailoverMode: optionalChoice(fields, 'deskphoneFailoverMode', FAILOVER_MODES),
  };
  return withoutUndefined(patch);
}

export function readExpansionModule(body: unknown): ExpansionModule {
  const fields = bodyObject(body);
  const moduleId = requiredInteger(fields, 'moduleId');
  if (!(EXPANSION_MODULE_POSITIONS as readonly number[]).includes(moduleId))
    throw ApiError.badRequest(`Field 'moduleId' must be 1, 2 or 3`);
  const type = optionalChoice(fields, 'type', EXPANSION_MODULE_TYPES);
  if (type === undefined) throw ApiError.badRequest(`Field 'type' is required`);
  const name = optionalString(fields, 'name');
  return name === undefined ? { moduleId, type } : { moduleId, type, name };
}

/** `{ duration? }`: seconds, a string in the reference; a number is accepted too. */
export function readDebugDuration(body: unknown, fallbackSeconds: number): number {
  const value = bodyObject(body)['duration'];
  if (value === undefined || value === null || value === '') return fallbackSeconds;
  const seconds = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw ApiError.badRequest(`Field 'duration' must be a whole number of seconds, more than 0`);
  }
  return seconds;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
