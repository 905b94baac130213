import type { ApiStatus } from './devices';
import { apiPath, PROVISIONING_ROOT } from './paths';
import type { RainbowApi } from './rainbow-api';
import type { ApiItem, Device } from './types';

/**
 * A CloudPBX subscriber as the provisioning API answers it. It also carries the subscriber's SIP password and
 * XMPP password (`password`, `jid_password`): typed here only so that callers know to drop them.
 */
export interface Subscriber {
  id: string;
  shortNumber: string;
  internalNumber?: string;
  userId?: string;
  systemId: string;
  deviceName?: string;
  pbxId?: string;
  password?: string;
  jid_password?: string;
}

export interface SubscriberCreation {
  userId: string;
  shortNumber: string;
}

function subscribersPath(systemId: string, ...rest: string[]): string {
  return apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'subscribers', ...rest);
}

/** Creates a subscriber (an internal number held by a user). Not idempotent. */
export async function createSubscriber(
  api: RainbowApi,
  systemId: string,
  subscriber: SubscriberCreation,
): Promise<Subscriber> {
  return (await api.request<ApiItem<Subscriber>>('POST', subscribersPath(systemId), { body: subscriber }))
    .data;
}

/** The devices assigned to a subscriber, all pages. */
export function listSubscriberDevices(
  api: RainbowApi,
  systemId: string,
  phoneNumberId: string,
): Promise<Device[]> {
  return api.listAll<Device>(subscribersPath(systemId, phoneNumberId, 'devices'));
}

/** Assigns a device by id (the reference's preferred form). Assigning the same device again changes nothing. */
export async function assignDevice(
  api: RainbowApi,
  systemId: string,
  phoneNumberId: string,
  deviceId: string,
): Promise<Device> {
  const path = subscribersPath(systemId, phoneNumberId, 'devices');
  return (await api.request<ApiItem<Device>>('POST', path, { body: { deviceId } })).data;
}

/** Frees a device from its subscriber. */
export function unassignDevice(
  api: RainbowApi,
  systemId: string,
  phoneNumberId: string,
  deviceId: string,
): Promise<ApiStatus> {
  return api.request<ApiStatus>('DELETE', subscribersPath(systemId, phoneNumberId, 'devices', deviceId));
}

/** Unused internal numbers of the CloudPBX (`GET /cloudpbxs/:systemId/phone-numbers/free`), as the API's numbers. */
export async function listFreeNumbers(
  api: RainbowApi,
  systemId: string,
  options: { startingWith?: string; limit?: number } = {},
): Promise<number[]> {
  const path = apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'phone-numbers', 'free');
  const answer = await api.request<ApiItem<number[]>>('GET', path, { query: options });
  return answer.data;
}
