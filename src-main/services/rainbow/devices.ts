import { apiPath, PROVISIONING_ROOT } from './paths';
import type { RainbowApi } from './rainbow-api';
import type { ApiItem, Device } from './types';

/** Filters of `GET /cloudpbxs/:systemId/devices` (reference: "retrieve all SIP devices assigned into a CloudPBX"). */
export interface DeviceQuery {
  assigned?: boolean;
  banned?: boolean;
  phoneNumberId?: string;
  /** Matches the MAC address or the IPEI (reference: "filter devices with macAdress (or ipei)"). */
  macAddress?: string;
  shortNumber?: string;
  deviceTypeId?: number;
  pageSize?: number;
}

/** `transferMode` of a device (reference: Myriad SIP devices' transfer softkey behaviour). */
export type TransferMode =
  'same_as_company' | 'new_call' | 'attended_transfer' | 'blind_transfer' | 'optional';

/** Body of `POST /cloudpbxs/:systemId/devices`. */
export interface DeviceCreation {
  description: string;
  deviceTypeId: number;
  macAddress?: string;
  ipei?: string;
  /** `rtp_savp` (SRTP) when not given. */
  mediaTransportProtocol?: 'rtp_avp' | 'rtp_savp';
  transferMode?: TransferMode;
}

/** Body of `PUT /cloudpbxs/:systemId/devices/:deviceId`; `ipei` is not in the reference (see updateDevice). */
export interface DeviceUpdate {
  description?: string;
  macAddress?: string;
  ipei?: string;
  mediaTransportProtocol?: 'rtp_avp' | 'rtp_savp';
  transferMode?: TransferMode;
  deskphoneFailoverMode?: 'same_as_company' | 'disabled';
}

/** What reboot, reset, delete and the debug calls answer: a status sentence and an empty `data`. */
export interface ApiStatus {
  status?: string;
}

function devicesPath(systemId: string, ...rest: string[]): string {
  return apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'devices', ...rest);
}

/**
 * Every device of a CloudPBX, all pages. The reference's `category` filter takes `deskphone` and `dectmobile`,
 * and its default is "deskphone,uncategorized": the default list plus the `dectmobile` list is every device,
 * asked only with documented values. The DECT handsets (no MAC) come first, as they sort first by MAC.
 */
export async function listDevices(
  api: RainbowApi,
  systemId: string,
  query: DeviceQuery = {},
): Promise<Device[]> {
  const all: Device[] = [];
  for await (const page of streamDevices(api, systemId, query)) all.push(...page);
  return all;
}

/**
 * The pages of `listDevices` in its order, each as soon as it and those before it arrived. Both lists are asked
 * at once; the other devices' pages wait for the last handset.
 */
export async function* streamDevices(
  api: RainbowApi,
  systemId: string,
  query: DeviceQuery = {},
): AsyncGenerator<Device[]> {
  const { pageSize, ...filters } = query;
  const handsets = api.listPages<Device>(
    devicesPath(systemId),
    { ...filters, category: 'dectmobile' },
    pageSize,
  );
  const others = api.listPages<Device>(devicesPath(systemId), filters, pageSize);
  const firstHandsets = handsets.next();
  const firstOthers = others.next();
  firstOthers.catch(() => undefined);
  try {
    yield* continued(await firstHandsets, handsets);
    yield* continued(await firstOthers, others);
  } finally {
    void handsets.return(undefined);
    void others.return(undefined);
  }
}

/** The rest of a generator whose first `next()` already answered `first`. */
async function* continued<T>(first: IteratorResult<T>, rest: AsyncGenerator<T>): AsyncGenerator<T> {
  if (first.done === true) return;
  yield first.value;
  yield* rest;
}

/** One device as the API has it: during a debug session it carries `adminUrl` and `adminPassword`. */
export async function getDevice(api: RainbowApi, systemId: string, deviceId: string): Promise<Device> {
  return (await api.request<ApiItem<Device>>('GET', devicesPath(systemId, deviceId))).data;
}

/** Creates a device. Not idempotent: after an OutcomeUnknownError, look the device up by MAC/IPEI. */
export async function createDevice(
  api: RainbowApi,
  systemId: string,
  device: DeviceCreation,
): Promise<Device> {
  return (await api.request<ApiItem<Device>>('POST', devicesPath(systemId), { body: device })).data;
}

/**
 * Changes a device. The reference documents `macAddress` but no `ipei` in this body; sending `ipei` (a DECT
 * handset swap) relies on the server accepting it.
 */
export async function updateDevice(
  api: RainbowApi,
  systemId: string,
  deviceId: string,
  update: DeviceUpdate,
): Promise<Device> {
  return (await api.request<ApiItem<Device>>('PUT', devicesPath(systemId, deviceId), { body: update })).data;
}

/** Removes a device; the API refuses while it is assigned to a subscriber. */
export function deleteDevice(api: RainbowApi, systemId: string, deviceId: string): Promise<ApiStatus> {
  return api.request<ApiStatus>('DELETE', devicesPath(systemId, deviceId));
}

const REBOOT_CHECK =
  'Do not send it again yet: watch the phone’s SIP registrations. If it is rebooting, its registration goes away and comes back within a few minutes.';
const RESET_CHECK =
  'Do not send it again: check the phone. After a factory reset its SIP registration goes away and does not come back until it is provisioned again; the device’s state on the CloudPBX shows whether it still registers.';

/** Asks the phone to reboot. Not idempotent: an answer lost on the way is reported, never sent again. */
export function rebootDevice(api: RainbowApi, systemId: string, deviceId: string): Promise<ApiStatus> {
  return api.request<ApiStatus>('POST', devicesPath(systemId, deviceId, 'reboot'), {
    body: {},
    unknownOutcomeHint: REBOOT_CHECK,
  });
}

/** Factory reset: the phone forgets its configuration (including the provisioning URL). Never sent twice. */
export function resetDevice(api: RainbowApi, systemId: string, deviceId: string): Promise<ApiStatus> {
  return api.request<ApiStatus>('POST', devicesPath(systemId, deviceId, 'reset'), {
    body: {},
    unknownOutcomeHint: RESET_CHECK,
  });
}
